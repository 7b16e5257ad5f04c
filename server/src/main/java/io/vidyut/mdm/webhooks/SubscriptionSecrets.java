package io.vidyut.mdm.webhooks;

import io.vidyut.mdm.secrets.SealedSecrets;
import io.vidyut.mdm.secrets.SecretBox;
import io.vidyut.mdm.tenancy.TenantDirectory;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The signing secrets of webhook subscriptions. */
@Component
class SubscriptionSecrets extends SealedSecrets {
    private final JdbcClient jdbc;

    SubscriptionSecrets(TenantDirectory tenants, TransactionTemplate transactions, JdbcClient jdbc) {
        super(tenants, transactions);
        this.jdbc = jdbc;
    }

    @Override
    protected String what() {
        return "webhook signing secrets";
    }

    @Override
    protected int resealStaleOfTenant(SecretBox box) {
        record Stored(UUID id, String secret) {}
        int count = 0;
        for (Stored stored : jdbc.sql("select id, secret from webhook_subscription for update")
                .query((rs, n) -> new Stored(rs.getObject(1, UUID.class), rs.getString(2))).list()) {
            if (!box.isStale(stored.secret())) continue;
            jdbc.sql("update webhook_subscription set secret = ? where id = ?").params(box.reseal(stored.secret()), stored.id())
                    .update();
            count++;
        }
        return count;
    }
}
