package io.vidyut.mdm.feed;

import io.vidyut.mdm.outbox.KindSettings;
import io.vidyut.mdm.outbox.OutboxHandler;
import io.vidyut.mdm.outbox.OutboxMessage;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The test server runs without Kafka, so without the {@code feed.kafka} handler; this bean (picked up from the test
 * sources) stands in for it and hands each message to the publisher {@link KafkaFeedPublisherTest} plugs in, against
 * its in-process broker. While none is plugged in, messages fail and are retried (quickly: 200 ms doubling to 1 s).
 */
@Component
class KafkaFeedForTests implements OutboxHandler {
    static volatile KafkaFeedPublisher publisher;

    @Override
    public String kind() {
        return KafkaFeedPublisher.KIND;
    }

    @Override
    public KindSettings defaults() {
        return new KindSettings(10_000, Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(40), null);
    }

    @Override
    public Outcome deliver(OutboxMessage message) {
        KafkaFeedPublisher current = publisher;
        return current == null ? Outcome.retry("no Kafka in this test just now") : current.deliver(message);
    }
}
