/**
 * VEE: validation of every reading as it is stored, estimation of what is still missing after a
 * grace period, people's edits with reasons, the exceptions work queue and its statistics.
 * Listens to the store's events; other modules learn of corrections through {@link io.vidyut.mdm.vee.IntervalsCorrected}.
 */
package io.vidyut.mdm.vee;
