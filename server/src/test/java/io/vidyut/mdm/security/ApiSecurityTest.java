package io.vidyut.mdm.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.ApiClient;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.Registry;
import io.vidyut.mdm.testing.TestTenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Walks every operation of the OpenAPI document: each refuses an anonymous caller (sign-in aside),
 * states its roles, and never lets a caller of another tenant reach or see the tenant's data.
 */
class ApiSecurityTest extends IntegrationTest {
    private static final Set<String> PUBLIC_OPERATIONS = Set.of("POST /api/v1/auth/token", "POST /api/v1/auth/refresh",
            // single sign-on happens before anyone is signed in: the sign-in page's choices (display names only), the
            // redirect to the tenant's provider, and the provider's answer (its state and code are the credential)
            "GET /api/v1/auth/providers", "GET /api/v1/auth/oidc/{tenant}/start", "GET /api/v1/auth/oidc/callback");
    /** Acts on the caller's own session only (sign-out): walked with another tenant's token, it would end that token. */
    private static final Set<String> OWN_SESSION = Set.of("POST /api/v1/auth/logout");
    /** Endless streams: another tenant's caller gets its own tenant's stream, which never ends to be read. */
    private static final Set<String> STREAMS = Set.of("GET /api/v1/alarms/stream");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");

    record Operation(String method, String path, String description) {
        String key() {
            return method + " " + path;
        }
    }

    TestTenant a;
    TestTenant b;
    Map<String, String> aIds;

    @BeforeEach
    void tenantAWithOneOfEverything() {
        a = newTenant();
        b = newTenant();
        Registry registry = new Registry(api, a.admin());
        JsonNode vendor = registry.vendor("ASECRETVENDOR");
        JsonNode dt = registry.branch("ASECRET");
        JsonNode consumer = registry.consumer("ASECRET-ACC", dt.get("id").asString());
        JsonNode meter = registry.meter("ASECRET-SERIAL", vendor.get("vendor").get("id").asString(), consumer.get("id").asString());
        JsonNode user = api.get("/api/v1/users/me", a.operator()).json();
        aIds = Map.of(
                "meters", meter.get("id").asString(),
                "consumers", consumer.get("id").asString(),
                "nodes", dt.get("id").asString(),
                "hes-vendors", vendor.get("vendor").get("id").asString(),
                "keyId", vendor.get("vendor").get("api_keys").get(0).get("id").asString(),
                "users", user.get("id").asString(),
                "serial", "ASECRET-SERIAL",
                "code", a.code());
    }

    List<Operation> operations() {
        JsonNode paths = api.get("/v3/api-docs", null).json().get("paths");
        List<Operation> operations = new ArrayList<>();
        for (String path : paths.propertyNames()) {
            if (!path.startsWith("/api/v1/")) continue;
            JsonNode item = paths.get(path);
            for (String method : item.propertyNames()) {
                if (METHODS.contains(method)) {
                    JsonNode description = item.get(method).get("description");
                    operations.add(new Operation(method.toUpperCase(), path, description == null ? "" : description.asString()));
                }
            }
        }
        assertThat(operations).hasSizeGreaterThan(20);
        return operations;
    }

    /** What the API guide's tables call a role set, in the words of the generated roles line. */
    private static final Map<String, String> GUIDE_WORDS = Map.of("staff", "TENANT_ADMIN, OPERATOR, ANALYST, FIELD_TECH",
            "anyone", "anonymous", "any signed-in user", "any signed-in user",
            "any signed-in user with a tenant", "any signed-in user");
    private static final Pattern GUIDE_ROW = Pattern.compile("^\\| `(GET|POST|PUT|PATCH|DELETE) ([^`?]+)[^`]*` \\| ([^|]+)\\|",
            Pattern.MULTILINE);

    @Test
    void the_api_guide_states_the_roles_the_code_enforces() throws java.io.IOException {
        Map<String, String> rolesInCode = new java.util.HashMap<>();
        for (Operation operation : operations()) {
            Matcher line = Pattern.compile("^Roles: ([^.]*)\\.").matcher(operation.description());
            if (line.find()) rolesInCode.put(anyVariable(operation.key()), line.group(1));
        }
        Matcher row = GUIDE_ROW.matcher(java.nio.file.Files.readString(java.nio.file.Path.of("../docs/api-guide.md")));
        String previous = null;
        int checked = 0;
        List<String> wrong = new ArrayList<>();
        while (row.find()) {
            String key = anyVariable(row.group(1) + " /api/v1" + row.group(2).trim());
            String said = row.group(3).trim();
            String roles = said.equals("as above") ? previous
                    : GUIDE_WORDS.getOrDefault(said, said.replace("`", "").replace("HES (X-API-Key)", "HES (X-API-Key)"));
            previous = roles;
            if (!rolesInCode.containsKey(key)) wrong.add(key + ": not in the API");
            else if (!rolesInCode.get(key).equals(roles)) wrong.add(key + ": the guide says " + roles + ", the code " + rolesInCode.get(key));
            checked++;
        }
        assertThat(checked).isGreaterThan(80);
        assertThat(wrong).as("rows of docs/api-guide.md that differ from the API").isEmpty();
    }

