package io.vidyut.mdm.tenancy;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The tenant of the current thread's work. Set from the caller's token by the security filter, or
 * explicitly by background work with {@link #callAs}. The transaction manager hands it to
 * PostgreSQL, where row-level security enforces it.
 */
public final class TenantContext {
    private static final ThreadLocal<TenantScope> CURRENT = new ThreadLocal<>();

    private TenantContext() {}

    public static Optional<TenantScope> current() {
        return Optional.ofNullable(CURRENT.get());
    }

    /** The current tenant's id; fails when the work runs outside any tenant. */
    public static UUID requireTenantId() {
        TenantScope scope = CURRENT.get();
        if (scope == null || scope.tenantId() == null) {
            throw new NoTenantException();
        }
        return scope.tenantId();
    }

    public static <T> T callAs(TenantScope scope, Supplier<T> work) {
        TenantScope previous = CURRENT.get();
        CURRENT.set(scope);
        try {
            return work.get();
        } finally {
            restore(previous);
        }
    }

    public static void runAs(TenantScope scope, Runnable work) {
        callAs(scope, () -> {
            work.run();
            return null;
        });
    }

    /** For request filters, which must pair it with {@link #clear()}. */
    public static void set(TenantScope scope) {
        CURRENT.set(scope);
    }

    public static void clear() {
        CURRENT.remove();
    }

    private static void restore(TenantScope previous) {
        if (previous == null) CURRENT.remove();
        else CURRENT.set(previous);
    }

    /** Tenant-owned work attempted without a tenant (e.g. a platform token on a tenant endpoint). */
    public static final class NoTenantException extends io.vidyut.mdm.common.ForbiddenException {
        NoTenantException() {
            super("This operation needs a tenant; sign in as a tenant user or switch to a tenant");
        }
    }
}
