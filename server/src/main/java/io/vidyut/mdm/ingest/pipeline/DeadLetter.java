package io.vidyut.mdm.ingest.pipeline;

import java.time.Instant;

/**
 * A pipeline record the Kafka consumer gave up on: where it sat, its bytes, the part they hold ({@code work}; null
 * when they could not be read), the last error, and how many attempts failed since {@code firstFailedAt}.
 */
record DeadLetter(String topic, int partition, long offset, byte[] value, IngestWork work, RuntimeException error,
                  int attempts, Instant firstFailedAt) {}
