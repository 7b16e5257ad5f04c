package io.vidyut.mdm.outbox;

import java.time.Duration;

/** What one kind's messages are delivered with: every part set (see {@link OutboxSettings#policyOf}). */
record KindPolicy(String kind, int maxAttempts, Duration backoff, Duration backoffCap, Duration lease, Duration retention) {
    /** The longest a handler may ask to wait ({@link OutboxHandler.Outcome#retryAfter}). */
    static final Duration LONGEST_RETRY_AFTER = Duration.ofDays(1);

    /** The delay after failed attempt number {@code attempt}: the backoff, doubled per earlier attempt, at most the cap. */
    Duration backoffAfter(int attempt) {
        int doublings = Math.min(Math.max(attempt - 1, 0), 40);
        Duration delay;
        try {
            delay = backoff.multipliedBy(1L << doublings);
        } catch (ArithmeticException e) {
            return backoffCap;
        }
        return delay.compareTo(backoffCap) > 0 ? backoffCap : delay;
    }

    /** A handler's own wait, kept within 0 and a day. */
    static Duration retryAfter(Duration asked) {
        if (asked.isNegative()) return Duration.ZERO;
        return asked.compareTo(LONGEST_RETRY_AFTER) > 0 ? LONGEST_RETRY_AFTER : asked;
    }
}
