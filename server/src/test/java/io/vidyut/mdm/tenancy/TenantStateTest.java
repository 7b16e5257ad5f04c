package io.vidyut.mdm.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.IntegrationTest;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A DISCOM serves one Indian state or union territory, whose regulator sets its tariffs: the tenant records which,
 * from India's own list, so a misspelt or foreign region is refused beside the field instead of stored.
 */
class TenantStateTest extends IntegrationTest {

    @Test
    void the_list_of_states_holds_india_s_28_states_and_8_union_territories_for_the_platform_administrator_only() {
        JsonNode states = api.get("/api/v1/platform/states", platformAdmin()).json();
        assertThat(StreamSupport.stream(states.spliterator(), false)
                .filter(s -> s.get("kind").asString().equals("STATE"))).hasSize(28);
        assertThat(StreamSupport.stream(states.spliterator(), false)
                .filter(s -> s.get("kind").asString().equals("UNION_TERRITORY"))
                .map(s -> s.get("name").asString())).contains("Delhi", "Ladakh", "Puducherry").hasSize(8);

        assertThat(api.get("/api/v1/platform/states", newTenant().admin()).status()).isEqualTo(403);
    }

    @Test
    void a_tenant_is_created_in_its_state_as_the_list_spells_it_and_an_unknown_state_is_refused_beside_the_field() {
        String platform = platformAdmin();
        String code = uniqueCode();
        var unknown = api.post("/api/v1/platform/tenants", platform,
                Map.of("code", code, "name", "Nowhere DISCOM", "state", "Bengal Presidency"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.isProblem()).isTrue();
        assertThat(unknown.json().get("errors").get(0).get("field").asString()).isEqualTo("state");
        assertThat(unknown.json().get("errors").get(0).get("message").asString()).contains("Bengal Presidency");
        assertThat(api.get("/api/v1/platform/tenants/" + code, platform).status()).isEqualTo(404);

        var created = api.post("/api/v1/platform/tenants", platform,
                Map.of("code", code, "name", "Dakshin Haryana DISCOM", "state", " haryana "));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.json().get("state").asString()).isEqualTo("Haryana");
        assertThat(listed(platform, code).get("state").asString()).isEqualTo("Haryana");
    }

    @Test
    void a_tenant_s_state_is_changed_by_an_update_that_names_it_and_kept_by_one_that_does_not() {
        String platform = platformAdmin();
        String code = uniqueCode();
        assertThat(api.post("/api/v1/platform/tenants", platform, Map.of("code", code, "name", "Old name")).status())
                .isEqualTo(201);
        assertThat(listed(platform, code).has("state")).as("a tenant created without a state").isFalse();

        var moved = api.put("/api/v1/platform/tenants/" + code, platform, Map.of("state", "Dadra and Nagar Haveli and Daman and Diu"));
        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);
        assertThat(moved.json().get("state").asString()).isEqualTo("Dadra and Nagar Haveli and Daman and Diu");

        var refused = api.put("/api/v1/platform/tenants/" + code, platform, Map.of("name", "New name", "state", "Texas"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").get(0).get("field").asString()).isEqualTo("state");

        var renamed = api.put("/api/v1/platform/tenants/" + code, platform, Map.of("name", "New name"));
        assertThat(renamed.json().get("name").asString()).isEqualTo("New name");
        assertThat(renamed.json().get("state").asString()).isEqualTo("Dadra and Nagar Haveli and Daman and Diu");
    }

    private JsonNode listed(String platform, String code) {
        JsonNode tenants = api.get("/api/v1/platform/tenants", platform).json();
        return StreamSupport.stream(tenants.spliterator(), false)
                .filter(t -> t.get("code").asString().equals(code)).findFirst().orElseThrow();
    }

    private static String uniqueCode() {
        return "st" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
    }
}
