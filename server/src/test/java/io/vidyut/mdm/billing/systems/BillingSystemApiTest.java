package io.vidyut.mdm.billing.systems;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.ApiClient;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.TestTenant;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The billing-system profiles over HTTP: secrets shown once, validation, partial updates, roles, tenant isolation. */
class BillingSystemApiTest extends IntegrationTest {
    static final String SYSTEMS = "/api/v1/billing/systems";
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired BillingSystemSecrets sealed;
    @Autowired io.vidyut.mdm.secrets.SecretBox box;
    TestTenant tenant;

    @BeforeEach
    void tenant() {
        tenant = newTenant();
    }

    static Map<String, Object> sftp() {
        return Map.of("mode", "SFTP", "format", "FIXED_WIDTH", "host", "sftp.billing.example.in", "username", "mdm",
                "password", "s3cret-sftp-password", "remote_dir", "/inbound/readings",
                "host_key_fingerprint", "SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8");
    }

    @Test
    void the_secret_is_shown_once_and_never_again() {
        ApiClient.Response created = api.post(SYSTEMS, tenant.admin(), Map.of("code", "erp", "name", "SAP ISU",
                "billing_window", Map.of("first_day", 26, "last_day", 3), "delivery", sftp()));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String secret = created.json().get("secret").asString();
        assertThat(secret).startsWith("bsec_").hasSize(5 + 64);
        JsonNode system = created.json().get("system");
        assertThat(system.get("delivery").get("port").asInt()).as("SFTP's default").isEqualTo(22);
        assertThat(system.get("delivery").get("password_set").asBoolean()).isTrue();
        assertThat(system.get("billing_window").get("first_day").asInt()).isEqualTo(26);

        for (ApiClient.Response read : new ApiClient.Response[] {api.get(SYSTEMS, tenant.analyst()),
                api.get(SYSTEMS + "/erp", tenant.operator()), api.get("/api/v1/audit-trail?action=billing_system.", tenant.admin())}) {
            assertThat(read.status()).as(read.raw()).isEqualTo(200);
            assertThat(read.raw()).doesNotContain(secret).doesNotContain("s3cret-sftp-password");
        }
        assertThat(api.get(SYSTEMS + "/erp", tenant.analyst()).json().get("delivery").has("password")).isFalse();
    }

