package io.vidyut.mdm.ingest.pipeline;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The Kafka transport of the ingest pipeline ({@code mdm.kafka.*}), used when {@code bootstrap} is set: the topic and
 * how it is created, consumers per instance, and how often a record that cannot be stored is tried (with a growing
 * pause) before it becomes a dead letter. The feed's topic ({@code mdm.kafka.feed-topic}) is the feed's own setting.
 */
@Validated
@ConfigurationProperties("mdm.kafka")
public record KafkaProperties(String bootstrap, @NotBlank String topic, @Positive Integer partitions,
                              @Positive Short replication, @Positive Integer consumers, @Positive Integer maxStoreAttempts,
                              @NotNull Duration storeRetryBackoff) {
    public KafkaProperties {
        if (topic == null) topic = "mdm.ingest.readings";
        if (partitions == null) partitions = 12;
        if (replication == null) replication = 1;
        if (consumers == null) consumers = 1;
        if (maxStoreAttempts == null) maxStoreAttempts = 5;
        if (storeRetryBackoff == null) storeRetryBackoff = Duration.ofMillis(200);
    }
}
