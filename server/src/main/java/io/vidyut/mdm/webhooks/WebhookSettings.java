package io.vidyut.mdm.webhooks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How webhooks are delivered: attempts per delivery, the first retry's delay (doubling after each
 * failure, capped at an hour), how long one call may take, and how often due deliveries are looked for;
 * whether subscription URLs may point into private networks ({@link WebhookTargetGuard}); how long
 * delivered messages are kept ({@code retention}).
 */
@ConfigurationProperties("mdm.webhooks")
record WebhookSettings(Integer maxAttempts, Duration backoff, Duration timeout, Duration poll, Boolean allowPrivateTargets,
                       Duration retention) {
    WebhookSettings {
        if (maxAttempts == null) maxAttempts = 8;
        if (backoff == null) backoff = Duration.ofSeconds(5);
        if (timeout == null) timeout = Duration.ofSeconds(10);
        if (poll == null) poll = Duration.ofMillis(500);
        if (allowPrivateTargets == null) allowPrivateTargets = false;
        if (retention == null) retention = Duration.ofDays(30);
    }

    /** The delay before retry number {@code attempt} + 1. */
    Duration backoffAfter(int attempt) {
        Duration delay = backoff.multipliedBy(1L << Math.min(attempt - 1, 20));
        return delay.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : delay;
    }

    /** How long a claimed delivery is left alone: longer than one call, so only a crashed call is retried by it. */
    Duration lease() {
        return timeout.plusSeconds(30);
    }
}
