package io.vidyut.mdm.ingest;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How ingestion is sized ({@code mdm.ingest.*}): the largest batch, the in-memory pipeline's partitions (0: one per
 * core, at least two) and their queue, where vendors drop files, and the push admission: memory set aside for push
 * bodies being read, how many reading and event pushes parse at once (0: from the cores), how many more may wait
 * and for how long. Checked at start: a bad value stops the server with the setting's name.
 */
@Validated
@ConfigurationProperties("mdm.ingest")
public record IngestProperties(@Positive Integer maxPayloadBytes, @Min(0) Integer partitions, @Positive Integer queueCapacity,
                               Path dropDir, @Positive Long bodyBudgetBytes, @Min(0) Integer concurrentPushes,
                               @Min(0) Integer concurrentEventPushes, @Min(0) Integer pushesWaiting,
                               @NotNull Duration pushWait) {
    public IngestProperties {
        if (maxPayloadBytes == null) maxPayloadBytes = 32 * 1024 * 1024;
        if (partitions == null) partitions = 0;
        if (queueCapacity == null) queueCapacity = 64;
        if (bodyBudgetBytes == null) bodyBudgetBytes = 256L * 1024 * 1024;
        if (concurrentPushes == null) concurrentPushes = 0;
        if (concurrentEventPushes == null) concurrentEventPushes = 0;
        if (pushesWaiting == null) pushesWaiting = 0;
        if (pushWait == null) pushWait = Duration.ofSeconds(1);
    }
}
