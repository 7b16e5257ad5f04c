package io.vidyut.mdm.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.Registry;
import io.vidyut.mdm.testing.TestTenant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The credentials of outside systems are stored sealed — an HES's pull key and broker password, a webhook's signing
 * secret — and ones stored before sealing existed are sealed after a start; the MDM still uses them as given.
 */
class SecretsAtRestTest extends IntegrationTest {
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired Resealing resealing;

    TestTenant tenant;
    String vendorId;

    @BeforeEach
    void tenantWithAVendor() {
        tenant = newTenant();
        vendorId = new Registry(api, tenant.admin()).vendor("SEALED").get("vendor").get("id").asString();
    }

    @Test
    void a_mappings_hes_credentials_are_stored_sealed_and_given_back_to_its_administrator_as_they_were() {
        var saved = api.put("/api/v1/hes-vendors/" + vendorId + "/mapping", tenant.admin(), mapping("hes-pull-key-0042",
                "broker-password-7"));
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);

        String stored = storedMapping();
        assertThat(stored).doesNotContain("hes-pull-key-0042").doesNotContain("broker-password-7").contains("sealed:v1:");
        var read = api.get("/api/v1/hes-vendors/" + vendorId + "/mapping", tenant.admin()).json().get("mapping");
        assertThat(read.get("pull").get("api_key").asString()).isEqualTo("hes-pull-key-0042");
        assertThat(read.get("mqtt").get("password").asString()).isEqualTo("broker-password-7");
    }

    @Test
    void a_webhook_signing_secret_is_stored_sealed() {
        var created = api.post("/api/v1/webhooks", tenant.admin(), Map.of("url", "https://203.0.113.10/mdm",
                "event_types", List.of("alarm.raised"), "secret", "whsec_long_enough_secret"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String stored = asTenant(() -> jdbc.sql("select secret from webhook_subscription").query(String.class).single());
        assertThat(stored).startsWith("sealed:v1:").doesNotContain("whsec_long_enough_secret");
    }

    @Test
    void credentials_stored_before_sealing_are_sealed_after_a_start_and_still_work() {
        api.put("/api/v1/hes-vendors/" + vendorId + "/mapping", tenant.admin(), mapping("placeholder-key", null));
        asTenant(() -> jdbc.sql("""
                        update hes_vendor_mapping set config = jsonb_set(config, '{pull,api_key}', '"old-plain-key"')
                         where vendor_id = ?""").param(UUID.fromString(vendorId)).update());
        assertThat(storedMapping()).contains("old-plain-key");

        assertThat(resealing.resealAll()).isGreaterThanOrEqualTo(1);

        assertThat(storedMapping()).doesNotContain("old-plain-key");
        assertThat(api.get("/api/v1/hes-vendors/" + vendorId + "/mapping", tenant.admin()).json().get("mapping")
                .get("pull").get("api_key").asString()).isEqualTo("old-plain-key");
    }

    private Map<String, Object> mapping(String apiKey, String brokerPassword) {
        Map<String, Object> mapping = new java.util.HashMap<>(Map.of("format", "JSON", "rows", "meters[*].intervals[*]",
                "fields", Map.of("meter", "^.serial", "timestamp", "end", "values", "values")));
        mapping.put("pull", Map.of("base_url", "https://hes.example.org", "read_path", "/meters/{serial}/read",
                "api_key_header", "X-Hes-Key", "api_key", apiKey));
        if (brokerPassword != null) {
            mapping.put("mqtt", Map.of("broker_url", "tcp://127.0.0.1:1883", "topic", "sealed-test/" + UUID.randomUUID() + "/readings",
                    "username", "mdm", "password", brokerPassword));
        }
        return mapping;
    }

    private String storedMapping() {
        return asTenant(() -> jdbc.sql("select config::text from hes_vendor_mapping where vendor_id = ? order by version desc limit 1")
                .param(UUID.fromString(vendorId)).query(String.class).single());
    }

    private <T> T asTenant(java.util.function.Supplier<T> work) {
        return TenantContext.callAs(TenantScope.of(tenant.id(), tenant.code()), () -> transactions.execute(status -> work.get()));
    }
}
