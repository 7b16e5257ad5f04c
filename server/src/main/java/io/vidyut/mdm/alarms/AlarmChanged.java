package io.vidyut.mdm.alarms;

import java.util.UUID;

/** An alarm was raised, repeated, updated, acknowledged or resolved; announced after the change commits. */
record AlarmChanged(UUID tenantId, Change change, Alarm alarm) {
    enum Change { RAISED, REPEATED, UPDATED, ACKNOWLEDGED, RESOLVED }
}
