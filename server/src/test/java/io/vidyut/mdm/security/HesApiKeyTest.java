package io.vidyut.mdm.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.Registry;
import io.vidyut.mdm.testing.TestTenant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** HES machine clients authenticate with X-API-Key, only from their vendor's allowlisted addresses. */
class HesApiKeyTest extends IntegrationTest {

    @Test
    void a_valid_key_from_an_allowed_address_identifies_vendor_and_tenant() {
        TestTenant tenant = newTenant();
        JsonNode created = new Registry(api, tenant.admin()).vendor("ALPHA");
        var self = api.withApiKey("GET", "/api/v1/hes/self", created.get("api_key").asString());
        assertThat(self.status()).isEqualTo(200);
        assertThat(self.json().get("vendor_code").asString()).isEqualTo("ALPHA");
        assertThat(self.json().get("tenant_code").asString()).isEqualTo(tenant.code());
    }

    @Test
    void a_key_used_from_outside_the_allowlist_is_refused() {
        TestTenant tenant = newTenant();
        JsonNode created = api.post("/api/v1/hes-vendors", tenant.admin(), Map.of("code", "FAR", "name", "Far away HES",
                "protocol", "MQTT", "ip_allowlist", List.of("10.20.0.0/16"))).json();
        var response = api.withApiKey("GET", "/api/v1/hes/self", created.get("api_key").asString());
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("detail").asString()).contains("127.0.0.1").contains("FAR");
    }

    @Test
    void unknown_and_revoked_keys_are_refused() {
        assertThat(api.withApiKey("GET", "/api/v1/hes/self", "vmdm_unknown").status()).isEqualTo(401);

        TestTenant tenant = newTenant();
        JsonNode created = new Registry(api, tenant.admin()).vendor("BETA");
        String vendorId = created.get("vendor").get("id").asString();
        String oldKey = created.get("api_key").asString();
        var rotated = api.post("/api/v1/hes-vendors/" + vendorId + "/api-keys?revoke_others=true", tenant.admin(), null);
        assertThat(rotated.status()).isEqualTo(201);
        String newKey = rotated.json().get("api_key").asString();

        assertThat(api.withApiKey("GET", "/api/v1/hes/self", oldKey).status()).isEqualTo(401);
        assertThat(api.withApiKey("GET", "/api/v1/hes/self", newKey).status()).isEqualTo(200);
    }

    @Test
    void a_machine_client_cannot_use_the_operator_api() {
        TestTenant tenant = newTenant();
        String key = new Registry(api, tenant.admin()).vendor("GAMMA").get("api_key").asString();
        assertThat(api.withApiKey("GET", "/api/v1/meters", key).status()).isEqualTo(403);
        assertThat(api.withApiKey("GET", "/api/v1/users", key).status()).isEqualTo(403);
    }

    @Test
    void keys_are_shown_once_and_stored_only_as_hashes() {
        TestTenant tenant = newTenant();
        JsonNode created = new Registry(api, tenant.admin()).vendor("DELTA");
        String key = created.get("api_key").asString();
        var listed = api.get("/api/v1/hes-vendors/" + created.get("vendor").get("id").asString(), tenant.admin());
        assertThat(listed.raw()).doesNotContain(key);
        assertThat(listed.json().get("api_keys").get(0).get("prefix").asString()).isEqualTo(key.substring(0, 11));
    }
}
