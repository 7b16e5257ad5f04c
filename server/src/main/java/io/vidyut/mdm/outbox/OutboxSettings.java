package io.vidyut.mdm.outbox;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the outbox works ({@code mdm.outbox.*}), checked at start (a bad value stops the server with the property's
 * name): how often due messages are looked for, how many are claimed at once, and the defaults of every kind
 * (attempts, first retry delay doubling up to a cap, lease, retention of delivered messages). A kind's handler may
 * bring its own defaults ({@link OutboxHandler#defaults()}), and {@code mdm.outbox.kinds.<kind>.*} overrides both
 * (a kind with a dot is written in brackets: {@code mdm.outbox.kinds.[feed.kafka].max-attempts}).
 */
@ConfigurationProperties("mdm.outbox")
record OutboxSettings(Duration poll, Integer batchSize, Duration lease, Integer maxAttempts, Duration backoff,
                      Duration backoffCap, Duration retention, Map<String, KindSettings> kinds) {
    OutboxSettings {
        if (poll == null) poll = Duration.ofMillis(500);
        if (batchSize == null) batchSize = 100;
        if (lease == null) lease = Duration.ofMinutes(2);
        if (maxAttempts == null) maxAttempts = 8;
        if (backoff == null) backoff = Duration.ofSeconds(5);
        if (backoffCap == null) backoffCap = Duration.ofHours(1);
        if (retention == null) retention = Duration.ofDays(30);
        kinds = kinds == null ? Map.of() : Map.copyOf(kinds);
        if (poll.isZero() || poll.isNegative()) throw new IllegalArgumentException("mdm.outbox.poll must be a positive duration, not " + poll);
        if (batchSize < 1 || batchSize > 1000) throw new IllegalArgumentException("mdm.outbox.batch-size must be 1 to 1000, not " + batchSize);
        // the parameters, not defaults(): the fields are not set yet in here
        new KindSettings(maxAttempts, backoff, backoffCap, lease, retention).validate("mdm.outbox");
        kinds.forEach((kind, settings) -> settings.validate("mdm.outbox.kinds." + kind));
    }

    /** Every kind's defaults, as set here. */
    KindSettings defaults() {
        return new KindSettings(maxAttempts, backoff, backoffCap, lease, retention);
    }

    /** What a kind works with: its own settings here, over its handler's defaults, over the outbox's. */
    KindPolicy policyOf(String kind, KindSettings handlerDefaults) {
        handlerDefaults.validate("the defaults of outbox kind " + kind);
        KindSettings effective = kinds.getOrDefault(kind, KindSettings.NONE).over(handlerDefaults).over(defaults());
        effective.validate("mdm.outbox.kinds." + kind);
        return new KindPolicy(kind, effective.maxAttempts(), effective.backoff(), effective.backoffCap(), effective.lease(),
                effective.retention());
    }
}
