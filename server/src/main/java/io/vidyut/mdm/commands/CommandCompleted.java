package io.vidyut.mdm.commands;

import java.time.Instant;
import java.util.UUID;

/**
 * A command reached its end (EXECUTED, FAILED, TIMED_OUT or CANCELLED); published inside the transaction that
 * ended it, so what listeners write with it (the feed) commits or rolls back with the command.
 */
public record CommandCompleted(UUID tenantId, UUID commandId, UUID meterId, String type, String status, String reason,
                               String hesReference, String requestedBy, Instant completedAt) {}
