package io.vidyut.mdm.hes;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.ApiClient;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.Registry;
import io.vidyut.mdm.testing.TestTenant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The MDM calls a tenant's HES (pulls, commands) on public addresses, and on internal ones only where the platform
 * administrator listed the tenant's private HES networks: a tenant cannot point the MDM at its own host, its
 * network or a cloud metadata endpoint.
 */
class PullTargetsTest extends IntegrationTest {
    TestTenant tenant;
    String vendorId;
    String meterId;

    @BeforeEach
    void tenantWithAVendor() {
        tenant = newTenant();
        Registry registry = new Registry(api, tenant.admin());
        vendorId = registry.vendor("PULLED").get("vendor").get("id").asString();
        meterId = registry.meter("P1", vendorId, null).get("id").asString();
    }

    @Test
    void a_pull_endpoint_on_an_internal_address_is_refused_until_the_platform_lists_the_network() {
        for (String internal : List.of("http://127.0.0.1:18089", "http://10.20.1.5", "http://169.254.169.254", "http://[::1]:80")) {
            ApiClient.Response refused = save(internal);
            assertThat(refused.status()).as(internal).isEqualTo(422);
            assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("pull.base_url");
            assertThat(refused.json().get("errors").get(0).get("message").asString()).contains("internal address")
                    .contains("hes_networks");
        }

        allowHesNetwork(tenant, "10.20.0.0/16");

        assertThat(save("http://10.20.1.5").status()).isEqualTo(200);
        assertThat(save("http://127.0.0.1:18089").status()).as("only the listed network").isEqualTo(422);
        assertThat(save("http://169.254.169.254").status()).isEqualTo(422);
    }

    @Test
    void a_tenant_cannot_list_its_own_private_networks() {
        ApiClient.Response refused = api.put("/api/v1/platform/tenants/" + tenant.code(), tenant.admin(),
                Map.of("settings", Map.of("hes_networks", List.of("127.0.0.1/32"))));
        assertThat(refused.status()).isEqualTo(403);
    }

    @Test
    void a_network_taken_off_the_list_is_not_called_any_more() {
        allowHesNetwork(tenant, "127.0.0.1/32");
        assertThat(save("http://127.0.0.1:" + freePort()).status()).isEqualTo(200);
        var cleared = api.put("/api/v1/platform/tenants/" + tenant.code(), platformAdmin(), Map.of("settings", Map.of()));
        assertThat(cleared.status()).isEqualTo(200);

        ApiClient.Response pull = api.post("/api/v1/meters/" + meterId + "/pull", tenant.operator(),
                Map.of("from", "2026-11-20T00:00:00+05:30", "to", "2026-11-21T00:00:00+05:30"));

        assertThat(pull.status()).as(pull.raw()).isBetween(400, 499);
        assertThat(pull.raw()).contains("internal address");
    }

    private ApiClient.Response save(String baseUrl) {
        Map<String, Object> mapping = new HashMap<>(Map.of("format", "JSON", "rows", "meters[*].intervals[*]",
                "fields", Map.of("meter", "^.serial", "timestamp", "end", "values", "values")));
        mapping.put("pull", Map.of("base_url", baseUrl, "read_path", "/meters/{serial}/read",
                "history_path", "/meters/{serial}/profile?from={from}&to={to}"));
        return api.put("/api/v1/hes-vendors/" + vendorId + "/mapping", tenant.admin(), mapping);
    }
}
