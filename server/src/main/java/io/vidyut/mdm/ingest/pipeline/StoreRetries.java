package io.vidyut.mdm.ingest.pipeline;

import java.time.Duration;

/**
 * How often the Kafka consumer tries to store a record before it gives up on it (a dead letter), and how long it
 * waits between tries: {@code firstBackoff}, doubling, each wait at most {@link #LONGEST_BACKOFF}. The consumer does
 * not poll while it retries, so all the waits together must stay well within Kafka's max.poll.interval.ms (5 min),
 * or the group would count it as dead: {@link #MOST_ATTEMPTS} bounds them at about three minutes.
 */
record StoreRetries(int maxAttempts, Duration firstBackoff) {
    static final int MOST_ATTEMPTS = 20;
    static final Duration LONGEST_BACKOFF = Duration.ofSeconds(10);

    StoreRetries {
        if (maxAttempts < 1 || maxAttempts > MOST_ATTEMPTS) {
            throw new IllegalArgumentException("mdm.kafka.max-store-attempts must be between 1 and " + MOST_ATTEMPTS
                    + ", not " + maxAttempts);
        }
        if (firstBackoff.isNegative()) throw new IllegalArgumentException("mdm.kafka.store-retry-backoff must not be negative");
    }

    /** The wait after the {@code failed}-th failed attempt (1 for the first). */
    Duration backoffAfter(int failed) {
        Duration backoff = firstBackoff;
        for (int i = 1; i < failed && backoff.compareTo(LONGEST_BACKOFF) < 0; i++) backoff = backoff.multipliedBy(2);
        return backoff.compareTo(LONGEST_BACKOFF) < 0 ? backoff : LONGEST_BACKOFF;
    }
}
