package io.vidyut.mdm.notifications;

import io.vidyut.mdm.secrets.SealedSecrets;
import io.vidyut.mdm.secrets.SecretBox;
import io.vidyut.mdm.tenancy.TenantDirectory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The SMS gateways' authentication values, re-sealed when the master key rotates. */
@Component
class SmsGatewaySecrets extends SealedSecrets {
    private final SmsGateways gateways;

    SmsGatewaySecrets(TenantDirectory tenants, TransactionTemplate transactions, SmsGateways gateways) {
        super(tenants, transactions);
        this.gateways = gateways;
    }

    @Override
    protected String what() {
        return "SMS gateway credentials";
    }

    @Override
    protected int resealStaleOfTenant(SecretBox box) {
        var stored = gateways.storedForUpdate();
        if (stored.isEmpty() || !box.isStale(stored.get().sealedAuthValue())) return 0;
        gateways.reseal(box.reseal(stored.get().sealedAuthValue()));
        return 1;
    }
}
