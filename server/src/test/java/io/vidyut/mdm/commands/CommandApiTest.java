package io.vidyut.mdm.commands;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.vidyut.mdm.outbox.OutboxHandler;
import io.vidyut.mdm.outbox.OutboxMessage;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import io.vidyut.mdm.testing.ApiClient;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.Registry;
import io.vidyut.mdm.testing.TestTenant;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Commands routed to the meter's HES, against a stand-in HES (the JDK's HTTP server on loopback), sent through the
 * outbox: the state machine, callbacks, retries, failure when the HES is unreachable (a dead message, which a redrive
 * does not send again), a call cut off by a crash sent again, idempotency, cancellation, tenancy.
 */
class CommandApiTest extends IntegrationTest {
    @Autowired CommandSender sender;
    @Autowired JsonMapper json;

    HttpServer hes;
    final ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
    final AtomicInteger failuresToServe = new AtomicInteger();
    /** While set, the HES holds its next answer until it is counted down. */
    volatile CountDownLatch holdNextAnswer;
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
            CountDownLatch hold = holdNextAnswer;
            if (hold != null) {
                holdNextAnswer = null;
                try {
                    hold.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            boolean fail = failuresToServe.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            byte[] body = (fail ? "" : answerBody).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(fail ? 503 : answerStatus, body.length == 0 ? -1 : body.length);
            if (body.length > 0) exchange.getResponseBody().write(body);
            exchange.close();
        });
        hes.setExecutor(Executors.newCachedThreadPool()); // a held answer does not hold up the next call
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
        map(vendor, baseUrl, 2);
    }

    void map(String vendor, String baseUrl, int timeoutSeconds) {
        Map<String, Object> mapping = new HashMap<>(Map.of("format", "JSON", "rows", "meters[*].intervals[*]",
                "fields", Map.of("meter", "^.serial", "timestamp", "end", "values", "values")));
        mapping.put("pull", Map.of("base_url", baseUrl, "command_path", "/hes/meters/{serial}/commands",
                "api_key_header", "X-Hes-Key", "api_key", "hes-secret", "timeout_seconds", timeoutSeconds));
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

        // its outbox message is dead with the same reason; a redrive does not send an ended command again
        JsonNode dead = await("/api/v1/outbox/messages?kind=command&status=DEAD", tenant.admin(),
                page -> page.get("items").findValuesAsString("subject").contains(id));
        JsonNode message = dead.get("items").get(0);
        assertThat(message.get("subject").asString()).isEqualTo(id);
        assertThat(message.get("attempts").asInt()).isEqualTo(3);
        assertThat(message.get("last_error").asString()).contains("HES unreachable").contains("after 3 attempts");
        String messageId = message.get("id").asString();
        assertThat(api.post("/api/v1/outbox/messages/" + messageId + "/redrive", tenant.admin(), null).status()).isEqualTo(200);
        JsonNode again = await("/api/v1/outbox/messages/" + messageId, tenant.admin(),
                m -> "DEAD".equals(m.get("status").asString()) && m.get("last_error").asString().contains("already ended"));
        assertThat(again.get("last_error").asString()).contains("already ended FAILED");
        JsonNode unchanged = api.get("/api/v1/commands/" + id, tenant.analyst()).json();
        assertThat(unchanged.get("status").asString()).isEqualTo("FAILED");
        assertThat(unchanged.get("attempts").asInt()).isEqualTo(3);
    }

    @Test
    void a_command_whose_call_was_cut_off_is_sent_again_when_the_outbox_delivers_its_message_again() throws Exception {
        map(vendorId, "http://127.0.0.1:" + hes.getAddress().getPort(), 30); // the held call does not time out meanwhile
        CountDownLatch held = new CountDownLatch(1);
        holdNextAnswer = held;
        String id = issue(Map.of("type", "DISCONNECT", "meter_ids", List.of(meterId)), 201).get(0).get("id").asString();
        try {
            JsonNode sent = await(id, command -> "SENT".equals(command.get("status").asString()) && received.size() == 1);
            assertThat(sent.get("attempts").asInt()).isEqualTo(1);
            // as the outbox delivers it after the lease when the instance making the call died: attempt 2 of its message
            JsonNode messageId = api.get("/api/v1/outbox/messages?kind=command", tenant.admin()).json().get("items").get(0).get("id");
            OutboxMessage again = new OutboxMessage(UUID.fromString(messageId.asString()), tenant.id(), "command", null, id,
                    json.readTree("{\"command_id\": \"" + id + "\"}"), 2, 3, Duration.ofSeconds(1), clock.instant());
            OutboxHandler.Outcome outcome = TenantContext.callAs(TenantScope.of(tenant.id(), tenant.code()), () -> sender.deliver(again));
            assertThat(outcome).isInstanceOf(OutboxHandler.Delivered.class);
        } finally {
            held.countDown();
        }
        JsonNode acknowledged = await(id, status("ACKNOWLEDGED"));
        assertThat(acknowledged.get("attempts").asInt()).isEqualTo(2);
        assertThat(received).hasSize(2).allSatisfy(call -> assertThat(call).contains("\"command_id\":\"" + id + "\""));
        List<String> trail = new ArrayList<>();
        for (JsonNode step : api.get("/api/v1/commands/" + id + "/history", tenant.analyst()).json().get("items")) {
            trail.add(step.get("to_status").asString() + (step.has("reason") ? ": " + step.get("reason").asString() : ""));
        }
        assertThat(trail).contains("SENT: sent again: the previous call did not finish");
        assertThat(trail.get(trail.size() - 1)).startsWith("ACKNOWLEDGED");
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
