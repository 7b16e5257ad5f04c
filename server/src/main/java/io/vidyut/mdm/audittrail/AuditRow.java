package io.vidyut.mdm.audittrail;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One row of a chain as stored: before and after are PostgreSQL's text of the stored jsonb (null when absent),
 * and {@code at} has the database's precision (microseconds).
 */
record AuditRow(UUID tenantId, long seq, Instant at, String actor, List<String> actorRoles, String address,
                String requestId, String action, String targetType, String targetId, String before, String after,
                String prevHash, String hash) {}
