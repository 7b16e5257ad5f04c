package io.vidyut.mdm.billing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A change of data billing had already taken, announced so billing can re-bill: the meter's channel, the intervals
 * ending in [firstAt, lastAt], what caused it, and (for changes of stored values) how many intervals changed and
 * their sum before and after, in {@code unit}. {@code editId} names the edit when a person made it.
 */
public record CorrectionNotice(UUID id, UUID meterId, String channel, Instant firstAt, Instant lastAt, Cause cause,
                               Integer intervals, BigDecimal previousValue, BigDecimal value, String unit, UUID editId,
                               String correctedBy, Instant announcedAt) {

    /** What changed the data. */
    public enum Cause {
        /** A person's edit. */
        EDIT,
        /** Actual data arrived late and replaced an estimate. */
        LATE_ACTUAL,
        /** The HES re-sent a different actual value. */
        RESEND,
        /** An estimate replaced an earlier estimate. */
        RE_ESTIMATE
    }
}
