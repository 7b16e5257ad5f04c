package io.vidyut.mdm.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.secrets.SecretBox;
import io.vidyut.mdm.testing.ApiClient;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.Registry;
import io.vidyut.mdm.testing.TestTenant;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The notifications API: contacts, templates and their checks, the SMS gateway and its secret, roles, tenants. */
class NotificationApiTest extends IntegrationTest {
    static final String BASE = "/api/v1/notifications";
    static final String SECRET = "Bearer sms-gateway-secret-7f3a9c";

    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired SmsGatewaySecrets sealed;
    @Autowired SecretBox box;
    TestTenant tenant;
    UUID consumer;

    @BeforeEach
    void tenantWithConsumer() {
        tenant = newTenant();
        consumer = UUID.fromString(new Registry(api, tenant.admin()).consumer("ACC-9001", null).get("id").asString());
    }

    @Test
    void operators_save_contacts_that_readers_read() {
        String path = BASE + "/contacts/" + consumer;
        JsonNode none = ok(api.get(path, tenant.analyst()));
        assertThat(none.get("account_no").asString()).isEqualTo("ACC-9001");
        assertThat(none.has("phone")).isFalse();
        assertThat(none.get("sms_opt_out").asBoolean()).isFalse();

        Map<String, Object> contact = Map.of("phone", "098765-43210", "email", "asha@example.in", "email_opt_out", true);
        assertThat(api.put(path, tenant.analyst(), contact).status()).isEqualTo(403);
        JsonNode saved = ok(api.put(path, tenant.operator(), contact));
        assertThat(saved.get("phone").asString()).isEqualTo("+919876543210");
        assertThat(saved.get("email_opt_out").asBoolean()).isTrue();
        assertThat(saved.get("updated_by").asString()).isEqualTo(tenant.code() + ".operator");
        assertThat(ok(api.get(path, tenant.analyst())).get("email").asString()).isEqualTo("asha@example.in");
        assertThat(api.get(path, tenant.fieldTech()).status()).isEqualTo(403);

        ApiClient.Response bad = api.put(path, tenant.operator(), Map.of("phone", "12345", "email", "not an address"));
        assertThat(bad.status()).as(bad.raw()).isEqualTo(422);
        assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("phone", "email");

        JsonNode cleared = ok(api.put(path, tenant.operator(), Map.of()));
        assertThat(cleared.has("phone")).isFalse();
        assertThat(cleared.get("email_opt_out").asBoolean()).isFalse();
        assertThat(api.get(BASE + "/contacts/" + UUID.randomUUID(), tenant.admin()).status()).isEqualTo(404);
        assertThat(api.put(BASE + "/contacts/" + UUID.randomUUID(), tenant.admin(), contact).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/audit-trail?action=consumer_contact.", tenant.admin()).raw()).contains("consumer_contact.saved");
    }

    @Test
    void every_kind_has_a_built_in_template_on_every_channel_until_the_tenant_saves_its_own() {
        JsonNode all = ok(api.get(BASE + "/templates", tenant.analyst()));
        assertThat(all).hasSize(NoticeKind.values().length * NoticeChannel.values().length);
        for (JsonNode template : all) {
            assertThat(template.get("built_in").asBoolean()).isTrue();
            assertThat(template.has("dlt_template_id")).isFalse();
            assertThat(template.has("subject")).isEqualTo(template.get("channel").asString().equals("EMAIL"));
        }
        JsonNode lowBalance = find(all, "PREPAID_LOW_BALANCE", "SMS");
        assertThat(lowBalance.get("body").asString()).startsWith("Dear consumer, balance of prepaid account {account_no} is Rs {balance}");
        assertThat(lowBalance.get("placeholders").toString()).isEqualTo("[\"account_no\",\"balance\",\"threshold\",\"at\"]");

        String path = BASE + "/templates/PREPAID_RECHARGED/SMS";
        Map<String, Object> template = Map.of("body", "Rs {amount} received for {account_no}; balance Rs {balance}. -DISCOM",
                "dlt_template_id", "1107160000000000042");
        assertThat(api.put(path, tenant.operator(), template).status()).isEqualTo(403);
        JsonNode saved = ok(api.put(path, tenant.admin(), template));
        assertThat(saved.get("built_in").asBoolean()).isFalse();
        assertThat(saved.get("dlt_template_id").asString()).isEqualTo("1107160000000000042");
        assertThat(saved.get("updated_by").asString()).isEqualTo(tenant.code() + ".admin");
        assertThat(find(ok(api.get(BASE + "/templates", tenant.operator())), "PREPAID_RECHARGED", "SMS").get("body").asString())
                .startsWith("Rs {amount} received");

        JsonNode restored = ok(api.delete(path, tenant.admin()));
        assertThat(restored.get("built_in").asBoolean()).isTrue();
        assertThat(api.delete(path, tenant.admin()).status()).as("nothing of its own left").isEqualTo(404);
        assertThat(find(ok(api.get(BASE + "/templates", tenant.operator())), "PREPAID_RECHARGED", "SMS").get("built_in")
                .asBoolean()).isTrue();
        assertThat(api.get("/api/v1/audit-trail?action=notice_template.", tenant.admin()).raw())
                .contains("notice_template.saved").contains("notice_template.deleted");
    }

    @Test
    void a_template_with_unknown_placeholders_a_long_sms_or_no_registered_id_is_refused() {
        String sms = BASE + "/templates/PREPAID_LOW_BALANCE/SMS";
        assertThat(fieldsOf(api.put(sms, tenant.admin(), Map.of("body", "Balance Rs {balance} of {consumer_name}",
                "dlt_template_id", "1107160000000000001")))).containsExactly("body");
        assertThat(fieldsOf(api.put(sms, tenant.admin(), Map.of("body", "x".repeat(481), "dlt_template_id", "1107160000000000001"))))
                .containsExactly("body");
        assertThat(fieldsOf(api.put(sms, tenant.admin(), Map.of("body", "Balance Rs {balance}")))).containsExactly("dlt_template_id");
        assertThat(fieldsOf(api.put(sms, tenant.admin(), Map.of("body", "Balance Rs {balance}", "dlt_template_id", "11071600-0001"))))
                .containsExactly("dlt_template_id");
        assertThat(fieldsOf(api.put(BASE + "/templates/PREPAID_LOW_BALANCE/EMAIL", tenant.admin(),
                Map.of("body", "Balance Rs {balance}", "dlt_template_id", "1107160000000000001"))))
                .containsExactlyInAnyOrder("subject", "dlt_template_id");
        ApiClient.Response message = api.put(sms, tenant.admin(), Map.of("body", "Balance Rs {balance} {Balance}",
                "dlt_template_id", "1107160000000000001"));
        assertThat(message.json().get("errors").get(0).get("message").asString())
                .isEqualTo("unknown placeholder {Balance}; the placeholders are [account_no, balance, threshold, at]");
        assertThat(api.put(BASE + "/templates/PREPAID_SOMETHING/SMS", tenant.admin(), Map.of("body", "x")).status())
                .isEqualTo(400);
        assertThat(find(ok(api.get(BASE + "/templates", tenant.admin())), "PREPAID_LOW_BALANCE", "SMS").get("built_in")
                .asBoolean()).isTrue();
    }

    @Test
    void the_gateways_secret_is_stored_sealed_and_never_shown() {
        String path = BASE + "/sms-gateway";
        assertThat(api.get(path, tenant.admin()).status()).isEqualTo(404);
        Map<String, Object> gateway = new HashMap<>(Map.of("url", "http://127.0.0.1:9/sms", "sender_id", "DISCOM",
                "dlt_entity_id", "1101234567890123456", "auth_header_name", "Authorization", "auth_header_value", SECRET));
        assertThat(api.put(path, tenant.operator(), gateway).status()).isEqualTo(403);
        assertThat(api.get(path, tenant.operator()).status()).isEqualTo(403);
        JsonNode saved = ok(api.put(path, tenant.admin(), gateway));
        assertThat(saved.get("has_auth").asBoolean()).isTrue();
        assertThat(saved.get("enabled").asBoolean()).isTrue();
        assertThat(saved.has("auth_header_value")).isFalse();

        for (ApiClient.Response read : List.of(api.get(path, tenant.admin()),
                api.get("/api/v1/audit-trail?action=sms_gateway.", tenant.admin()))) {
            assertThat(read.status()).as(read.raw()).isEqualTo(200);
            assertThat(read.raw()).doesNotContain(SECRET).doesNotContain("sms-gateway-secret");
        }
        assertThat(storedSecret()).startsWith("sealed:v1:").doesNotContain("sms-gateway-secret");

        gateway.remove("auth_header_value");
        gateway.put("sender_id", "VIDYUT");
        JsonNode kept = ok(api.put(path, tenant.admin(), gateway));
        assertThat(kept.get("has_auth").asBoolean()).as("the stored value stays").isTrue();
        assertThat(kept.get("sender_id").asString()).isEqualTo("VIDYUT");
        String sealedValue = storedSecret();
        assertThat(box.open(sealedValue)).isEqualTo(SECRET);

        gateway.put("auth_header_name", "X-Api-Key");
        assertThat(fieldsOf(api.put(path, tenant.admin(), gateway))).as("a new header needs its value")
                .containsExactly("auth_header_value");
        gateway.remove("auth_header_name");
        gateway.put("enabled", false);
        JsonNode open = ok(api.put(path, tenant.admin(), gateway));
        assertThat(open.get("has_auth").asBoolean()).isFalse();
        assertThat(open.get("enabled").asBoolean()).isFalse();
        assertThat(storedSecret()).isNull();
    }

    @Test
    void a_secret_stored_open_is_sealed_by_the_resealing() {
        ok(api.put(BASE + "/sms-gateway", tenant.admin(), Map.of("url", "http://127.0.0.1:9/send", "sender_id", "DISCOM",
                "dlt_entity_id", "1101234567890123456", "auth_header_name", "X-Api-Key", "auth_header_value", SECRET)));
        asTenant(() -> jdbc.sql("update sms_gateway set auth_header_value = ?").param(SECRET).update());

        assertThat(asTenant(() -> sealed.resealStaleOfTenant(box))).isEqualTo(1);

        assertThat(storedSecret()).startsWith("sealed:v1:");
        assertThat(box.open(storedSecret())).isEqualTo(SECRET);
        assertThat(asTenant(() -> sealed.resealStaleOfTenant(box))).isZero();
    }

    @Test
    void every_problem_of_a_gateway_is_a_field_error() {
        ApiClient.Response bad = api.put(BASE + "/sms-gateway", tenant.admin(), Map.of("url", "ftp://sms.example.in/x",
                "sender_id", "DISCOMS", "dlt_entity_id", "ENTITY", "auth_header_name", "Host", "auth_header_value", "x\ny"));
        assertThat(bad.status()).as(bad.raw()).isEqualTo(422);
        assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("url", "sender_id",
                "dlt_entity_id", "auth_header_name", "auth_header_value");
        assertThat(fieldsOf(api.put(BASE + "/sms-gateway", tenant.admin(), Map.of("sender_id", "DISCOM",
                "dlt_entity_id", "1101234567890123456", "auth_header_value", "orphan"))))
                .containsExactlyInAnyOrder("url", "auth_header_value");
        assertThat(api.get(BASE + "/sms-gateway", tenant.admin()).status()).isEqualTo(404);
    }

    @Test
    void notices_are_listed_to_readers_and_paged() {
        assertThat(api.get(BASE + "/notices", tenant.fieldTech()).status()).isEqualTo(403);
        JsonNode none = ok(api.get(BASE + "/notices?kind=PREPAID_RECHARGED&status=FAILED&page=0&size=10", tenant.analyst()));
        assertThat(none.get("total").asLong()).isZero();
        assertThat(none.get("size").asInt()).isEqualTo(10);
        assertThat(api.get(BASE + "/notices?size=5000", tenant.analyst()).status()).isEqualTo(422);
        assertThat(api.get(BASE + "/notices?status=LOST", tenant.analyst()).status()).isEqualTo(400);
    }

    String storedSecret() {
        return asTenant(() -> jdbc.sql("select auth_header_value from sms_gateway")
                .query((rs, n) -> Optional.ofNullable(rs.getString(1))).optional().flatMap(value -> value).orElse(null));
    }

    <T> T asTenant(Supplier<T> work) {
        return TenantContext.callAs(TenantScope.of(tenant.id(), tenant.code()), () -> transactions.execute(status -> work.get()));
    }

    static JsonNode find(JsonNode templates, String kind, String channel) {
        for (JsonNode template : templates) {
            if (template.get("kind").asString().equals(kind) && template.get("channel").asString().equals(channel)) return template;
        }
        throw new AssertionError("no template " + kind + "/" + channel);
    }

    static List<String> fieldsOf(ApiClient.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(422);
        return response.json().get("errors").findValuesAsString("field");
    }

    static JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.json();
    }
}
