/**
 * The payload mapping language and its parser, apart from the administration of vendors and their mapping versions
 * (the base package): {@link io.vidyut.mdm.hes.mapping.PayloadMapping} says how a vendor's JSON, CSV or DLMS payload
 * maps to channels, units and times, and {@link io.vidyut.mdm.hes.mapping.PayloadParser} reads a payload by it.
 * Plain Java without Spring or storage; ingestion and test-parse use it through this named interface.
 */
@org.springframework.modulith.NamedInterface("mapping")
package io.vidyut.mdm.hes.mapping;
