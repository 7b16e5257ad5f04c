package io.vidyut.mdm.vee;

/** How VEE filled a gap (PRODUCT.md §4.3). */
public enum EstimationMethod {
    /** Straight line between the values either side of a short gap. */
    LINEAR,
    /** The linear shape scaled with the span's other estimates so they hold exactly what the boundary registers leave (no like-day history for the shape). */
    LINEAR_REGISTER_SCALED,
    /**
     * Each slot the weighted median of the same slot on like days of the last weeks (same day type, the same weekday
     * counting most, estimated values less), adjusted to the meter's typical level around the gap.
     */
    LIKE_DAY,
    /**
     * The like-day shape scaled so the gap holds the energy the known intervals around it imply, or exactly what the
     * boundary registers leave when they bracket it.
     */
    LIKE_DAY_SCALED,
    /** The average of the known values on the one side that is known. */
    FLAT,
    /** The DT's other meters' profile, scaled to this meter's level. */
    PROFILE
}