    /** A path with its variables unnamed: the guide and the code may name them differently. */
    private static String anyVariable(String key) {
        return key.replaceAll("\\{[^}]*}", "{}");
    }

    @Test
    void every_operation_refuses_an_anonymous_caller_with_a_problem() {
        for (Operation operation : operations()) {
            if (PUBLIC_OPERATIONS.contains(operation.key())) continue;
            ApiClient.Response response = api.send(operation.method(), concrete(operation.path()), null, bodyFor(operation),
                    contentTypeFor(operation), Map.of());
            assertThat(response.status()).as(operation.key()).isEqualTo(401);
            assertThat(response.isProblem()).as(operation.key() + " content type").isTrue();
        }
    }

    @Test
    void every_operation_states_its_roles_from_the_annotation_that_enforces_them() {
        for (Operation operation : operations()) {
            assertThat(operation.description()).as(operation.key()).startsWith("Roles:").doesNotStartWith("Roles: not stated");
            if (PUBLIC_OPERATIONS.contains(operation.key())) {
                assertThat(operation.description()).as(operation.key()).startsWith("Roles: anonymous.");
            }
        }
        assertThat(operations()).filteredOn(operation -> operation.key().equals("POST /api/v1/hes-vendors"))
                .extracting(Operation::description).singleElement().asString().startsWith("Roles: TENANT_ADMIN.");
        assertThat(operations()).filteredOn(operation -> operation.key().equals("POST /api/v1/meters/readings"))
                .extracting(Operation::description).singleElement().asString().startsWith("Roles: HES (X-API-Key).");
    }

    @Test
    void every_operation_refuses_a_caller_of_another_tenant() {
        for (Operation operation : operations()) {
            if (PUBLIC_OPERATIONS.contains(operation.key()) || STREAMS.contains(operation.key())
                    || OWN_SESSION.contains(operation.key())) continue;
            for (String token : List.of(b.admin(), b.operator())) {
                String url = concrete(operation.path());
                ApiClient.Response response = api.send(operation.method(), url, token,
                        bodyFor(operation), contentTypeFor(operation), Map.of());
                if (operation.path().contains("{")) {
                    assertThat(response.status()).as(operation.key() + " " + response.raw()).isIn(400, 403, 404, 422);
                }
                // the caller's own words may be echoed (e.g. "Meter X not found"); nothing else of tenant A may appear
                String body = response.raw();
                for (String echoed : aIds.values()) {
                    if (url.contains(echoed)) body = body.replace(echoed, "");
                }
                assertThat(body).as(operation.key()).doesNotContain("ASECRET");
                for (String id : aIds.values()) assertThat(body).as(operation.key()).doesNotContain(id);
            }
        }
        // and tenant A's data is untouched by all of that
        assertThat(api.get("/api/v1/meters/" + aIds.get("meters"), a.operator()).json().get("serial").asString())
                .isEqualTo("ASECRET-SERIAL");
        assertThat(api.get("/api/v1/hes-vendors/" + aIds.get("hes-vendors"), a.admin()).status()).isEqualTo(200);
    }

    @Test
    void platform_operations_refuse_tenant_administrators() {
        for (Operation operation : operations()) {
            if (!operation.path().startsWith("/api/v1/platform/")) continue;
            ApiClient.Response response = api.send(operation.method(), concrete(operation.path()), a.admin(),
                    bodyFor(operation), contentTypeFor(operation), Map.of());
            assertThat(response.status()).as(operation.key()).isIn(400, 403, 422);
        }
    }

