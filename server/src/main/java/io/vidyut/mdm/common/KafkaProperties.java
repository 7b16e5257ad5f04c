package io.vidyut.mdm.common;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Kafka ({@code mdm.kafka.*}), used when {@code bootstrap} is set, by the ingest pipeline and the event feed: the
 * pipeline's topic and the feed's, the partitions and replication a missing topic is created with, the pipeline's
 * consumers per instance, and how often a pipeline record that cannot be stored is tried (with a growing pause)
 * before it becomes a dead letter.
 */
@Validated
@ConfigurationProperties("mdm.kafka")
public record KafkaProperties(String bootstrap, @NotBlank String topic, @NotBlank String feedTopic, @Positive Integer partitions,
                              @Positive Short replication, @Positive Integer consumers, @Positive Integer maxStoreAttempts,
                              @NotNull Duration storeRetryBackoff) {
    public KafkaProperties {
        if (topic == null) topic = "mdm.ingest.readings";
        if (feedTopic == null) feedTopic = "mdm.events";
        if (partitions == null) partitions = 12;
        if (replication == null) replication = 1;
        if (consumers == null) consumers = 1;
        if (maxStoreAttempts == null) maxStoreAttempts = 5;
        if (storeRetryBackoff == null) storeRetryBackoff = Duration.ofMillis(200);
    }
}
