package io.vidyut.mdm.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.ApiClient;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.TestTenant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each tenant names its users in its own namespace (its code and a dot), so "taken" only ever speaks of the tenant's
 * own users: a tenant cannot learn which usernames another tenant has.
 */
class UsernameNamespaceTest extends IntegrationTest {

    @Test
    void a_tenant_creates_users_only_in_its_own_namespace() {
        TestTenant a = newTenant();
        TestTenant b = newTenant();

        ApiClient.Response outside = create(b, "ravi");
        assertThat(outside.status()).isEqualTo(422);
        assertThat(outside.json().get("errors").get(0).get("message").asString()).contains(b.code() + ".ravi");
        assertThat(create(b, a.code() + ".operator").status()).as("another tenant's name, whether taken or not")
                .isEqualTo(422);
        assertThat(create(b, a.code() + ".nobody").status()).isEqualTo(422);

        assertThat(create(b, b.code() + ".ravi").status()).isEqualTo(201);
        assertThat(create(b, b.code() + ".ravi").status()).as("taken in its own namespace").isEqualTo(409);
    }

    private ApiClient.Response create(TestTenant tenant, String username) {
        return api.post("/api/v1/users", tenant.admin(), Map.of("username", username, "password", PASSWORD,
                "roles", List.of("OPERATOR")));
    }
}
