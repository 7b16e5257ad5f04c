package io.vidyut.mdm.outbox;

import java.time.Duration;

/**
 * How one kind's messages are delivered, each part optional (a missing one comes from {@code mdm.outbox.*}): attempts
 * before a message is DEAD, the first retry's delay (doubling per attempt up to the cap), how long a claimed message
 * is left to its handler before another attempt may take it (longer than one delivery takes), and how long delivered
 * and discarded messages are kept.
 */
public record KindSettings(Integer maxAttempts, Duration backoff, Duration backoffCap, Duration lease, Duration retention) {
    public static final KindSettings NONE = new KindSettings(null, null, null, null, null);

    /** The parts set here, else those of {@code fallback}. */
    KindSettings over(KindSettings fallback) {
        return new KindSettings(maxAttempts != null ? maxAttempts : fallback.maxAttempts(),
                backoff != null ? backoff : fallback.backoff(), backoffCap != null ? backoffCap : fallback.backoffCap(),
                lease != null ? lease : fallback.lease(), retention != null ? retention : fallback.retention());
    }

    /** Refuses values no kind can work with; {@code where} names them in the message (a property prefix). */
    void validate(String where) {
        if (maxAttempts != null && (maxAttempts < 1 || maxAttempts > 1_000_000)) {
            throw new IllegalArgumentException(where + ".max-attempts must be 1 to 1000000, not " + maxAttempts);
        }
        positive(backoff, where + ".backoff");
        positive(backoffCap, where + ".backoff-cap");
        if (backoff != null && backoffCap != null && backoffCap.compareTo(backoff) < 0) {
            throw new IllegalArgumentException(where + ".backoff-cap (" + backoffCap + ") must not be below " + where
                    + ".backoff (" + backoff + ")");
        }
        if (lease != null && lease.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(where + ".lease must be at least 1 s, not " + lease);
        }
        positive(retention, where + ".retention");
    }

    private static void positive(Duration value, String name) {
        if (value != null && (value.isZero() || value.isNegative())) {
            throw new IllegalArgumentException(name + " must be a positive duration, not " + value);
        }
    }
}
