package io.vidyut.mdm.commands;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How commands are delivered: attempts per command and the first retry's delay (doubling after each failure), the
 * outbox's {@code command} kind's defaults ({@code mdm.outbox.kinds.command.*} overrides them); how long an
 * acknowledged command may wait for its result, and how often overdue ones are looked for.
 */
@ConfigurationProperties("mdm.commands")
record CommandSettings(Integer maxAttempts, Duration backoff, Duration resultTimeout, Duration poll) {
    CommandSettings {
        if (maxAttempts == null) maxAttempts = 3;
        if (backoff == null) backoff = Duration.ofSeconds(2);
        if (resultTimeout == null) resultTimeout = Duration.ofMinutes(10);
        if (poll == null) poll = Duration.ofMillis(500);
    }
}
