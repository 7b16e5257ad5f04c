package io.vidyut.mdm.webhooks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How webhooks are delivered: attempts per message, the first retry's delay (doubling after each failure, capped at
 * an hour), how long one call may take, whether subscription URLs may point into private networks
 * ({@link WebhookTargetGuard}) and how long delivered messages are kept. The attempts, backoff and retention are the
 * {@code webhook} kind's defaults in the outbox ({@code mdm.outbox.kinds.webhook.*} overrides them); how often due
 * messages are looked for is the outbox's ({@code mdm.outbox.poll}).
 */
@ConfigurationProperties("mdm.webhooks")
record WebhookSettings(Integer maxAttempts, Duration backoff, Duration timeout, Boolean allowPrivateTargets,
                       Duration retention) {
    WebhookSettings {
        if (maxAttempts == null) maxAttempts = 8;
        if (backoff == null) backoff = Duration.ofSeconds(5);
        if (timeout == null) timeout = Duration.ofSeconds(10);
        if (allowPrivateTargets == null) allowPrivateTargets = false;
        if (retention == null) retention = Duration.ofDays(30);
    }
}
