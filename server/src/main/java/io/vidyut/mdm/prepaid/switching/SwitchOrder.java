package io.vidyut.mdm.prepaid.switching;

import java.time.Instant;
import java.util.UUID;

/**
 * A disconnection or reconnection the prepaid rules asked for: when it is to be sent (a disconnection spread over an
 * opening window), a reconnection's deadline and whether it was late, the command that carried it, and why.
 */
record SwitchOrder(UUID id, UUID accountId, String accountNo, UUID meterId, Action action, Status status, Instant sendAt, Instant deadline,
                   boolean late, UUID commandId, int attempts, String reason, String lastError, String requestedBy, Instant createdAt,
                   Instant sentAt, Instant completedAt) {

    enum Action { DISCONNECT, RECONNECT }

    enum Status { SCHEDULED, SENT, EXECUTED, FAILED, CANCELLED }
}
