package io.vidyut.mdm.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.common.HmacSignature;
import io.vidyut.mdm.outbox.Outbox;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import io.vidyut.mdm.testing.EventFeed;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.Registry;
import io.vidyut.mdm.testing.TestTenant;
import io.vidyut.mdm.vee.IntervalsCorrected;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Outbound webhooks against a stand-in receiver (the JDK's HTTP server on loopback), through the outbox: alarm changes
 * and corrections reach the subscribed URL signed, failures are retried with the same id (after the receiver's
 * Retry-After when it gives one), a change that rolls back sends nothing, a delivery left half-done by a crashed
 * instance is sent again with its id, an unreachable receiver ends FAILED (a dead outbox message) with the reason,
 * deleting a subscription takes its messages along, and tenants see only their own subscriptions.
 */
class WebhookApiTest extends IntegrationTest {
    static final String SECRET = "receiver-secret-0123456789";

    @Autowired TransactionTemplate transactions;
    @Autowired ApplicationEventPublisher publisher;
    @Autowired JdbcClient jdbc;
    @Autowired Outbox outbox;

    record Received(Map<String, String> headers, String body) {}

    HttpServer receiver;
    final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    final AtomicInteger failuresToServe = new AtomicInteger();
    /** The Retry-After header of the failures served, when set. */
    volatile String retryAfter;
    volatile int failureStatus = 503;

    TestTenant tenant;
    EventFeed feed;

    @BeforeEach
    void receiverAndTenant() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            var headers = exchange.getRequestHeaders();
            received.add(new Received(Map.of(
                    "id", String.valueOf(headers.getFirst("Webhook-Id")),
                    "event", String.valueOf(headers.getFirst("Webhook-Event")),
                    "timestamp", String.valueOf(headers.getFirst("Webhook-Timestamp")),
                    "signature", String.valueOf(headers.getFirst("Webhook-Signature"))),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            boolean fail = failuresToServe.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            if (fail && retryAfter != null) exchange.getResponseHeaders().add("Retry-After", retryAfter);
            exchange.sendResponseHeaders(fail ? failureStatus : 204, -1);
            exchange.close();
        });
        receiver.start();
        tenant = newTenant();
        Registry registry = new Registry(api, tenant.admin());
        Registry.EventVendor vendor = registry.eventVendor("WH");
        registry.meter("W1", vendor.id(), null);
        feed = vendor.hes();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    String receiverUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
    }

    String subscribe(String url, List<String> types) {
        var created = api.post("/api/v1/webhooks", tenant.admin(), Map.of("url", url, "event_types", types, "secret", SECRET));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        assertThat(created.json().get("secret").asString()).isEqualTo(SECRET);
        return created.json().get("subscription").get("id").asString();
    }

    JsonNode deliveries(String subscription, Predicate<JsonNode> until) {
        long deadline = System.nanoTime() / 1_000_000 + 20_000;
        JsonNode page;
        do {
            var response = api.get("/api/v1/webhooks/" + subscription + "/deliveries", tenant.operator());
            assertThat(response.status()).as(response.raw()).isEqualTo(200);
            page = response.json();
            if (until.test(page)) return page;
            sleep(50);
        } while (System.nanoTime() / 1_000_000 < deadline);
        return page;
    }

    static Predicate<JsonNode> all(String status, int count) {
        return page -> page.get("total").asInt() == count
                && page.get("items").findValuesAsString("status").stream().allMatch(status::equals);
    }

    @Test
    void a_raised_alarm_is_posted_signed_to_the_subscribed_url_and_marked_delivered() {
        String subscription = subscribe(receiverUrl(), List.of("alarm.raised"));
        assertThat(feed.push("W1", "2026-11-20T10:00:00+05:30", "MAGNET").status()).isEqualTo(202);

        JsonNode page = deliveries(subscription, all("DELIVERED", 1));
        JsonNode delivery = page.get("items").get(0);
        assertThat(delivery.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(1);
        assertThat(delivery.has("last_error")).isFalse();
        assertThat(received).singleElement().satisfies(call -> {
            assertThat(call.headers().get("id")).isEqualTo(delivery.get("id").asString());
            assertThat(call.headers().get("event")).isEqualTo("alarm.raised");
            assertThat(call.headers().get("signature")).isEqualTo("sha256="
                    + HmacSignature.hex(SECRET, call.headers().get("timestamp") + "." + call.body()));
            JsonNode body = JsonMapper.builder().build().readTree(call.body());
            assertThat(body.get("type").asString()).isEqualTo("alarm.raised");
            assertThat(body.get("data").get("change").asString()).isEqualTo("RAISED");
            assertThat(body.get("data").get("alarm").get("meter_serial").asString()).isEqualTo("W1");
            assertThat(body.get("data").get("alarm").get("kind").asString()).isEqualTo("TAMPER");
        });

        // a repeat is a change, not a raise: this subscription did not ask for changes
        assertThat(feed.push("W1", "2026-11-20T10:30:00+05:30", "MAGNET").status()).isEqualTo(202);
        sleep(500);
        assertThat(received).hasSize(1);
    }

    @Test
    void a_failing_receiver_gets_the_message_again_with_the_same_id_until_it_accepts() {
        failuresToServe.set(2);
        String subscription = subscribe(receiverUrl(), List.of("alarm.raised", "alarm.changed"));
        assertThat(feed.push("W1", "2026-11-20T10:00:00+05:30", "MAGNET").status()).isEqualTo(202);

        JsonNode delivery = deliveries(subscription, all("DELIVERED", 1)).get("items").get(0);
        assertThat(delivery.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
        assertThat(received).hasSize(3).extracting(call -> call.headers().get("id"))
                .containsOnly(delivery.get("id").asString());
        assertThat(received).extracting(Received::body).as("the same bytes every time").containsOnly(received.peek().body());
    }

    @Test
    void an_unreachable_receiver_ends_failed_with_the_reason_after_its_attempts() throws Exception {
        int closedPort = freePort();
        String subscription = subscribe("http://127.0.0.1:" + closedPort + "/hooks", List.of("alarm.raised"));
        assertThat(feed.push("W1", "2026-11-20T10:00:00+05:30", "MAGNET").status()).isEqualTo(202);

        JsonNode delivery = deliveries(subscription, all("FAILED", 1)).get("items").get(0);
        assertThat(delivery.get("status").asString()).isEqualTo("FAILED");
        assertThat(delivery.get("attempts").asInt()).isEqualTo(3);
        assertThat(delivery.get("last_error").asString()).contains("receiver unreachable").contains("after 3 attempts");
    }

    @Test
    void a_correction_is_announced_when_its_transaction_commits_and_not_when_it_rolls_back() {
        String subscription = subscribe(receiverUrl(), List.of("data.corrected"));
        UUID meterId = UUID.fromString(api.get("/api/v1/meters/by-serial/W1", tenant.admin()).json().get("id").asString());
        Instant at = Instant.parse("2026-11-20T04:30:00Z");
        TenantContext.runAs(TenantScope.of(tenant.id(), tenant.code()), () -> {
            transactions.executeWithoutResult(status -> {
                publisher.publishEvent(new IntervalsCorrected(tenant.id(), meterId, Channel.KWH_IMPORT, at, at, UUID.randomUUID(),
                        "rolled.back"));
                status.setRollbackOnly();
            });
            transactions.executeWithoutResult(status -> publisher.publishEvent(new IntervalsCorrected(tenant.id(), meterId,
                    Channel.KWH_IMPORT, at, at.plusSeconds(900), UUID.randomUUID(), tenant.code() + ".analyst")));
        });

        deliveries(subscription, all("DELIVERED", 1));
        sleep(300);
        assertThat(received).singleElement().satisfies(call -> {
            assertThat(call.headers().get("event")).isEqualTo("data.corrected");
            JsonNode data = JsonMapper.builder().build().readTree(call.body()).get("data");
            assertThat(data.get("meter_id").asString()).isEqualTo(meterId.toString());
            assertThat(data.get("corrected_by").asString()).isEqualTo(tenant.code() + ".analyst");
        });
    }

    @Test
    void a_delivery_claimed_by_an_instance_that_crashed_mid_call_is_sent_again_with_its_id_after_the_lease() {
        String subscription = subscribe(receiverUrl(), List.of("alarm.raised"));
        // as a crashed instance leaves it: claimed (one attempt counted), its lease just run out, never marked
        UUID id = TenantContext.callAs(TenantScope.of(tenant.id(), tenant.code()), () -> transactions.execute(status -> {
            UUID message = outbox.enqueue(Outbox.Message.of("webhook", Map.of("subscription_id", subscription,
                    "event_type", "alarm.raised", "body", "{\"type\":\"alarm.raised\"}")).about(subscription));
            jdbc.sql("update outbox_message set attempts = 1, next_attempt_at = ? where id = ?")
                    .params(java.sql.Timestamp.from(clock.instant()), message).update();
            return message;
        }));

        JsonNode delivery = deliveries(subscription, all("DELIVERED", 1)).get("items").get(0);
        assertThat(delivery.get("id").asString()).isEqualTo(id.toString());
        assertThat(delivery.get("attempts").asInt()).isEqualTo(2);
        assertThat(received).singleElement().satisfies(call -> {
            assertThat(call.headers().get("id")).isEqualTo(id.toString());
            assertThat(call.body()).isEqualTo("{\"type\":\"alarm.raised\"}");
        });
    }

    @Test
    void a_receiver_that_asks_to_retry_after_a_while_is_not_called_again_before() {
        failuresToServe.set(1);
        failureStatus = 429;
        retryAfter = "3600";
        String subscription = subscribe(receiverUrl(), List.of("alarm.raised"));
        assertThat(feed.push("W1", "2026-11-20T10:00:00+05:30", "MAGNET").status()).isEqualTo(202);

        JsonNode waiting = deliveries(subscription, page -> page.get("total").asInt() == 1
                && page.get("items").get(0).get("attempts").asInt() == 1 && page.get("items").get(0).has("last_error"))
                .get("items").get(0);
        assertThat(waiting.get("status").asString()).isEqualTo("PENDING");
        assertThat(waiting.get("last_error").asString()).contains("HTTP 429").contains("Retry-After PT1H");
        assertThat(Instant.parse(waiting.get("next_attempt_at").asString()))
                .as("an hour on, not the half-second backoff").isAfter(clock.instant().plus(Duration.ofMinutes(55)));
        sleep(1500);
        assertThat(received).as("not called again within the hour").hasSize(1);
    }

    @Test
    void deleting_a_subscription_takes_its_messages_along() {
        int closedPort = freePort();
        String subscription = subscribe("http://127.0.0.1:" + closedPort + "/hooks", List.of("alarm.raised"));
        assertThat(feed.push("W1", "2026-11-20T10:00:00+05:30", "MAGNET").status()).isEqualTo(202);
        deliveries(subscription, page -> page.get("total").asInt() == 1);

        assertThat(api.delete("/api/v1/webhooks/" + subscription, tenant.admin()).status()).isEqualTo(204);
        var left = api.get("/api/v1/outbox/messages?kind=webhook", tenant.admin());
        assertThat(left.status()).as(left.raw()).isEqualTo(200);
        assertThat(left.json().get("total").asInt()).isZero();
    }

    @Test
    void subscriptions_are_validated_listed_removed_and_kept_from_other_tenants() {
        var invalid = api.post("/api/v1/webhooks", tenant.admin(), Map.of("url", "ftp://x", "event_types", List.of("alarm.eaten"),
                "secret", "short"));
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("url", "event_types", "secret");

        var generated = api.post("/api/v1/webhooks", tenant.admin(), Map.of("url", receiverUrl(), "event_types", List.of("alarm.changed")));
        assertThat(generated.status()).as(generated.raw()).isEqualTo(201);
        assertThat(generated.json().get("secret").asString()).startsWith("whsec_").hasSizeGreaterThan(30);
        String id = generated.json().get("subscription").get("id").asString();
        var listed = api.get("/api/v1/webhooks", tenant.admin());
        assertThat(listed.json().findValuesAsString("id")).containsExactly(id);
        assertThat(listed.raw()).as("the secret is shown once").doesNotContain("whsec_");

        TestTenant other = newTenant();
        assertThat(api.get("/api/v1/webhooks", other.admin()).json()).isEmpty();
        assertThat(api.get("/api/v1/webhooks/" + id + "/deliveries", other.admin()).status()).isEqualTo(404);
        assertThat(api.delete("/api/v1/webhooks/" + id, other.admin()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/webhooks", tenant.operator(), Map.of("url", receiverUrl(),
                "event_types", List.of("alarm.changed"))).status()).isEqualTo(403);

        assertThat(api.delete("/api/v1/webhooks/" + id, tenant.admin()).status()).isEqualTo(204);
        assertThat(api.get("/api/v1/webhooks/" + id, tenant.admin()).status()).isEqualTo(404);
    }
}
