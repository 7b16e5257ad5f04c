/**
 * People's corrections: edits with a reason (SET, SCALE, ESTIMATE), approval by a second person when the tenant asks
 * for it, other modules' vetoes through {@link io.vidyut.mdm.vee.EditGuard}, {@link
 * io.vidyut.mdm.vee.IntervalsCorrected} when applied; and resolving exceptions from the queue, by accepting them or
 * by editing their range. Internal to the module.
 */
package io.vidyut.mdm.vee.edits;
