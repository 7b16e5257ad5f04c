package io.vidyut.mdm.audittrail;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.vidyut.mdm.testing.ApiClient;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.Registry;
import io.vidyut.mdm.testing.TestTenant;
import java.net.InetSocketAddress;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every wired administrative and security action leaves exactly one row in its tenant's trail (or the platform's),
 * with who, from where, before and after, and never a secret.
 */
class AuditTrailRecordingTest extends IntegrationTest {
    private static final String NEW_PASSWORD = "a-brand-new-passphrase-77";
    private static final String WEBHOOK_SECRET = "whsec-audit-trail-test-0123456789";
    private static final String PULL_KEY = "hes-pull-key-audit-0123456789";

    TestTenant tenant;
    Registry registry;

    @BeforeEach
    void tenant() {
        tenant = newTenant();
        allowHesNetwork(tenant, "127.0.0.1/32"); // the mappings below point pulls and commands at loopback
        registry = new Registry(api, tenant.admin());
    }

    @Test
    void users_created_changed_disabled_and_given_a_new_password_are_recorded_without_the_password() {
        String username = tenant.code() + ".auditee";
        var created = api.post("/api/v1/users", tenant.admin(), Map.of("username", username, "password", PASSWORD,
                "roles", List.of("ANALYST")));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String id = created.json().get("id").asString();

        JsonNode row = only("user.created", id);
        assertByTheAdmin(row);
        assertThat(row.get("target_type").asString()).isEqualTo("user");
        assertThat(row.has("before")).isFalse();
        assertThat(row.get("after").get("username").asString()).isEqualTo(username);

        assertThat(api.put("/api/v1/users/" + id, tenant.admin(), Map.of("roles", List.of("OPERATOR"))).status()).isEqualTo(200);
        row = only("user.updated", id);
        assertThat(row.get("before").get("roles").toString()).contains("ANALYST");
        assertThat(row.get("after").get("roles").toString()).contains("OPERATOR").doesNotContain("ANALYST");

        assertThat(api.put("/api/v1/users/" + id, tenant.admin(), Map.of("password", NEW_PASSWORD)).status()).isEqualTo(200);
        assertByTheAdmin(only("user.password_changed", id));

        assertThat(api.put("/api/v1/users/" + id, tenant.admin(), Map.of("enabled", false)).status()).isEqualTo(200);
        JsonNode disabled = rows("action=user.updated&target_id=" + id).get(0); // newest first
        assertThat(disabled.get("before").get("enabled").asBoolean()).isTrue();
        assertThat(disabled.get("after").get("enabled").asBoolean()).isFalse();

        assertNoSecretIn(List.of(PASSWORD, NEW_PASSWORD, "$2a$", "$2b$", "password_hash"));
    }

    @Test
    void vendors_keys_and_mappings_are_recorded_with_keys_by_prefix_only_and_mapping_secrets_redacted() {
        JsonNode vendor = registry.vendor("AUD");
        String vendorId = vendor.get("vendor").get("id").asString();
        String firstKey = vendor.get("api_key").asString();
        assertByTheAdmin(only("hes_vendor.created", vendorId));

        var rotated = api.post("/api/v1/hes-vendors/" + vendorId + "/api-keys", tenant.admin(), null);
        assertThat(rotated.status()).as(rotated.raw()).isEqualTo(201);
        String secondKey = rotated.json().get("api_key").asString();
        JsonNode keyCreated = only("hes_api_key.created", vendorId);
        assertThat(keyCreated.get("before").get("api_keys")).hasSize(1);
        assertThat(keyCreated.get("after").get("api_keys")).hasSize(2);

        String firstKeyId = keyCreated.get("before").get("api_keys").get(0).get("id").asString();
        assertThat(api.delete("/api/v1/hes-vendors/" + vendorId + "/api-keys/" + firstKeyId, tenant.admin()).status()).isEqualTo(204);
        JsonNode revoked = only("hes_api_key.revoked", vendorId);
        assertByTheAdmin(revoked);
        assertThat(revoked.get("before").get("api_keys").get(0).has("revoked_at")).isFalse();
        assertThat(revoked.get("after").get("api_keys").get(0).get("revoked_at").asString()).isNotBlank();

        Map<String, Object> mapping = new HashMap<>(Map.of("format", "JSON", "rows", "meters[*].intervals[*]",
                "fields", Map.of("meter", "^.serial", "timestamp", "end", "values", "values")));
        mapping.put("pull", Map.of("base_url", "http://127.0.0.1:9", "read_path", "/meters/{serial}",
                "api_key_header", "X-Hes-Key", "api_key", PULL_KEY));
        var saved = api.put("/api/v1/hes-vendors/" + vendorId + "/mapping", tenant.admin(), mapping);
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        JsonNode mappingSaved = only("vendor_mapping.saved", vendorId);
        assertByTheAdmin(mappingSaved);
        assertThat(mappingSaved.has("before")).as("the vendor's first mapping").isFalse();
        JsonNode pull = mappingSaved.get("after").get("mapping").get("pull");
        assertThat(pull.get("api_key").asString()).isEqualTo(Redaction.REDACTED);
        assertThat(pull.get("api_key_header").asString()).as("what only names a secret stays").isEqualTo("X-Hes-Key");

        assertNoSecretIn(List.of(firstKey, secondKey, PULL_KEY));
    }

