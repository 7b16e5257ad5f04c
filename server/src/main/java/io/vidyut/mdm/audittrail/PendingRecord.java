package io.vidyut.mdm.audittrail;

import java.time.Instant;

/**
 * An action as it was recorded, waiting for its place in the chain: who and when are fixed at the moment of the
 * action, and before and after are already JSON with secrets redacted (later changes to the objects do not count).
 */
record PendingRecord(Caller caller, Instant at, String action, String targetType, String targetId, String before,
                     String after) {}
