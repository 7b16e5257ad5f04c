package io.vidyut.mdm.tenancy;

import java.util.Objects;
import java.util.UUID;

/** Whose data a unit of work may touch: one tenant, or the platform (tenant management only). */
public record TenantScope(UUID tenantId, String tenantCode, boolean platform) {

    public static TenantScope of(UUID tenantId, String tenantCode) {
        return new TenantScope(Objects.requireNonNull(tenantId), tenantCode, false);
    }

    public static TenantScope platformScope() {
        return new TenantScope(null, null, true);
    }
}
