package io.vidyut.mdm.common;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.security.access.prepost.PreAuthorize;

/**
 * Who may call an endpoint, said once per endpoint: each annotation here is a role set, enforced by its
 * {@code @PreAuthorize} and stated in the API documentation by {@link RolesInApiDocs}, which reads the same
 * expression, so the two cannot disagree. Staff roles are per tenant; PLATFORM_ADMIN acts across tenants; HES is a
 * vendor's API key or client certificate.
 */
public final class Roles {
    private Roles() {}

    /** Anyone, signed in or not (sign-in itself, the single sign-on start). */
    @Documented @Retention(RetentionPolicy.RUNTIME) @Target({ElementType.METHOD, ElementType.TYPE})
    @PreAuthorize("permitAll()")
    public @interface Anyone {}

    /** Any signed-in person (their own session, their own settings); not an HES key. */
    @Documented @Retention(RetentionPolicy.RUNTIME) @Target({ElementType.METHOD, ElementType.TYPE})
    @PreAuthorize("isAuthenticated() and !hasRole('HES')")
    public @interface SignedIn {}

    /** The tenant's administrators: settings, users, vendors, rules. */
    @Documented @Retention(RetentionPolicy.RUNTIME) @Target({ElementType.METHOD, ElementType.TYPE})
    @PreAuthorize("hasRole('TENANT_ADMIN')")
    public @interface TenantAdmin {}

    /** Who runs the tenant's operations day to day: administrators and operators. */
    @Documented @Retention(RetentionPolicy.RUNTIME) @Target({ElementType.METHOD, ElementType.TYPE})
    @PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR')")
    public @interface Operators {}

    /** Who reads the tenant's data: administrators, operators and analysts. */
    @Documented @Retention(RetentionPolicy.RUNTIME) @Target({ElementType.METHOD, ElementType.TYPE})
    @PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'ANALYST')")
    public @interface Readers {}

    /** The readers and the field technicians (meters, the network, their readings). */
    @Documented @Retention(RetentionPolicy.RUNTIME) @Target({ElementType.METHOD, ElementType.TYPE})
    @PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'ANALYST', 'FIELD_TECH')")
    public @interface Staff {}

    /** The platform's administrators, across tenants. */
    @Documented @Retention(RetentionPolicy.RUNTIME) @Target({ElementType.METHOD, ElementType.TYPE})
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    public @interface PlatformAdmin {}

    /** A tenant's administrators for their tenant, the platform's for the platform. */
    @Documented @Retention(RetentionPolicy.RUNTIME) @Target({ElementType.METHOD, ElementType.TYPE})
    @PreAuthorize("hasAnyRole('TENANT_ADMIN', 'PLATFORM_ADMIN')")
    public @interface TenantOrPlatformAdmin {}

    /** The tenant's operators for their tenant, the platform's administrators for every tenant. */
    @Documented @Retention(RetentionPolicy.RUNTIME) @Target({ElementType.METHOD, ElementType.TYPE})
    @PreAuthorize("hasAnyRole('TENANT_ADMIN', 'OPERATOR', 'PLATFORM_ADMIN')")
    public @interface OperatorsOrPlatformAdmin {}

    /** An HES system, by its vendor's API key or client certificate. */
    @Documented @Retention(RetentionPolicy.RUNTIME) @Target({ElementType.METHOD, ElementType.TYPE})
    @PreAuthorize("hasRole('HES')")
    public @interface Hes {}
}