    @Test
    void every_problem_of_a_profile_is_a_field_error() {
        ApiClient.Response bad = api.post(SYSTEMS, tenant.admin(), Map.of("code", "no/slash", "name", "",
                "billing_window", Map.of("first_day", 0, "last_day", 31),
                "delivery", Map.of("mode", "REST_PUSH", "url", "ftp://billing.example.in/x", "port", 70000)));
        assertThat(bad.status()).as(bad.raw()).isEqualTo(422);
        assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("code", "name",
                "billing_window.first_day", "billing_window.last_day", "delivery.port", "delivery.url");

        ApiClient.Response badSftp = api.post(SYSTEMS, tenant.admin(), Map.of("code", "erp", "name", "ERP",
                "delivery", Map.of("mode", "SFTP", "host", "sftp.example.in", "port", 0, "remote_dir", "../../etc")));
        assertThat(badSftp.status()).as(badSftp.raw()).isEqualTo(422);
        assertThat(badSftp.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("delivery.port", "delivery.username", "delivery.remote_dir",
                        "delivery.host_key_fingerprint");
        assertThat(api.get(SYSTEMS, tenant.admin()).json()).isEmpty();
    }

    @Test
    void an_update_changes_what_it_names_and_keeps_the_sftp_password() {
        assertThat(api.post(SYSTEMS, tenant.admin(), Map.of("code", "erp", "name", "ERP", "delivery", sftp())).status())
                .isEqualTo(201);
        ApiClient.Response window = api.put(SYSTEMS + "/erp", tenant.admin(), Map.of("billing_window",
                Map.of("first_day", 1, "last_day", 7)));
        assertThat(window.status()).as(window.raw()).isEqualTo(200);
        assertThat(window.json().get("name").asString()).isEqualTo("ERP");
        assertThat(window.json().get("delivery").get("host").asString()).isEqualTo("sftp.billing.example.in");

        ApiClient.Response moved = api.put(SYSTEMS + "/erp", tenant.admin(), Map.of("delivery", Map.of("mode", "SFTP",
                "host", "sftp2.billing.example.in", "port", 2222, "username", "mdm",
                "host_key_fingerprint", "SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8")));
        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        assertThat(moved.json().get("delivery").get("port").asInt()).isEqualTo(2222);
        assertThat(moved.json().get("delivery").get("password_set").asBoolean()).isTrue();
        assertThat(moved.json().get("billing_window").get("last_day").asInt()).isEqualTo(7);

        ApiClient.Response rest = api.put(SYSTEMS + "/erp", tenant.admin(), Map.of("delivery", Map.of("mode", "REST_PUSH",
                "url", "https://billing.example.in/mdm", "format", "CSV")));
        assertThat(rest.status()).as(rest.raw()).isEqualTo(200);
        assertThat(rest.json().get("delivery").has("host")).isFalse();
        assertThat(rest.json().get("delivery").has("password_set")).isFalse();
    }

    @Test
    void only_tenant_administrators_change_profiles_and_each_tenant_sees_its_own() {
        Map<String, Object> body = Map.of("code", "erp", "name", "ERP", "delivery", Map.of("mode", "PULL"));
        assertThat(api.post(SYSTEMS, tenant.operator(), body).status()).isEqualTo(403);
        assertThat(api.post(SYSTEMS, tenant.admin(), body).status()).isEqualTo(201);
        assertThat(api.post(SYSTEMS, tenant.admin(), body).status()).as("the code again").isEqualTo(409);
        assertThat(api.post(SYSTEMS + "/erp/rotate-secret", tenant.analyst(), null).status()).isEqualTo(403);
        assertThat(api.put(SYSTEMS + "/erp", tenant.operator(), Map.of("name", "X")).status()).isEqualTo(403);
        assertThat(api.get(SYSTEMS, tenant.fieldTech()).status()).isEqualTo(403);

        TestTenant other = newTenant();
        assertThat(api.get(SYSTEMS + "/erp", other.admin()).status()).isEqualTo(404);
        assertThat(api.post(SYSTEMS + "/erp/rotate-secret", other.admin(), null).status()).isEqualTo(404);
        assertThat(api.get(SYSTEMS, other.admin()).json()).isEmpty();
    }

    @Test
    void secrets_and_the_sftp_password_are_stored_sealed() {
        ApiClient.Response created = api.post(SYSTEMS, tenant.admin(), Map.of("code", "erp", "name", "ERP", "delivery", sftp()));
        String first = created.json().get("secret").asString();
        String second = api.post(SYSTEMS + "/erp/rotate-secret", tenant.admin(), null).json().get("secret").asString();
        assertThat(stored()).allSatisfy(value -> assertThat(value).startsWith("sealed:v1:")
                .doesNotContain(first).doesNotContain(second).doesNotContain("s3cret-sftp-password"));
    }

    @Test
    void a_secret_stored_open_is_sealed_by_the_resealing_and_still_signs() {
        api.post(SYSTEMS, tenant.admin(), Map.of("code", "erp", "name", "ERP", "delivery", Map.of("mode", "PULL")));
        String open = "bsec_stored_before_sealing";
        asTenant(() -> jdbc.sql("update billing_system set previous_secret = ?").param(open).update());
        assertThat(stored().get(1)).isEqualTo(open);

        assertThat(asTenant(() -> sealed.resealStaleOfTenant(box))).isEqualTo(1);

        assertThat(stored().get(1)).startsWith("sealed:v1:").doesNotContain(open);
        String body = "{\"events\": [{\"event_id\": \"e-1\", \"type\": \"NOT_YET\"}]}";
        long at = clock.instant().getEpochSecond();
        ApiClient.Response signed = api.send("POST", BillingWebhookTest.WEBHOOK, null, body, "application/json",
                Map.of("X-Mdm-Billing-System", tenant.code() + "/erp", "X-Mdm-Timestamp", String.valueOf(at),
                        "X-Mdm-Signature", "sha256=" + BillingWebhookTest.sign(open, at + "." + body)));
        assertThat(signed.status()).as(signed.raw()).isEqualTo(200);
    }

    /** The stored secret, previous secret and SFTP password, as they are in the table. */
    List<String> stored() {
        return asTenant(() -> jdbc.sql("select secret, previous_secret, sftp_password from billing_system")
                .query((rs, n) -> java.util.Arrays.asList(rs.getString(1), rs.getString(2), rs.getString(3))).single());
    }

    <T> T asTenant(java.util.function.Supplier<T> work) {
        return TenantContext.callAs(TenantScope.of(tenant.id(), tenant.code()), () -> transactions.execute(status -> work.get()));
    }
}
