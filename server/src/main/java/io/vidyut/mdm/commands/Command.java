package io.vidyut.mdm.commands;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A command to one meter with its whole story: who asked, each step's time, attempts, and why it failed; for an
 * executed ON_DEMAND_READ, the ingestion batch its result went into.
 */
record Command(UUID id, UUID meterId, UUID vendorId, CommandType type, Map<String, Object> params, String idempotencyKey,
               CommandStatus status, int attempts, String reason, String hesReference, String requestedBy,
               Instant requestedAt, Instant sentAt, Instant acknowledgedAt, Instant completedAt, String cancelledBy,
               UUID readBatchId) {}
