package io.vidyut.mdm.outbox;

import java.time.Instant;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A message as the outbox keeps it: its state, attempts and last error, what operators did to it, and its payload.
 * {@code nextAttemptAt} is set while it is PENDING (the end of its lease while an attempt runs).
 */
public record StoredMessage(UUID id, String kind, String orderingKey, String subject, MessageStatus status, int attempts,
                            String lastError, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt, Instant deadAt,
                            Instant redrivenAt, String redrivenBy, Instant discardedAt, String discardedBy,
                            String discardReason, JsonNode payload) {}
