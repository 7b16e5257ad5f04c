package io.vidyut.mdm.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.ApiClient;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.TestTenant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the server shows to whom: metrics only to a scraper with the operator's token (or the platform), and headers
 * that keep the dashboard from being framed, fed foreign scripts or leaking its addresses. */
class ExposureTest extends IntegrationTest {

    @Test
    void prometheus_metrics_need_the_scrape_token_or_a_platform_administrator() {
        TestTenant tenant = newTenant();
        assertThat(api.get("/actuator/prometheus", null).status()).isEqualTo(401);
        assertThat(scrape("not-the-token").status()).isEqualTo(401);
        assertThat(api.get("/actuator/prometheus", tenant.admin()).status()).isEqualTo(403);

        ApiClient.Response scraped = scrape(METRICS_TOKEN);
        assertThat(scraped.status()).isEqualTo(200);
        assertThat(scraped.raw()).contains("jvm_memory_used_bytes");
        assertThat(api.get("/actuator/prometheus", platformAdmin()).status()).isEqualTo(200);
        assertThat(api.get("/actuator/health", null).status()).as("probes stay open").isEqualTo(200);
    }

    @Test
    void the_scrape_token_opens_nothing_but_the_metrics() {
        assertThat(api.send("GET", "/api/v1/meters", null, null, null, Map.of("Authorization", "Bearer " + METRICS_TOKEN))
                .status()).isEqualTo(401);
        assertThat(api.send("GET", "/actuator/metrics", null, null, null, Map.of("Authorization", "Bearer " + METRICS_TOKEN))
                .status()).isEqualTo(401);
    }

    @Test
    void the_dashboard_is_served_with_a_content_security_policy_and_a_referrer_policy() {
        ApiClient.Response page = api.get("/", null);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'self'").contains("script-src 'self'")
                .contains("frame-ancestors 'none'").doesNotContain("unsafe-eval");
        assertThat(page.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Strict-Transport-Security")).as("HSTS only over HTTPS").isNull();
    }

    private ApiClient.Response scrape(String token) {
        return api.send("GET", "/actuator/prometheus", null, null, null, Map.of("Authorization", "Bearer " + token));
    }
}
