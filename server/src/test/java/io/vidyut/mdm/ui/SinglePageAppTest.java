package io.vidyut.mdm.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.ApiClient;
import io.vidyut.mdm.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

/** The dashboard is served at / and at its client-side routes, without ever standing in for the API. */
class SinglePageAppTest extends IntegrationTest {

    @Test
    void the_dashboard_loads_anonymously_at_the_root() {
        ApiClient.Response root = api.get("/", null);
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.contentType()).startsWith("text/html");
        assertThat(root.raw()).contains("<div id=\"root\">");
    }

    @Test
    void a_client_side_route_gets_the_dashboard() {
        ApiClient.Response route = api.get("/meters/0a6f1c1e-0000-4000-8000-000000000001", null);
        assertThat(route.status()).isEqualTo(200);
        assertThat(route.raw()).contains("<div id=\"root\">");
    }

    @Test
    void api_paths_are_never_answered_with_the_dashboard() {
        ApiClient.Response anonymous = api.get("/api/v1/no-such-thing", null);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.isProblem()).isTrue();

        ApiClient.Response signedIn = api.get("/api/v1/no-such-thing", newTenant().admin());
        assertThat(signedIn.status()).isEqualTo(404);
        assertThat(signedIn.raw()).doesNotContain("<div id=\"root\">");
    }

    @Test
    void a_missing_asset_stays_missing_and_server_paths_keep_their_handlers() {
        assertThat(api.get("/assets/no-such-bundle.js", null).status()).isEqualTo(404);
        assertThat(api.get("/actuator/health", null).raw()).contains("\"status\"");
        assertThat(api.get("/v3/api-docs", null).raw()).contains("\"openapi\"");
    }
}
