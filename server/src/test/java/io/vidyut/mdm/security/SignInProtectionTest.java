package io.vidyut.mdm.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.ApiClient;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.TestTenant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Password guessing is slowed and weak passwords are refused: an account is locked after wrong passwords in a row
 * (an unknown username answers exactly alike), passwords follow NIST SP 800-63B, and no password length gives a 500.
 */
class SignInProtectionTest extends IntegrationTest {
    TestTenant tenant;

    @BeforeEach
    void tenant() {
        tenant = newTenant();
    }

    @Test
    void five_wrong_passwords_in_a_row_lock_the_account_even_against_the_right_one_and_an_unknown_name_alike() {
        String known = tenant.code() + ".operator";
        String unknown = tenant.code() + ".nobody";
        for (int i = 0; i < 5; i++) {
            assertThat(signIn(known, "not-the-password-" + i).status()).isEqualTo(401);
            assertThat(signIn(unknown, "not-the-password-" + i).status()).isEqualTo(401);
        }

        ApiClient.Response locked = signIn(known, PASSWORD);
        ApiClient.Response lockedUnknown = signIn(unknown, PASSWORD);

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.json().get("type").asString()).endsWith("/sign-in-throttled");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(14 * 60L, 15 * 60L);
        assertThat(lockedUnknown.status()).isEqualTo(429);
        assertThat(lockedUnknown.json().get("detail")).isEqualTo(locked.json().get("detail"));
        assertThat(signIn(tenant.code() + ".analyst", PASSWORD).status()).as("other accounts are not locked").isEqualTo(200);
    }

    @Test
    void new_passwords_follow_the_policy_with_a_reason_for_each_refusal() {
        assertThat(refusal("eleven-char")).isEqualTo("at least 12 characters");
        assertThat(refusal("qwerty123456")).contains("most common passwords");
        assertThat(refusal("my-" + tenant.code() + ".newbie-secret")).isEqualTo("must not contain the username");
        assertThat(refusal("x".repeat(129))).isEqualTo("at most 128 characters");
        assertThat(create("lanterns over the yamuna at dusk").status()).isEqualTo(201);
    }

    @Test
    void long_and_non_latin_passwords_work_and_no_length_gives_a_server_error() {
        String hindi = "बिजली का मीटर हर पंद्रह मिनट पर पढ़ा जाता है"; // 40 characters, over 100 bytes in UTF-8
        assertThat(create(hindi).status()).isEqualTo(201);
        assertThat(signIn(tenant.code() + ".newbie", hindi).status()).isEqualTo(200);
        assertThat(signIn(tenant.code() + ".newbie", hindi.substring(0, 30)).status()).as("bcrypt's 72 bytes are not all")
                .isEqualTo(401);
        assertThat(signIn(tenant.code() + ".operator", "p".repeat(1000)).status()).isEqualTo(401);
    }

    private ApiClient.Response signIn(String username, String password) {
        return api.post("/api/v1/auth/token", null, Map.of("username", username, "password", password));
    }

    private ApiClient.Response create(String password) {
        return api.post("/api/v1/users", tenant.admin(), Map.of("username", tenant.code() + ".newbie", "password", password,
                "roles", List.of("OPERATOR")));
    }

    private String refusal(String password) {
        ApiClient.Response refused = create(password);
        assertThat(refused.status()).as(refused.raw()).isEqualTo(422);
        return refused.json().get("errors").get(0).get("message").asString();
    }
}
