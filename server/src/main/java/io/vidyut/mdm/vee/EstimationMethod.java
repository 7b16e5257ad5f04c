package io.vidyut.mdm.vee;

/** How VEE filled a gap (PRODUCT.md §4.3). */
public enum EstimationMethod {
    /** Straight line between the values either side of a short gap. */
    LINEAR,
    /** The linear shape scaled so the gap holds exactly what the boundary registers say was consumed. */
    LINEAR_REGISTER_SCALED,
    /** The average of the same slots on like days (same weekday; holidays as Sundays) of the last weeks. */
    LIKE_DAY,
    /** The average of the known values on the one side that is known. */
    FLAT,
    /** The DT's other meters' profile, scaled to this meter's level. */
    PROFILE
}
