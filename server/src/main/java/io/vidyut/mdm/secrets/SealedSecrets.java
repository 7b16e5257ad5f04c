package io.vidyut.mdm.secrets;

import io.vidyut.mdm.tenancy.Tenant;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantDirectory;
import io.vidyut.mdm.tenancy.TenantScope;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A module's stored secrets, re-sealed under the primary master key after a rotation (and sealed, when they were
 * stored before sealing existed). Each module that keeps secrets in tenant tables extends it for its own tables; the
 * re-sealing runs tenant by tenant, each in one transaction under that tenant's row-level security.
 */
public abstract class SealedSecrets {
    private final TenantDirectory tenants;
    private final TransactionTemplate transactions;

    protected SealedSecrets(TenantDirectory tenants, TransactionTemplate transactions) {
        this.tenants = tenants;
        this.transactions = transactions;
    }

    /** What the secrets are, for the log. */
    protected abstract String what();

    /** Re-seals the current tenant's stale secrets (inside its transaction); returns how many rows changed. */
    protected abstract int resealStaleOfTenant(SecretBox box);

    /** Re-seals every tenant's stale secrets; returns how many rows changed. */
    int resealStale(SecretBox box) {
        int resealed = 0;
        for (Tenant tenant : tenants.all()) {
            resealed += TenantContext.callAs(TenantScope.of(tenant.id(), tenant.code()),
                    () -> transactions.execute(status -> resealStaleOfTenant(box)));
        }
        return resealed;
    }
}