    @Test
    void vee_settings_alarm_rules_and_webhooks_are_recorded_with_the_webhook_secret_left_out() {
        assertThat(api.put("/api/v1/vee/settings/DEFAULT", tenant.admin(), Map.of("edit_approval_required", true)).status())
                .isEqualTo(200);
        JsonNode settings = only("vee_settings.saved", "DEFAULT");
        assertByTheAdmin(settings);
        assertThat(settings.get("after").get("settings").get("edit_approval_required").asBoolean()).isTrue();

        var saved = api.put("/api/v1/alarms/rules", tenant.admin(), Map.of("communication_loss_hours", 36));
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        JsonNode rules = only("alarm_rules.saved", null);
        assertByTheAdmin(rules);
        assertThat(rules.get("after").get("communication_loss_hours").asInt()).isEqualTo(36);
        assertThat(rules.get("before").path("communication_loss_hours").asInt(0)).as("the defaults").isNotEqualTo(36);

        var subscribed = api.post("/api/v1/webhooks", tenant.admin(), Map.of("url", "http://127.0.0.1:9/hooks",
                "event_types", List.of("alarm.raised"), "secret", WEBHOOK_SECRET));
        assertThat(subscribed.status()).as(subscribed.raw()).isEqualTo(201);
        String webhookId = subscribed.json().get("subscription").get("id").asString();
        assertByTheAdmin(only("webhook.subscribed", webhookId));
        assertThat(api.delete("/api/v1/webhooks/" + webhookId, tenant.admin()).status()).isEqualTo(204);
        JsonNode deleted = only("webhook.deleted", webhookId);
        assertThat(deleted.get("before").get("url").asString()).isEqualTo("http://127.0.0.1:9/hooks");
        assertThat(deleted.has("after")).isFalse();

        assertNoSecretIn(List.of(WEBHOOK_SECRET));
    }

