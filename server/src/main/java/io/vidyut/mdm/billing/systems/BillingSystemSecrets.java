package io.vidyut.mdm.billing.systems;

import io.vidyut.mdm.secrets.SealedSecrets;
import io.vidyut.mdm.secrets.SecretBox;
import io.vidyut.mdm.tenancy.TenantDirectory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The billing systems' signing secrets and SFTP passwords, re-sealed when the master key rotates. */
@Component
class BillingSystemSecrets extends SealedSecrets {
    private final BillingSystemStore store;

    BillingSystemSecrets(TenantDirectory tenants, TransactionTemplate transactions, BillingSystemStore store) {
        super(tenants, transactions);
        this.store = store;
    }

    @Override
    protected String what() {
        return "billing system secrets";
    }

    @Override
    protected int resealStaleOfTenant(SecretBox box) {
        int count = 0;
        for (BillingSystemStore.Stored stored : store.allForUpdate()) {
            if (!box.isStale(stored.sealedSecret()) && !box.isStale(stored.sealedPreviousSecret())
                    && !box.isStale(stored.sealedPassword())) continue;
            store.reseal(stored.id(), box.reseal(stored.sealedSecret()), box.reseal(stored.sealedPreviousSecret()),
                    box.reseal(stored.sealedPassword()));
            count++;
        }
        return count;
    }
}
