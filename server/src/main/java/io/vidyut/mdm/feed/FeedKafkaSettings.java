package io.vidyut.mdm.feed;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The pipeline's Kafka as the feed uses it ({@code mdm.kafka.*}, shared with ingestion): the brokers (none: no Kafka),
 * the feed's topic, and the partitions and replication the topic is created with when missing.
 */
@ConfigurationProperties("mdm.kafka")
record FeedKafkaSettings(String bootstrap, String feedTopic, Integer partitions, Short replication) {
    FeedKafkaSettings {
        if (feedTopic == null || feedTopic.isBlank()) feedTopic = "mdm.events";
        if (partitions == null) partitions = 12;
        if (replication == null) replication = 1;
        if (partitions < 1) throw new IllegalArgumentException("mdm.kafka.partitions must be at least 1, not " + partitions);
        if (replication < 1) throw new IllegalArgumentException("mdm.kafka.replication must be at least 1, not " + replication);
    }
}
