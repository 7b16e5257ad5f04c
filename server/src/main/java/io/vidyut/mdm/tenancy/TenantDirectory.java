package io.vidyut.mdm.tenancy;

import java.util.Optional;

/** Looks tenants up for other modules (platform scope). */
public interface TenantDirectory {
    /** Any tenant by code, looked up in platform scope whatever the caller's. */
    Optional<Tenant> findByCode(String code);

    /** Any tenant by id, looked up in platform scope whatever the caller's. */
    Optional<Tenant> findById(java.util.UUID tenantId);

    Tenant create(NewTenant tenant);

    /** Adds these settings to the tenant's (platform scope), replacing the sections they name. */
    Tenant mergeSettings(String code, java.util.Map<String, Object> settings);

    /** Every tenant (platform scope; for jobs that run per tenant). */
    java.util.List<Tenant> all();

    /** The tenant's time zone, which sets its day boundaries (cached). */
    java.time.ZoneId zoneOf(java.util.UUID tenantId);

    /** {@code state}: an {@link IndianState} name, or null when not known (yet). */
    record NewTenant(String code, String name, String timeZone, String state) {
        public NewTenant(String code, String name, String timeZone) {
            this(code, name, timeZone, null);
        }
    }
}
