package io.vidyut.mdm.audittrail;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Which rows of a chain a search or an export wants; every part optional. {@code actionPrefix} matches action codes
 * by their start ({@code user.} finds every user action), the others exactly; {@code from} is inclusive, {@code to}
 * exclusive.
 */
record AuditFilter(Instant from, Instant to, String actor, String actionPrefix, String targetType, String targetId) {

    /** The SQL condition (after {@code where}) on audit_event for this filter within the chain. */
    String where(Chain chain) {
        StringBuilder where = new StringBuilder(chain.where());
        if (from != null) where.append(" and at >= :from");
        if (to != null) where.append(" and at < :to");
        if (actor != null) where.append(" and actor = :actor");
        if (actionPrefix != null) where.append(" and action like :action escape '\\'");
        if (targetType != null) where.append(" and target_type = :targetType");
        if (targetId != null) where.append(" and target_id = :targetId");
        return where.toString();
    }

    Map<String, Object> params(Chain chain) {
        Map<String, Object> params = new HashMap<>(chain.params());
        if (from != null) params.put("from", Timestamp.from(from));
        if (to != null) params.put("to", Timestamp.from(to));
        if (actor != null) params.put("actor", actor);
        if (actionPrefix != null) params.put("action", actionPrefix.replaceAll("([\\\\%_])", "\\\\$1") + "%");
        if (targetType != null) params.put("targetType", targetType);
        if (targetId != null) params.put("targetId", targetId);
        return params;
    }
}
