/**
 * The MDM's measurement vocabulary shared by every module: canonical channels (with their OBIS code,
 * unit and stored resolution) and per-value quality flags.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package io.vidyut.mdm.channels;
