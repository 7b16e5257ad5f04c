package io.vidyut.mdm.vee;

/**
 * The validation checks. A blocking rule holds its values back from billing until a person
 * resolves the exception; the others are recorded for people and statistics. Which rules block is
 * each meter class's setting; {@link #blocking()} is the built-in default.
 */
public enum VeeRule {
    /** Intervals still missing after the grace period. */
    GAP(false),
    /** A different value arrived for an interval already stored (a revision, kept as a new version). */
    DUPLICATE(false),
    /**
     * A re-sent actual value changed a stored actual one by more than the tenant's threshold and is held for review:
     * the stored value stands (and is held back from billing) until a person takes the re-sent value or keeps it.
     */
    RESEND_CHANGE(true),
    /** One write carried the same interval twice with different values: the last is stored, the first is in history. */
    DUPLICATE_IN_BATCH(false),
    /** The meter's clock drifted beyond the vendor's alignment tolerance; its values were moved to the nearest boundary. */
    CLOCK_DRIFT(false),
    /** Interval energy above sanctioned load × interval × factor. */
    HIGH_LIMIT(true),
    /** Interval energy below sanctioned load × interval × factor (off unless a factor is set). */
    LOW_LIMIT(true),
    /** An interval far above the day's own upper intervals (its n-th highest). */
    SPIKE(true),
    /** A long run of zero consumption while voltage is present, or a longer one with no voltage data. */
    ZERO_RUN(true),
    /** The same non-zero value for a long run of intervals. */
    FLAT_LINE(true),
    /** Negative interval energy, or export on a consumer that is not net-metered. */
    REVERSE_ENERGY(true),
    /** A cumulative register passed its maximum and restarted. */
    REGISTER_ROLLOVER(false),
    /** A cumulative register went backwards without rolling over. */
    REGISTER_DECREASE(true),
    /** The meter's CT/PT multiplier changed between two register reads. */
    MULTIPLIER_CHANGE(false),
    /** The sum of intervals does not match the register's advance over the same time. */
    SUM_CHECK(true),
    /** The interval held a power failure. */
    POWER_FAILURE(false),
    /** Too many consecutive estimated intervals. */
    PROLONGED_ESTIMATION(false);

    private final boolean blocking;

    VeeRule(boolean blocking) {
        this.blocking = blocking;
    }

    public boolean blocking() {
        return blocking;
    }
}