    @Test
    void commands_issued_and_cancelled_are_recorded() throws Exception {
        HttpServer refusing = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        refusing.createContext("/", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        refusing.start();
        try {
            String vendorId = registry.vendor("CMDA").get("vendor").get("id").asString();
            Map<String, Object> mapping = new HashMap<>(Map.of("format", "JSON", "rows", "meters[*].intervals[*]",
                    "fields", Map.of("meter", "^.serial", "timestamp", "end", "values", "values")));
            mapping.put("pull", Map.of("base_url", "http://127.0.0.1:" + refusing.getAddress().getPort(),
                    "command_path", "/meters/{serial}/commands", "timeout_seconds", 2));
            assertThat(api.put("/api/v1/hes-vendors/" + vendorId + "/mapping", tenant.admin(), mapping).status()).isEqualTo(200);
            String meterId = registry.meter("AUD-C1", vendorId, null).get("id").asString();

            var issued = api.post("/api/v1/commands", tenant.operator(), Map.of("type", "DISCONNECT", "meter_ids", List.of(meterId)));
            assertThat(issued.status()).as(issued.raw()).isEqualTo(201);
            String commandId = issued.json().get("commands").get(0).get("id").asString();
            JsonNode row = only("command.issued", commandId);
            assertThat(row.get("actor").asString()).isEqualTo(tenant.code() + ".operator");
            assertThat(row.get("actor_roles").toString()).contains("OPERATOR");
            assertThat(row.get("after").get("type").asString()).isEqualTo("DISCONNECT");

            // the HES answers 503: the command waits for its retry, when it can still be cancelled
            poll(() -> api.get("/api/v1/commands/" + commandId, tenant.admin()).json(),
                    command -> command.get("attempts").asInt() == 1 && "REQUESTED".equals(command.get("status").asString()),
                    Duration.ofSeconds(20));
            var cancelled = api.post("/api/v1/commands/" + commandId + "/cancel", tenant.admin(), null);
            assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
            JsonNode cancel = only("command.cancelled", commandId);
            assertByTheAdmin(cancel);
            assertThat(cancel.get("before").get("status").asString()).isEqualTo("REQUESTED");
            assertThat(cancel.get("after").get("status").asString()).isEqualTo("CANCELLED");
        } finally {
            refusing.stop(0);
        }
    }

    @Test
    void vee_edits_requested_approved_and_rejected_are_recorded() {
        String vendorId = registry.vendor("EDT").get("vendor").get("id").asString();
        String dt = registry.branch("AUD").get("id").asString();
        String meterId = registry.meter("AUD-E1", vendorId, registry.consumer("AUD-ACC", dt).get("id").asString())
                .get("id").asString();
        assertThat(api.put("/api/v1/vee/settings/DEFAULT", tenant.admin(), Map.of("edit_approval_required", true)).status())
                .isEqualTo(200);
        Map<String, Object> edit = Map.of("meter_ids", List.of(meterId), "channel", "KWH_IMPORT",
                "from", "2019-05-10T10:15:00+05:30", "to", "2019-05-10T10:30:00+05:30", "action", "SET", "value", 0.4,
                "reason_code", "METER_FAULT");
        String toApprove = requestEdit(edit);
        String toReject = requestEdit(edit);
        JsonNode requested = only("vee_edit.requested", toApprove);
        assertThat(requested.get("actor").asString()).isEqualTo(tenant.code() + ".operator");
        assertThat(requested.get("after").get("status").asString()).isEqualTo("PENDING");

        assertThat(api.post("/api/v1/vee/edits/" + toApprove + "/approve", tenant.admin(), Map.of()).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/vee/edits/" + toReject + "/reject", tenant.admin(), Map.of()).status()).isEqualTo(200);
        JsonNode approved = only("vee_edit.approved", toApprove);
        assertByTheAdmin(approved);
        assertThat(approved.get("before").get("status").asString()).isEqualTo("PENDING");
        assertThat(approved.get("after").get("status").asString()).isEqualTo("APPLIED");
        assertThat(only("vee_edit.rejected", toReject).get("after").get("status").asString()).isEqualTo("REJECTED");
    }

    @Test
    void sign_ins_failures_locks_and_sign_outs_land_in_the_accounts_tenant_and_unknown_names_in_the_platforms() {
        String analyst = tenant.code() + ".analyst";
        assertThat(signIn(analyst, "not-the-password-at-all").status()).isEqualTo(401);
        JsonNode failed = rows("action=sign_in.failed").get(0);
        assertThat(failed.get("actor").asString()).isEqualTo(analyst);
        assertThat(failed.get("address").asString()).isEqualTo("127.0.0.1");
        assertThat(rows("action=sign_in.succeeded&actor=" + analyst)).as("newTenant signed the analyst in").hasSize(1);

        for (int i = 0; i < 4; i++) signIn(analyst, "not-the-password-at-all");
        assertThat(rows("action=sign_in.failed&actor=" + analyst)).hasSize(4);
        assertThat(rows("action=sign_in.locked&actor=" + analyst)).hasSize(1);

        String token = tenant.operator();
        assertThat(api.post("/api/v1/auth/logout", token, null).status()).isEqualTo(204);
        JsonNode signedOut = rows("action=sign_out").get(0);
        assertThat(signedOut.get("actor").asString()).isEqualTo(tenant.code() + ".operator");
        assertThat(signedOut.get("target_type").asString()).isEqualTo("session");

        String stranger = "nobody-" + tenant.code();
        assertThat(signIn(stranger, "whatever-it-may-be").status()).isEqualTo(401);
        assertThat(rows("actor=" + stranger)).as("not in any tenant's trail").isEmpty();
        JsonNode platformRows = api.get("/api/v1/audit-trail?action=sign_in.failed&actor=" + stranger, platformAdmin()).json();
        assertThat(platformRows.get("items")).hasSize(1);
        assertNoSecretIn(List.of("not-the-password-at-all"));
    }

    @Test
    void tenant_creation_and_changes_are_platform_actions_and_a_platform_admin_acting_in_a_tenant_is_named() {
        String platform = platformAdmin();
        JsonNode created = api.get("/api/v1/audit-trail?action=tenant.created&target_id=" + tenant.id(), platform).json();
        assertThat(created.get("items")).hasSize(1);
        assertThat(created.get("items").get(0).get("actor").asString()).isEqualTo("admin");
        assertThat(created.get("items").get(0).get("after").get("code").asString()).isEqualTo(tenant.code());
        assertThat(rows("action=tenant.")).as("platform actions are not in the tenant's trail").isEmpty();

        assertThat(api.put("/api/v1/platform/tenants/" + tenant.code(), platform, Map.of("name", "Renamed DISCOM")).status())
                .isEqualTo(200);
        JsonNode updated = api.get("/api/v1/audit-trail?action=tenant.updated&target_id=" + tenant.id(), platform).json()
                .get("items").get(0);
        assertThat(updated.get("before").get("name").asString()).startsWith("Test DISCOM");
        assertThat(updated.get("after").get("name").asString()).isEqualTo("Renamed DISCOM");

        // the tenant's first administrator was made by the platform admin, inside the tenant
        JsonNode firstAdmin = rows("action=user.created&actor=admin").get(0);
        assertThat(firstAdmin.get("after").get("username").asString()).isEqualTo(tenant.code() + ".admin");
        assertThat(firstAdmin.get("actor_roles").toString()).contains("PLATFORM_ADMIN");
    }

    private String requestEdit(Map<String, Object> edit) {
        var requested = api.post("/api/v1/vee/edits", tenant.operator(), edit);
        assertThat(requested.status()).as(requested.raw()).isEqualTo(201);
        return requested.json().get(0).get("id").asString();
    }

    private ApiClient.Response signIn(String username, String password) {
        return api.post("/api/v1/auth/token", null, Map.of("username", username, "password", password));
    }

    /** The tenant's rows matching a query string, newest first. */
    private JsonNode rows(String query) {
        var response = api.get("/api/v1/audit-trail?size=1000&" + query, tenant.admin());
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.json().get("items");
    }

    /** The one row of an action on a target (null: the action has no target id). */
    private JsonNode only(String action, String targetId) {
        JsonNode items = rows("action=" + action + (targetId == null ? "" : "&target_id=" + enc(targetId)));
        List<JsonNode> exact = new java.util.ArrayList<>();
        items.forEach(item -> { if (item.get("action").asString().equals(action)) exact.add(item); });
        assertThat(exact).as(action + " on " + targetId).hasSize(1);
        return exact.get(0);
    }

    private void assertByTheAdmin(JsonNode row) {
        assertThat(row.get("actor").asString()).isEqualTo(tenant.code() + ".admin");
        assertThat(row.get("actor_roles").toString()).contains("TENANT_ADMIN");
        assertThat(row.get("address").asString()).isEqualTo("127.0.0.1");
        assertThat(row.get("request_id").asString()).isNotBlank();
        assertThat(row.get("hash").asString()).hasSize(64);
    }

    /** Neither the search nor the export of the whole trail shows any of these. */
    private void assertNoSecretIn(List<String> secrets) {
        String search = api.get("/api/v1/audit-trail?size=1000", tenant.admin()).raw();
        String export = api.get("/api/v1/audit-trail/export", tenant.admin()).raw();
        for (String secret : secrets) {
            assertThat(search).doesNotContain(secret);
            assertThat(export).doesNotContain(secret);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