    @Test
    void roles_limit_what_a_tenant_user_may_do() {
        assertThat(api.post("/api/v1/users", a.operator(), Map.of("username", "someone", "password", "long-enough-password",
                "roles", List.of("OPERATOR"))).status()).isEqualTo(403);
        assertThat(api.delete("/api/v1/meters/" + aIds.get("meters"), a.operator()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/meters", a.consumer()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/meters", a.analyst()).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/users", a.admin(), Map.of("username", a.code() + ".evil", "password", "long-enough-password",
                "roles", List.of("PLATFORM_ADMIN"))).status()).isEqualTo(422);
    }

    @Test
    void a_token_signed_with_another_key_or_garbage_is_refused() {
        String forged = a.admin().substring(0, a.admin().lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        assertThat(api.get("/api/v1/meters", forged).status()).isEqualTo(401);
        assertThat(api.get("/api/v1/meters", "not-a-jwt").status()).isEqualTo(401);
    }

    /** Fills path variables with tenant A's identifiers. */
    private String concrete(String path) {
        String result = path
                .replace("/meters/{id}", "/meters/" + aIds.get("meters"))
                .replace("/consumers/{id}", "/consumers/" + aIds.get("consumers"))
                .replace("/nodes/{id}", "/nodes/" + aIds.get("nodes"))
                .replace("/hes-vendors/{id}", "/hes-vendors/" + aIds.get("hes-vendors"))
                .replace("{keyId}", aIds.get("keyId"))
                .replace("/users/{id}", "/users/" + aIds.get("users"))
                .replace("{serial}", aIds.get("serial"))
                .replace("{code}", aIds.get("code"))
                .replace("{meter_id}", aIds.get("meters"))
                .replace("{consumer_id}", aIds.get("consumers"))
                // a kind and channel of notice template: another tenant's admin has none of its own to delete (404)
                .replace("/templates/{kind}/{channel}", "/templates/PREPAID_LOW_BALANCE/SMS")
                .replace("{version}", "1")
                // prepaid: an account, an account number and a recharge of A's that B cannot know
                .replace("/prepaid/accounts/{id}", "/prepaid/accounts/" + java.util.UUID.nameUUIDFromBytes(a.code().getBytes()))
                .replace("{accountNo}", "NOT-AN-ACCOUNT")
                .replace("{source}/{transactionId}", "COUNTER/NOT-A-RECEIPT")
                .replace("{state}", "disabled")
                // a prepaid holiday's day: each tenant has its own holidays, so B's DELETE is 404 and its PUT of {} a 422
                .replace("{date}", "2026-12-25")
                // a class name no tenant has: another tenant's admin may save its own DEFAULT, which is no leak
                .replace("{meter_class}", "NOT-A-CLASS")
                // VEE exceptions and edits of A: ids B cannot know; RLS answers 404 either way
                .replace("/exceptions/{id}", "/exceptions/" + java.util.UUID.nameUUIDFromBytes(a.code().getBytes()))
                .replace("/edits/{id}", "/edits/" + java.util.UUID.nameUUIDFromBytes(a.code().getBytes()))
                .replace("/tariffs/{id}", "/tariffs/" + java.util.UUID.nameUUIDFromBytes(a.code().getBytes()))
                .replace("/runs/{id}", "/runs/" + java.util.UUID.nameUUIDFromBytes(a.code().getBytes()))
                .replace("/determinants/{id}", "/determinants/" + java.util.UUID.nameUUIDFromBytes(a.code().getBytes()))
                .replace("/alarms/{id}", "/alarms/" + java.util.UUID.nameUUIDFromBytes(a.code().getBytes()))
                .replace("/commands/{id}", "/commands/" + java.util.UUID.nameUUIDFromBytes(a.code().getBytes()))
                .replace("/webhooks/{id}", "/webhooks/" + java.util.UUID.nameUUIDFromBytes(a.code().getBytes()))
                .replace("/dead-letters/{id}", "/dead-letters/" + java.util.UUID.nameUUIDFromBytes(a.code().getBytes()))
                .replace("/outbox/messages/{id}", "/outbox/messages/" + java.util.UUID.nameUUIDFromBytes(a.code().getBytes()));
        assertThat(result).as("unmapped path variable in " + path).doesNotContain("{");
        return result;
    }

    private static String bodyFor(Operation operation) {
        if (!Set.of("POST", "PUT", "PATCH").contains(operation.method())) return null;
        return operation.path().endsWith("/import") ? "serial,make,phase,category\nX,Y,1P,CONSUMER\n" : "{}";
    }

    private static String contentTypeFor(Operation operation) {
        if (!Set.of("POST", "PUT", "PATCH").contains(operation.method())) return null;
        return operation.path().endsWith("/import") ? "text/csv" : "application/json";
    }
}
