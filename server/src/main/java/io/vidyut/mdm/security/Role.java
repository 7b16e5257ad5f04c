package io.vidyut.mdm.security;

/** What a caller may do. People hold one or more roles; HES machine clients hold {@link #HES}. */
public enum Role {
    PLATFORM_ADMIN, TENANT_ADMIN, OPERATOR, ANALYST, FIELD_TECH, CONSUMER, HES;

    /** Roles a tenant administrator may grant inside the tenant. */
    public boolean grantableByTenantAdmin() {
        return this != PLATFORM_ADMIN && this != HES;
    }
}
