/**
 * VEE: validation of every reading as it is stored, estimation of what is still missing after a
 * grace period, people's edits with reasons, the exceptions work queue and its statistics.
 *
 * <p>This package is the module's published API: {@link io.vidyut.mdm.vee.VeeStatus} (what billing asks about a
 * range: withheld intervals, estimate runs), {@link io.vidyut.mdm.vee.IntervalsCorrected} (published inside an
 * edit's transaction), {@link io.vidyut.mdm.vee.EditGuard} (other modules' vetoes on edits, which billing
 * implements), and the vocabulary they use ({@link io.vidyut.mdm.vee.VeeRule}, {@link
 * io.vidyut.mdm.vee.EstimationMethod}). The sub-packages are internal: {@code settings} (what a meter is judged by),
 * {@code exceptions} (the work queue), {@code validation}, {@code estimation} and {@code edits}, each depending only
 * on those listed before it. VEE reads and writes meter data only through the readings module ({@code ReadingStore},
 * {@code IntervalQueries}), and meters and their place in the network only through the meters and network modules.
 */
package io.vidyut.mdm.vee;
