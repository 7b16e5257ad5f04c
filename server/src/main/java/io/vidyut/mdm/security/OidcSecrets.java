package io.vidyut.mdm.security;

import io.vidyut.mdm.secrets.SealedSecrets;
import io.vidyut.mdm.secrets.SecretBox;
import io.vidyut.mdm.tenancy.TenantDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The client secrets of tenants' OIDC providers. */
@Component
class OidcSecrets extends SealedSecrets {
    private final JdbcClient jdbc;

    OidcSecrets(TenantDirectory tenants, TransactionTemplate transactions, JdbcClient jdbc) {
        super(tenants, transactions);
        this.jdbc = jdbc;
    }

    @Override
    protected String what() {
        return "OIDC client secrets";
    }

    @Override
    protected int resealStaleOfTenant(SecretBox box) {
        String stored = jdbc.sql("select client_secret from oidc_provider for update").query(String.class).optional()
                .orElse(null);
        if (stored == null || !box.isStale(stored)) return 0;
        return jdbc.sql("update oidc_provider set client_secret = ?").param(box.reseal(stored)).update();
    }
}
