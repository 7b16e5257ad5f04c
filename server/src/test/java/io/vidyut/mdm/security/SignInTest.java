package io.vidyut.mdm.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.TestTenant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Sign-in issues a signed JWT naming the tenant and roles; failures say little and look alike. */
class SignInTest extends IntegrationTest {

    @Test
    void a_token_carries_the_users_tenant_and_roles() {
        TestTenant tenant = newTenant();
        var response = api.post("/api/v1/auth/token", null, Map.of("username", tenant.code() + ".operator", "password", PASSWORD));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("token_type").asString()).isEqualTo("Bearer");
        String payload = new String(Base64.getUrlDecoder().decode(response.json().get("access_token").asString().split("\\.")[1]));
        var claims = JsonMapper.builder().build().readTree(payload);
        assertThat(claims.get("tenant").asString()).isEqualTo(tenant.code());
        assertThat(claims.get("roles").get(0).asString()).isEqualTo("OPERATOR");
        assertThat(api.get("/api/v1/tenant", response.json().get("access_token").asString()).json().get("code").asString())
                .isEqualTo(tenant.code());
    }

    @Test
    void a_wrong_password_an_unknown_user_and_a_disabled_user_get_the_same_refusal() {
        TestTenant tenant = newTenant();
        var wrongPassword = api.post("/api/v1/auth/token", null, Map.of("username", tenant.code() + ".operator", "password", "nope-nope"));
        var unknown = api.post("/api/v1/auth/token", null, Map.of("username", "nobody-" + tenant.code(), "password", "nope-nope"));
        String analystId = api.get("/api/v1/users/me", tenant.analyst()).json().get("id").asString();
        assertThat(api.put("/api/v1/users/" + analystId, tenant.admin(), Map.of("enabled", false)).status()).isEqualTo(200);
        var disabled = api.post("/api/v1/auth/token", null, Map.of("username", tenant.code() + ".analyst", "password", PASSWORD));
        for (var response : List.of(wrongPassword, unknown, disabled)) {
            assertThat(response.status()).isEqualTo(401);
            assertThat(response.isProblem()).isTrue();
            assertThat(response.json().get("detail").asString()).isEqualTo(wrongPassword.json().get("detail").asString());
        }
    }

    @Test
    void a_platform_admin_manages_tenants_and_can_act_inside_one() {
        TestTenant tenant = newTenant();
        String platform = platformAdmin();
        assertThat(api.get("/api/v1/platform/tenants", platform).json().findValuesAsString("code")).contains(tenant.code());
        assertThat(api.get("/api/v1/meters", platform).status()).isEqualTo(403);

        var switched = api.post("/api/v1/auth/switch-tenant", platform, Map.of("tenant", tenant.code()));
        assertThat(switched.status()).isEqualTo(200);
        String inside = switched.json().get("access_token").asString();
        assertThat(api.get("/api/v1/meters", inside).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/users", inside).json().get("total").asLong()).isEqualTo(5);
    }

    @Test
    void weak_passwords_and_taken_usernames_are_refused_with_reasons() {
        TestTenant tenant = newTenant();
        var weak = api.post("/api/v1/users", tenant.admin(), Map.of("username", tenant.code() + ".new", "password", "short",
                "roles", List.of("OPERATOR")));
        assertThat(weak.status()).isEqualTo(422);
        assertThat(weak.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
        var taken = api.post("/api/v1/users", tenant.admin(), Map.of("username", tenant.code() + ".operator",
                "password", "long-enough-1", "roles", List.of("OPERATOR")));
        assertThat(taken.status()).isEqualTo(409);
    }
}
