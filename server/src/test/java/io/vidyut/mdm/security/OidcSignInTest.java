package io.vidyut.mdm.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.ApiClient;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.TestTenant;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Staff sign in to the dashboard through their tenant's OIDC provider: a real Spring Authorization Server in the
 * test JVM, driven as a browser would (redirects followed by hand, the provider's login form posted).
 */
class OidcSignInTest extends IntegrationTest {
    private static TestOidcProvider provider;
    TestTenant tenant;

    @BeforeEach
    void providerForTheTenant() {
        if (provider == null) provider = new TestOidcProvider();
        provider.registerClient("http://127.0.0.1:" + port + OidcController.CALLBACK_PATH);
        TestOidcProvider.useClock(clock);
        tenant = newTenant();
        var saved = api.put("/api/v1/platform/tenants/" + tenant.code() + "/oidc", platformAdmin(), Map.of(
                "display_name", "DISCOM staff login", "issuer_uri", provider.issuer(),
                "client_id", TestOidcProvider.CLIENT_ID, "client_secret", TestOidcProvider.CLIENT_SECRET));
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
    }

    @AfterEach
    void providerClockBack() {
        TestOidcProvider.useClock(clock);
    }

    @AfterAll
    static void stopProvider() {
        if (provider != null) provider.close();
        provider = null;
    }

    @Test
    void a_tenant_user_signs_in_through_the_provider_into_a_normal_session() throws Exception {
        String username = tenant.code() + ".operator";
        provider.addUser(username);

        Map<String, String> outcome = signInThroughProvider(username).outcome();

        assertThat(outcome).containsKeys("access_token", "refresh_token", "refresh_expires_in").doesNotContainKey("error");
        String token = outcome.get("access_token");
        JsonNode me = api.get("/api/v1/users/me", token).json();
        assertThat(me.get("username").asString()).isEqualTo(username);
        assertThat(api.get("/api/v1/meters", token).status()).isEqualTo(200);
        ApiClient.Response refreshed = api.post("/api/v1/auth/refresh", null, Map.of("refresh_token", outcome.get("refresh_token")));
        assertThat(refreshed.status()).as(refreshed.raw()).isEqualTo(200);
        assertThat(refreshed.json().get("roles").toString()).isEqualTo("[\"OPERATOR\"]");
        assertThat(api.post("/api/v1/auth/logout", token, Map.of()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/meters", token).status()).as("a normal session, ended by sign-out").isEqualTo(401);
    }

    @Test
    void the_sign_in_page_learns_the_tenants_provider_by_name_only() {
        JsonNode offered = api.get("/api/v1/auth/providers?tenant=" + tenant.code(), null).json().get("providers");
        assertThat(offered.size()).isEqualTo(1);
        assertThat(offered.get(0).get("name").asString()).isEqualTo("DISCOM staff login");
        assertThat(offered.get(0).get("start").asString()).isEqualTo("/api/v1/auth/oidc/" + tenant.code() + "/start");
        assertThat(offered.toString()).doesNotContain(TestOidcProvider.CLIENT_ID, provider.issuer());
        assertThat(api.get("/api/v1/auth/providers?tenant=no-such-tenant", null).json().get("providers").size()).isZero();
        assertThat(api.get("/api/v1/auth/oidc/no-such-tenant/start", null).status()).isEqualTo(404);

        JsonNode shown = api.get("/api/v1/platform/tenants/" + tenant.code() + "/oidc", platformAdmin()).json();
        assertThat(shown.get("client_secret").asString()).isEqualTo("********");
        assertThat(shown.toString()).doesNotContain(TestOidcProvider.CLIENT_SECRET);
    }

    @Test
    void a_provider_user_who_is_no_user_of_the_tenant_is_refused() throws Exception {
        String stranger = tenant.code() + ".stranger";
        provider.addUser(stranger);
        TestTenant other = newTenant();
        String otherTenantsUser = other.code() + ".operator";
        provider.addUser(otherTenantsUser);

        assertThat(signInThroughProvider(stranger).outcome()).containsEntry("error", "unknown-user")
                .doesNotContainKey("access_token");
        assertThat(signInThroughProvider(otherTenantsUser).outcome()).as("a user of another tenant")
                .containsEntry("error", "unknown-user");
    }

    @Test
    void a_wrong_or_replayed_state_is_refused() throws Exception {
        String username = tenant.code() + ".analyst";
        provider.addUser(username);

        Browser browser = new Browser();
        URI callback = browser.throughProvider(start(), username);
        URI forged = URI.create(callback.toString().replaceAll("state=[^&]+", "state=forged-state"));
        assertThat(outcome(browser.get(forged))).containsEntry("error", "unknown-state");

        assertThat(outcome(browser.get(callback))).containsKey("access_token");
        assertThat(outcome(browser.get(callback))).as("the same answer twice").containsEntry("error", "unknown-state");
    }

    @Test
    void an_id_token_made_out_to_another_client_is_refused() throws Exception {
        String mallory = tenant.code() + ".mallory";
        var created = api.post("/api/v1/users", tenant.admin(), Map.of("username", mallory, "password", PASSWORD,
                "roles", List.of("OPERATOR")));
        assertThat(created.status()).isEqualTo(201);
        provider.addUser(mallory);

        assertThat(signInThroughProvider(mallory).outcome()).containsEntry("error", "invalid-id-token");
    }

    @Test
    void an_id_token_expired_by_the_servers_clock_is_refused() throws Exception {
        String username = tenant.code() + ".operator";
        provider.addUser(username);
        TestOidcProvider.useClock(Clock.offset(clock, Duration.ofHours(-3)));

        assertThat(signInThroughProvider(username).outcome()).containsEntry("error", "invalid-id-token");
    }

    @Test
    void the_client_secret_is_kept_when_sent_back_masked_and_the_issuer_must_be_https() {
        var saved = api.put("/api/v1/platform/tenants/" + tenant.code() + "/oidc", platformAdmin(), Map.of(
                "display_name", "Renamed", "issuer_uri", provider.issuer(), "client_id", TestOidcProvider.CLIENT_ID,
                "client_secret", "********"));
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        String username = tenant.code() + ".operator";
        provider.addUser(username);
        assertThat(signInThroughProvider(username).outcome()).as("the kept secret still works").containsKey("access_token");

        var plainHttp = api.put("/api/v1/platform/tenants/" + tenant.code() + "/oidc", platformAdmin(), Map.of(
                "display_name", "x", "issuer_uri", "http://idp.discom.in", "client_id", "x", "client_secret", "y"));
        assertThat(plainHttp.status()).isEqualTo(422);
    }

    private URI start() {
        return URI.create("http://127.0.0.1:" + port + "/api/v1/auth/oidc/" + tenant.code() + "/start");
    }

    private Finished signInThroughProvider(String username) {
        Browser browser = new Browser();
        return new Finished(outcome(browser.get(browser.throughProvider(start(), username))));
    }

    record Finished(Map<String, String> outcome) {}

    /** The dashboard's part of the answer: /#/signed-in?key=value&… */
    private static Map<String, String> outcome(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        String location = response.headers().firstValue("Location").orElseThrow();
        assertThat(location).startsWith(OidcController.DASHBOARD);
        Map<String, String> outcome = new LinkedHashMap<>();
        for (String pair : location.substring(OidcController.DASHBOARD.length()).split("&")) {
            String[] parts = pair.split("=", 2);
            outcome.put(parts[0], URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
        }
        return outcome;
    }

    /** A browser: keeps cookies, and is led through redirects one by one. */
    static final class Browser {
        private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
        final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

        /** From the MDM's start to the provider's answer (the MDM callback URI it redirects to), signing in there. */
        URI throughProvider(URI start, String username) {
            URI next = redirect(get(start), start);
            assertThat(next.toString()).contains("code_challenge_method=S256").contains("nonce=").contains("state=");
            // the provider wants its login first
            for (int hops = 0; hops < 10; hops++) {
                if (next.getPath().equals(OidcController.CALLBACK_PATH)) return next;
                HttpResponse<String> response = get(next);
                if (response.statusCode() == 200 && next.getPath().equals("/login")) {
                    Matcher csrf = CSRF.matcher(response.body());
                    assertThat(csrf.find()).as(response.body()).isTrue();
                    response = post(next, Map.of("username", username, "password", TestOidcProvider.PASSWORD,
                            "_csrf", csrf.group(1)));
                }
                next = redirect(response, next);
            }
            throw new AssertionError("the provider never sent the browser back");
        }

        HttpResponse<String> get(URI uri) {
            return send(HttpRequest.newBuilder(uri).header("Accept", "text/html").GET().build());
        }

        HttpResponse<String> post(URI uri, Map<String, String> form) {
            String body = form.entrySet().stream().map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .reduce((x, y) -> x + "&" + y).orElse("");
            return send(HttpRequest.newBuilder(uri).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        }

        private static URI redirect(HttpResponse<String> response, URI from) {
            assertThat(response.statusCode()).as(from + " " + response.body()).isEqualTo(302);
            return from.resolve(response.headers().firstValue("Location").orElseThrow());
        }

        private HttpResponse<String> send(HttpRequest request) {
            try {
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
