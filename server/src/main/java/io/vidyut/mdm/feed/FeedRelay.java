package io.vidyut.mdm.feed;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Moves the feed along: gives committed entries their positions (one instance at a time, oldest first), then,
 * when Kafka is configured, publishes what is positioned and not yet published.
 */
@Component
class FeedRelay {
    private static final Logger log = LoggerFactory.getLogger(FeedRelay.class);
    static final int BATCH = 5000;

    private final JdbcClient jdbc;
    private final Optional<KafkaFeedPublisher> kafka;

    FeedRelay(JdbcClient jdbc, Optional<KafkaFeedPublisher> kafka) {
        this.jdbc = jdbc;
        this.kafka = kafka;
    }

    @Scheduled(fixedDelayString = "${mdm.feed.poll:PT0.2S}")
    void relay() {
        try {
            assignPositions();
            kafka.ifPresent(FeedRelay::publishAll);
        } catch (RuntimeException e) {
            log.warn("The feed could not be relayed now; it is tried again", e);
        }
    }

    /** Positions every committed entry that has none yet; returns how many. */
    int assignPositions() {
        int total = 0;
        int assigned;
        do {
            assigned = jdbc.sql("select mdm_feed_assign_positions(?)").param(BATCH).query(Integer.class).single();
            total += assigned;
        } while (assigned == BATCH);
        return total;
    }

    private static void publishAll(KafkaFeedPublisher publisher) {
        int published;
        do {
            published = publisher.publishPending(); // a backlog (Kafka was away) goes out batch after batch
        } while (published == KafkaFeedPublisher.BATCH);
    }
}
