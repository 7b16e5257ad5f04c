package io.vidyut.mdm.commands;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How commands are delivered: attempts per command, the first retry's delay (doubling after each
 * failure), how long an acknowledged command may wait for its result, and how often due commands are looked for.
 */
@ConfigurationProperties("mdm.commands")
record CommandSettings(Integer maxAttempts, Duration backoff, Duration resultTimeout, Duration poll) {
    CommandSettings {
        if (maxAttempts == null) maxAttempts = 3;
        if (backoff == null) backoff = Duration.ofSeconds(2);
        if (resultTimeout == null) resultTimeout = Duration.ofMinutes(10);
        if (poll == null) poll = Duration.ofMillis(500);
    }

    /** The delay before retry number {@code attempt} + 1. */
    Duration backoffAfter(int attempt) {
        return backoff.multipliedBy(1L << Math.min(attempt - 1, 10));
    }
}
