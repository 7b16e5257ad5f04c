package io.vidyut.mdm.alarms;

import java.util.UUID;

/**
 * An alarm was raised, repeated, updated, escalated (left open too long), acknowledged or resolved; published inside the transaction
 * of the change, so in-transaction listeners (the webhook outbox) commit or roll back with it, and
 * after-commit listeners (the live stream) see only changes that happened.
 */
public record AlarmChanged(UUID tenantId, Change change, Alarm alarm) {
    public enum Change { RAISED, REPEATED, UPDATED, ESCALATED, ACKNOWLEDGED, RESOLVED }
}
