package io.vidyut.mdm.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The SSRF guard on webhook URLs, on literal addresses and on a name that resolves to loopback. */
class WebhookTargetGuardTest {
    static WebhookTargetGuard guard(boolean allowPrivate) {
        return new WebhookTargetGuard(new WebhookSettings(null, null, null, allowPrivate, null));
    }

    @Test
    void internal_targets_are_refused_by_default() {
        WebhookTargetGuard guard = guard(false);
        for (String url : List.of("http://127.0.0.1:8080/hooks", "http://localhost/hooks", "https://10.1.2.3/x",
                "http://172.16.0.9/x", "http://192.168.1.1/x", "http://169.254.169.254/latest/meta-data",
                "http://100.64.0.1/x", "http://0.0.0.0/x", "http://[::1]/x", "http://[fe80::1]/x", "http://[fd12:3456::1]/x",
                "http://[::ffff:127.0.0.1]/x", "http://224.0.0.1/x")) {
            assertThat(guard.refusal(url)).as(url).hasValueSatisfying(reason -> assertThat(reason)
                    .contains("internal address").contains("mdm.webhooks.allow-private-targets"));
        }
    }

    @Test
    void public_targets_pass_and_the_switch_allows_internal_ones() {
        WebhookTargetGuard guard = guard(false);
        for (String url : List.of("https://203.0.113.10/hooks", "http://8.8.8.8/x", "https://[2001:4860:4860::8888]/x")) {
            assertThat(guard.refusal(url)).as(url).isEmpty();
        }
        assertThat(guard(true).refusal("http://127.0.0.1:8080/hooks")).isEmpty();
        assertThat(guard(true).refusal("http://169.254.169.254/")).isEmpty();
    }

    @Test
    void a_name_that_does_not_resolve_is_refused() {
        assertThat(guard(false).refusal("https://no-such-host.invalid/hooks")).hasValueSatisfying(reason ->
                assertThat(reason).contains("does not resolve"));
    }
}
