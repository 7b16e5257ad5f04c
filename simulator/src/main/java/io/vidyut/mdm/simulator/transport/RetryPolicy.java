package io.vidyut.mdm.simulator.transport;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter (delay uniform in [0, min(max, initial × 2^(attempt-1))]), so a fleet of
 * senders that all hit a busy server do not come back in lock-step. A server's Retry-After, when given, is a floor.
 *
 * @param maxAttempts tries in all, the first included
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay) {
    public static final RetryPolicy DEFAULT = new RetryPolicy(8, Duration.ofMillis(200), Duration.ofSeconds(10));

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay");
        }
    }

    /** How long to wait after failed attempt number {@code attempt} (1-based). */
    public Duration delayAfter(int attempt, Duration retryAfter) {
        long ceiling = initialDelay.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(Math.max(ceiling, 0), maxDelay.toMillis());
        long jittered = capped == 0 ? 0 : ThreadLocalRandom.current().nextLong(capped + 1);
        if (retryAfter != null) {
            jittered = Math.max(jittered, Math.min(retryAfter.toMillis(), maxDelay.toMillis() * 3));
        }
        return Duration.ofMillis(jittered);
    }

    /** HTTP statuses worth another try: rate limiting, timeouts and server-side failures. */
    public static boolean retryable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }
}
