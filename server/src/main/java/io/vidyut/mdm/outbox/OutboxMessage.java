package io.vidyut.mdm.outbox;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A message as its handler receives it.
 *
 * @param id          the message's identity, the same on every attempt (receivers dedupe on it)
 * @param attempt     this attempt's number, from 1 (a redrive starts again from 1)
 * @param maxAttempts the kind's attempts: the message dies when attempt {@code maxAttempts} fails
 * @param retryDelay  how long the dispatcher waits before the next attempt should this one fail with a plain retry
 */
public record OutboxMessage(UUID id, UUID tenantId, String kind, String orderingKey, String subject, JsonNode payload,
                            int attempt, int maxAttempts, Duration retryDelay, Instant createdAt) {
    /** Whether a failure of this attempt kills the message. */
    public boolean lastAttempt() {
        return attempt >= maxAttempts;
    }
}
