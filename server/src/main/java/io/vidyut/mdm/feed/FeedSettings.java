package io.vidyut.mdm.feed;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The feed ({@code mdm.feed.*}): how often the relay positions new entries (and, with Kafka, enqueues them for
 * publishing), and how long entries are kept. Checked at start.
 */
@ConfigurationProperties("mdm.feed")
record FeedSettings(Duration poll, Duration retention) {
    FeedSettings {
        if (poll == null) poll = Duration.ofMillis(200);
        if (retention == null) retention = Duration.ofDays(7);
        if (poll.isZero() || poll.isNegative()) throw new IllegalArgumentException("mdm.feed.poll must be a positive duration, not " + poll);
        if (retention.compareTo(Duration.ofHours(1)) < 0) {
            throw new IllegalArgumentException("mdm.feed.retention must be at least an hour, not " + retention);
        }
    }
}
