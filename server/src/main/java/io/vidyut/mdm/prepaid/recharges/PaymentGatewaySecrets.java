package io.vidyut.mdm.prepaid.recharges;

import io.vidyut.mdm.secrets.SealedSecrets;
import io.vidyut.mdm.secrets.SecretBox;
import io.vidyut.mdm.tenancy.TenantDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The payment gateways' signing secrets, re-sealed when the master key rotates. */
@Component
class PaymentGatewaySecrets extends SealedSecrets {
    private final JdbcClient jdbc;

    PaymentGatewaySecrets(TenantDirectory tenants, TransactionTemplate transactions, JdbcClient jdbc) {
        super(tenants, transactions);
        this.jdbc = jdbc;
    }

    @Override
    protected String what() {
        return "payment gateway secrets";
    }

    @Override
    protected int resealStaleOfTenant(SecretBox box) {
        int count = 0;
        for (var row : jdbc.sql("select id, secret, previous_secret from prepaid_gateway for update")
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)}).list()) {
            if (!box.isStale(row[1]) && !box.isStale(row[2])) continue;
            jdbc.sql("update prepaid_gateway set secret = ?, previous_secret = ? where id = ?::uuid")
                    .params(box.reseal(row[1]), box.reseal(row[2]), row[0]).update();
            count++;
        }
        return count;
    }
}
