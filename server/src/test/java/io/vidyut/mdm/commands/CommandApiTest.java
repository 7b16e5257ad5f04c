package io.vidyut.mdm.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.vidyut.mdm.testing.ApiClient;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.Registry;
import io.vidyut.mdm.testing.TestTenant;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Commands routed to the meter's HES, against a stand-in HES (the JDK's HTTP server on loopback):
 * the state machine, callbacks, retries, failure when the HES is unreachable, idempotency, cancellation, tenancy.
 */
class CommandApiTest extends IntegrationTest {
    HttpServer hes;
    final ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
    final AtomicInteger failuresToServe = new AtomicInteger();
    volatile int answerStatus = 202;
    volatile String answerBody = "{\"reference\": \"HES-REF-1\"}";

    TestTenant tenant;
    Registry registry;
    String vendorId;
    String vendorKey;
    String meterId;

    @BeforeEach
    void hesAndVendor() throws Exception {
        hes = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hes.createContext("/hes/", exchange -> {
            received.add(exchange.getRequestURI() + " key=" + exchange.getRequestHeaders().getFirst("X-Hes-Key") + " "
                    + new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            boolean fail = failuresToServe.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            byte[] body = (fail ? "" : answerBody).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(fail ? 503 : answerStatus, body.length == 0 ? -1 : body.length);
            if (body.length > 0) exchange.getResponseBody().write(body);
            exchange.close();
        });
        hes.start();
        tenant = newTenant();
        allowHesNetwork(tenant, "127.0.0.1/32"); // the test HES answers on loopback
        registry = new Registry(api, tenant.admin());
        JsonNode vendor = registry.vendor("CMD");
        vendorId = vendor.get("vendor").get("id").asString();
        vendorKey = vendor.get("api_key").asString();
        map(vendorId, "http://127.0.0.1:" + hes.getAddress().getPort());
        meterId = registry.meter("C1", vendorId, null).get("id").asString();
    }

    @AfterEach
    void stopHes() {
        hes.stop(0);
    }

    void map(String vendor, String baseUrl) {
        Map<String, Object> mapping = new HashMap<>(Map.of("format", "JSON", "rows", "meters[*].intervals[*]",
                "fields", Map.of("meter", "^.serial", "timestamp", "end", "values", "values")));
        mapping.put("pull", Map.of("base_url", baseUrl, "command_path", "/hes/meters/{serial}/commands",
                "api_key_header", "X-Hes-Key", "api_key", "hes-secret", "timeout_seconds", 2));
        var saved = api.put("/api/v1/hes-vendors/" + vendor + "/mapping", tenant.admin(), mapping);
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
    }

    JsonNode issue(Map<String, Object> request, int expectedStatus) {
        var response = api.post("/api/v1/commands", tenant.operator(), request);
        assertThat(response.status()).as(response.raw()).isEqualTo(expectedStatus);
        return response.json().get("commands");
    }

    JsonNode await(String commandId, Predicate<JsonNode> until) {
        return await("/api/v1/commands/" + commandId, tenant.analyst(), until);
    }

    /** The feed entry that announced the command's end (its data). */
    JsonNode announced(String commandId) {
        JsonNode feed = await("/api/v1/feed?type=command.completed&limit=1000", tenant.analyst(),
                page -> page.get("items").findValuesAsString("command_id").contains(commandId));
        for (JsonNode entry : feed.get("items")) {
            if (entry.get("data").get("command_id").asString().equals(commandId)) {
                assertThat(entry.get("meter_id").asString()).isEqualTo(meterId);
                return entry.get("data");
            }
        }
        throw new AssertionError("not on the feed: " + commandId);
    }

    static Predicate<JsonNode> status(String status) {
        return command -> status.equals(command.get("status").asString());
    }

    @Test
    void a_disconnect_goes_to_the_meters_hes_is_acknowledged_and_executed_by_the_hes_callback() {
        String id = issue(Map.of("type", "DISCONNECT", "meter_ids", List.of(meterId)), 201).get(0).get("id").asString();
        JsonNode acknowledged = await(id, status("ACKNOWLEDGED"));
        assertThat(acknowledged.get("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.get("hes_reference").asString()).isEqualTo("HES-REF-1");
        assertThat(acknowledged.get("requested_by").asString()).isEqualTo(tenant.code() + ".operator");
        assertThat(acknowledged.get("attempts").asInt()).isEqualTo(1);
        assertThat(received).singleElement().satisfies(call -> assertThat(call)
                .startsWith("/hes/meters/C1/commands key=hes-secret")
                .contains("\"command_id\":\"" + id + "\"").contains("\"type\":\"DISCONNECT\""));

        var result = api.send("POST", "/api/v1/commands/" + id + "/result", null, "{\"status\": \"EXECUTED\"}",
                "application/json", Map.of("X-API-Key", vendorKey));
        assertThat(result.status()).as(result.raw()).isEqualTo(200);
        JsonNode executed = api.get("/api/v1/commands/" + id, tenant.analyst()).json();
        assertThat(executed.get("status").asString()).isEqualTo("EXECUTED");
        assertThat(executed.has("completed_at")).isTrue();
        assertThat(announced(id).get("status").asString()).isEqualTo("EXECUTED");
        assertThat(api.send("POST", "/api/v1/commands/" + id + "/result", null, "{\"status\": \"FAILED\"}",
                "application/json", Map.of("X-API-Key", vendorKey)).status()).as("an ended command stays ended").isEqualTo(409);
    }

    @Test
    void a_bulk_request_repeated_with_its_idempotency_key_makes_its_commands_once() {
        String second = registry.meter("C2", vendorId, null).get("id").asString();
        Map<String, Object> request = Map.of("type", "LOAD_LIMIT", "meter_ids", List.of(meterId, second),
                "params", Map.of("limit_kw", 2.5), "idempotency_key", "ops-42");
        JsonNode first = issue(request, 201);
        JsonNode again = issue(request, 200);
        assertThat(again.findValuesAsString("id")).containsExactlyElementsOf(first.findValuesAsString("id"));
        for (String id : first.findValuesAsString("id")) await(id, status("ACKNOWLEDGED"));
        assertThat(received).hasSize(2).allSatisfy(call -> assertThat(call).contains("\"limit_kw\":2.5"));
    }

    @Test
    void a_command_to_an_unreachable_hes_fails_with_the_reason_after_its_retries() throws Exception {
        int closedPort = freePort();
        map(vendorId, "http://127.0.0.1:" + closedPort);
        String id = issue(Map.of("type", "CONNECT", "meter_ids", List.of(meterId)), 201).get(0).get("id").asString();
        JsonNode failed = await(id, status("FAILED"));
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("attempts").asInt()).isEqualTo(3);
        assertThat(failed.get("reason").asString()).contains("HES unreachable").contains("after 3 attempts");
        assertThat(announced(id).get("reason").asString()).contains("HES unreachable");
    }

    @Test
    void a_passing_hes_failure_is_retried_and_a_refusal_is_not() {
        failuresToServe.set(1);
        String retried = issue(Map.of("type", "TIME_SYNC", "meter_ids", List.of(meterId)), 201).get(0).get("id").asString();
        assertThat(await(retried, status("ACKNOWLEDGED")).get("attempts").asInt()).isEqualTo(2);

        answerStatus = 400;
        answerBody = "{\"error\": \"meter busy\"}";
        String refused = issue(Map.of("type", "ON_DEMAND_READ", "meter_ids", List.of(meterId)), 201).get(0).get("id").asString();
        JsonNode failed = await(refused, status("FAILED"));
        assertThat(failed.get("attempts").asInt()).isEqualTo(1);
        assertThat(failed.get("reason").asString()).contains("HTTP 400").contains("meter busy");
    }

    @Test
    void a_command_executed_at_once_or_never_reported_ends_accordingly() {
        answerStatus = 200;
        answerBody = "{\"status\": \"EXECUTED\"}";
        String atOnce = issue(Map.of("type", "CONNECT", "meter_ids", List.of(meterId)), 201).get(0).get("id").asString();
        assertThat(await(atOnce, status("EXECUTED")).get("status").asString()).isEqualTo("EXECUTED");
        assertThat(announced(atOnce).get("type").asString()).isEqualTo("CONNECT");

        answerStatus = 202;
        answerBody = "";
        String silent = issue(Map.of("type", "DISCONNECT", "meter_ids", List.of(meterId)), 201).get(0).get("id").asString();
        JsonNode timedOut = await(silent, status("TIMED_OUT"));
        assertThat(timedOut.get("status").asString()).isEqualTo("TIMED_OUT");
        assertThat(timedOut.get("reason").asString()).contains("no result");
        JsonNode announcement = announced(silent);
        assertThat(announcement.get("status").asString()).isEqualTo("TIMED_OUT");
        assertThat(announcement.get("reason").asString()).contains("no result");
    }

    @Test
    void a_command_waiting_for_its_retry_can_be_cancelled_but_not_once_it_ended() {
        failuresToServe.set(10);
        String id = issue(Map.of("type", "DISCONNECT", "meter_ids", List.of(meterId)), 201).get(0).get("id").asString();
        await(id, command -> command.get("attempts").asInt() == 1 && "REQUESTED".equals(command.get("status").asString()));
        var cancelled = api.post("/api/v1/commands/" + id + "/cancel", tenant.admin(), null);
        assertThat(cancelled.status()).as(cancelled.raw()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().get("cancelled_by").asString()).isEqualTo(tenant.code() + ".admin");
        assertThat(api.post("/api/v1/commands/" + id + "/cancel", tenant.admin(), null).status()).isEqualTo(409);
        assertThat(announced(id).get("status").asString()).isEqualTo("CANCELLED");
        sleep(1500);
        assertThat(received).as("no attempt after the cancellation").hasSize(1);
    }

    @Test
    void bad_requests_get_field_errors_and_another_tenants_meter_is_not_found() {
        var invalid = api.post("/api/v1/commands", tenant.operator(), Map.of("type", "LOAD_LIMIT", "meter_ids", List.of()));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("meter_ids", "params.limit_kw");

        TestTenant other = newTenant();
        ApiClient.Response foreign = api.post("/api/v1/commands", other.operator(),
                Map.of("type", "DISCONNECT", "meter_ids", List.of(meterId)));
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(api.post("/api/v1/commands", tenant.analyst(), Map.of("type", "DISCONNECT",
                "meter_ids", List.of(meterId))).status()).isEqualTo(403);

        String id = issue(Map.of("type", "CONNECT", "meter_ids", List.of(meterId)), 201).get(0).get("id").asString();
        String otherVendorKey = registry.vendor("OTHERHES").get("api_key").asString();
        assertThat(api.send("POST", "/api/v1/commands/" + id + "/result", null, "{\"status\": \"EXECUTED\"}",
                "application/json", Map.of("X-API-Key", otherVendorKey)).status()).isEqualTo(404);
    }
}
