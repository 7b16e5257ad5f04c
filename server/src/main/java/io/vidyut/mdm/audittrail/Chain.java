package io.vidyut.mdm.audittrail;

import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The chain a transaction writes to and reads: its tenant's, or the platform's (no tenant) in platform scope, as the
 * transaction's row-level security settings say. Row-level security already hides every other tenant's rows; the
 * explicit condition also keeps a platform administrator acting inside a tenant (who may see platform rows too) on
 * that tenant's chain alone.
 */
record Chain(UUID tenantId) {

    /** The current transaction's chain; fails when the transaction is in neither a tenant nor the platform scope. */
    static Chain current(JdbcClient jdbc) {
        record Scope(UUID tenant, boolean platform) {}
        Scope scope = jdbc.sql("select mdm_current_tenant(), mdm_is_platform()")
                .query((rs, n) -> new Scope(rs.getObject(1, UUID.class), rs.getBoolean(2))).single();
        if (scope.tenant() == null && !scope.platform()) {
            throw new IllegalStateException("An audited action outside any tenant or the platform scope");
        }
        return new Chain(scope.tenant());
    }

    /** A condition on audit_event for this chain, with {@link #params()}. */
    String where() {
        return tenantId == null ? "tenant_id is null" : "tenant_id = :tenant";
    }

    Map<String, Object> params() {
        return tenantId == null ? Map.of() : Map.of("tenant", tenantId);
    }

    /** The key of the transaction lock that lets one writer at a time append to this chain. */
    String lockKey() {
        return "mdm.audit_event:" + (tenantId == null ? "platform" : tenantId);
    }
}
