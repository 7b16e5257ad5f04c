package io.vidyut.mdm.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.ApiClient;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.TestTenant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A sign-in is a session: short-lived access tokens, each refresh token good once, and an end that takes effect at
 * once — on sign-out, and when the user is disabled, given other roles or a new password.
 */
class SessionTest extends IntegrationTest {
    TestTenant tenant;

    @BeforeEach
    void tenant() {
        tenant = newTenant();
    }

    @Test
    void sign_in_gives_a_short_lived_access_token_and_a_refresh_token_for_the_session() {
        JsonNode issued = signIn("operator");
        assertThat(issued.get("expires_in").asLong()).isEqualTo(15 * 60);
        assertThat(issued.get("refresh_token").asString()).hasSizeGreaterThan(40);
        assertThat(issued.get("refresh_expires_in").asLong()).isEqualTo(12 * 3600);
    }

    @Test
    void a_refresh_token_gives_the_next_pair_once_and_used_again_ends_the_session() {
        JsonNode first = signIn("operator");
        ApiClient.Response next = refresh(first.get("refresh_token").asString());
        assertThat(next.status()).as(next.raw()).isEqualTo(200);
        String access = next.json().get("access_token").asString();
        assertThat(api.get("/api/v1/meters", access).status()).isEqualTo(200);
        assertThat(next.json().get("refresh_token").asString()).isNotEqualTo(first.get("refresh_token").asString());

        ApiClient.Response replayed = refresh(first.get("refresh_token").asString());

        assertThat(replayed.status()).isEqualTo(401);
        assertThat(replayed.json().get("type").asString()).endsWith("/invalid-refresh-token");
        assertThat(api.get("/api/v1/meters", access).status()).as("a stolen refresh token ends the session").isEqualTo(401);
        assertThat(refresh(next.json().get("refresh_token").asString()).status()).isEqualTo(401);
    }

    @Test
    void sign_out_stops_the_access_token_and_the_refresh_token_at_once() {
        JsonNode issued = signIn("analyst");
        String access = issued.get("access_token").asString();
        assertThat(api.post("/api/v1/auth/logout", access, null).status()).isEqualTo(204);

        assertThat(api.get("/api/v1/meters", access).status()).isEqualTo(401);
        assertThat(refresh(issued.get("refresh_token").asString()).status()).isEqualTo(401);
        assertThat(signIn("analyst").get("access_token").asString()).as("signing in again works").isNotBlank();
    }

    @Test
    void disabling_a_user_changing_their_roles_or_their_password_stops_their_tokens_at_once() {
        String operator = signIn("operator").get("access_token").asString();
        String analyst = signIn("analyst").get("access_token").asString();
        String field = signIn("field_tech").get("access_token").asString();

        change("operator", Map.of("enabled", false));
        change("analyst", Map.of("roles", List.of("CONSUMER")));
        change("field_tech", Map.of("password", "a-brand-new-passphrase"));

        assertThat(api.get("/api/v1/tenant", operator).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/tenant", analyst).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/tenant", field).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/tenant", tenant.admin()).status()).as("other users go on").isEqualTo(200);
    }

    @Test
    void a_platform_administrator_switched_into_a_tenant_stays_there_when_the_token_is_refreshed() {
        var signedIn = api.post("/api/v1/auth/token", null, Map.of("username", "admin", "password", PLATFORM_ADMIN_PASSWORD));
        String refreshToken = signedIn.json().get("refresh_token").asString();
        var switched = api.post("/api/v1/auth/switch-tenant", signedIn.json().get("access_token").asString(),
                Map.of("tenant", tenant.code()));
        assertThat(switched.status()).as(switched.raw()).isEqualTo(200);

        JsonNode refreshed = refresh(refreshToken).json();

        assertThat(refreshed.get("tenant").asString()).isEqualTo(tenant.code());
        assertThat(api.get("/api/v1/tenant", refreshed.get("access_token").asString()).json().get("code").asString())
                .isEqualTo(tenant.code());
    }

    private JsonNode signIn(String role) {
        var response = api.post("/api/v1/auth/token", null, Map.of("username", tenant.code() + "." + role, "password", PASSWORD));
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.json();
    }

    private ApiClient.Response refresh(String refreshToken) {
        return api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", refreshToken));
    }

    private void change(String role, Map<String, Object> changes) {
        String id = api.get("/api/v1/users?size=100", tenant.admin()).json().get("items").findParents("username").stream()
                .filter(user -> user.get("username").asString().equals(tenant.code() + "." + role))
                .findFirst().orElseThrow().get("id").asString();
        var changed = api.put("/api/v1/users/" + id, tenant.admin(), changes);
        assertThat(changed.status()).as(changed.raw()).isEqualTo(200);
    }
}
