package io.vidyut.mdm.hes;

import io.vidyut.mdm.hes.mapping.PayloadMapping;
import io.vidyut.mdm.secrets.SealedSecrets;
import io.vidyut.mdm.secrets.SecretBox;
import io.vidyut.mdm.tenancy.TenantDirectory;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/** The HES credentials in every version of every vendor's mapping (pull API key, broker password). */
@Component
class MappingSecrets extends SealedSecrets {
    private final JdbcClient jdbc;
    private final JsonMapper json;

    MappingSecrets(TenantDirectory tenants, TransactionTemplate transactions, JdbcClient jdbc, JsonMapper json) {
        super(tenants, transactions);
        this.jdbc = jdbc;
        this.json = json;
    }

    @Override
    protected String what() {
        return "HES credentials in vendor mappings";
    }

    @Override
    protected int resealStaleOfTenant(SecretBox box) {
        record Stored(UUID vendorId, int version, PayloadMapping mapping) {}
        int count = 0;
        for (Stored stored : jdbc.sql("select vendor_id, version, config from hes_vendor_mapping for update")
                .query((rs, n) -> new Stored(rs.getObject(1, UUID.class), rs.getInt(2),
                        json.readValue(rs.getString(3), PayloadMapping.class))).list()) {
            if (stored.mapping().secrets().stream().noneMatch(box::isStale)) continue;
            jdbc.sql("update hes_vendor_mapping set config = ?::jsonb where vendor_id = ? and version = ?")
                    .params(json.writeValueAsString(stored.mapping().withSecrets(box::reseal)), stored.vendorId(), stored.version())
                    .update();
            count++;
        }
        return count;
    }
}
