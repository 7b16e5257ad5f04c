package io.vidyut.mdm.billing.systems;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.ApiClient;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.TestTenant;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The billing webhook over real HTTP and PostgreSQL: signatures (current and previous secret, stale timestamps,
 * another tenant's secret), idempotency by event id, a batch with good and bad events, bounds, tenant isolation.
 * Timestamps are taken from the server's clock, never the wall clock.
 */
class BillingWebhookTest extends IntegrationTest {
    static final String WEBHOOK = "/api/v1/billing/webhook";
    static final JsonMapper JSON = JsonMapper.builder().build();
    TestTenant tenant;
    String consumerId;

    @BeforeEach
    void tenant() {
        tenant = newTenant();
        consumerId = consumer(tenant, "ACC-1");
    }

    String consumer(TestTenant owner, String accountNo) {
        ApiClient.Response created = api.post("/api/v1/consumers", owner.admin(), Map.of("account_no", accountNo, "name",
                "Consumer " + accountNo, "tariff_category", "LT-1", "sanctioned_load_kw", 3, "supply_mode", "POSTPAID"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    /** Adds a billing system; returns the secret, which only this answer shows. */
    String system(TestTenant owner, String code) {
        ApiClient.Response created = api.post("/api/v1/billing/systems", owner.admin(), Map.of("code", code, "name", "SAP ISU",
                "billing_window", Map.of("first_day", 1, "last_day", 5), "delivery", Map.of("mode", "PULL")));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.json().get("secret").asString();
    }

    String rotate(TestTenant owner, String code) {
        ApiClient.Response rotated = api.post("/api/v1/billing/systems/" + code + "/rotate-secret", owner.admin(), null);
        assertThat(rotated.status()).as(rotated.raw()).isEqualTo(200);
        return rotated.json().get("secret").asString();
    }

    static Map<String, Object> bill(String eventId, String accountNo, String billNumber) {
        return Map.of("event_id", eventId, "type", "BILL_GENERATED", "account_no", accountNo, "bill_number", billNumber,
                "period_from", "2026-10-01", "period_to", "2026-10-31", "bill_date", "2026-11-02", "due_date", "2026-11-16",
                "amounts", List.of(Map.of("component", "ENERGY", "amount", 1370.00), Map.of("component", "DUTY", "amount", 214.82)),
                "total", 1584.82);
    }

    static Map<String, Object> payment(String eventId, String accountNo, String receiptNo) {
        return Map.of("event_id", eventId, "type", "PAYMENT_RECEIVED", "account_no", accountNo, "receipt_no", receiptNo,
                "amount", 1584.82, "paid_at", "2026-11-10T11:30:00+05:30", "mode", "UPI", "bill_number", "B-1");
    }

    static String batch(Object... events) {
        return JSON.writeValueAsString(Map.of("events", List.of(events)));
    }

    long now() {
        return clock.instant().getEpochSecond();
    }

    ApiClient.Response post(String systemHeader, String secret, long timestamp, String body) {
        return api.send("POST", WEBHOOK, null, body, "application/json", Map.of("X-Mdm-Billing-System", systemHeader,
                "X-Mdm-Timestamp", String.valueOf(timestamp), "X-Mdm-Signature", "sha256=" + sign(secret, timestamp + "." + body)));
    }

    ApiClient.Response post(String secret, String body) {
        return post(tenant.code() + "/erp", secret, now(), body);
    }

    static String sign(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.json();
    }

    JsonNode items(String path, String token) {
        ApiClient.Response response = api.get(path, token);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.json().get("items");
    }

    void refused(ApiClient.Response response, String type) {
        assertThat(response.status()).as(response.raw()).isEqualTo(401);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("type").asString()).isEqualTo("https://vidyut.io/problems/" + type);
    }

    @Test
    void a_signed_batch_is_stored_and_read_back_by_consumer_and_account() {
        String secret = system(tenant, "erp");
        JsonNode receipt = ok(post(secret, batch(bill("e-1", "ACC-1", "B-1"), payment("e-2", "ACC-1", "R-1"))));
        assertThat(receipt.get("accepted").asInt()).isEqualTo(2);
        assertThat(receipt.get("events").findValuesAsString("outcome")).containsExactly("ACCEPTED", "ACCEPTED");

        JsonNode bills = items("/api/v1/billing/bills?consumer_id=" + consumerId, tenant.analyst());
        assertThat(bills).singleElement().satisfies(bill -> {
            assertThat(bill.get("system").asString()).isEqualTo("erp");
            assertThat(bill.get("bill_number").asString()).isEqualTo("B-1");
            assertThat(bill.get("account_no").asString()).isEqualTo("ACC-1");
            assertThat(bill.get("total").decimalValue()).isEqualByComparingTo("1584.82");
            assertThat(bill.get("amounts").findValuesAsString("component")).containsExactly("ENERGY", "DUTY");
            assertThat(bill.get("due_date").asString()).isEqualTo("2026-11-16");
        });
        JsonNode payments = items("/api/v1/billing/payments?account_no=ACC-1", tenant.operator());
        assertThat(payments).singleElement().satisfies(payment -> {
            assertThat(payment.get("consumer_id").asString()).isEqualTo(consumerId);
            assertThat(payment.get("mode").asString()).isEqualTo("UPI");
            assertThat(payment.get("paid_at").asString()).isEqualTo("2026-11-10T06:00:00Z");
        });
        assertThat(items("/api/v1/billing/bills?account_no=ACC-2", tenant.analyst())).isEmpty();
    }

    @Test
    void a_bad_signature_is_refused_and_nothing_is_stored() {
        String secret = system(tenant, "erp");
        String body = batch(bill("e-1", "ACC-1", "B-1"));
        double refusedBefore = refusedCount("invalid-signature");
        refused(post(secret + "x", body), "invalid-signature");
        // signed right, but the body changed on the way
        long at = now();
        ApiClient.Response tampered = api.send("POST", WEBHOOK, null, body.replace("B-1", "B-9"), "application/json",
                Map.of("X-Mdm-Billing-System", tenant.code() + "/erp", "X-Mdm-Timestamp", String.valueOf(at),
                        "X-Mdm-Signature", "sha256=" + sign(secret, at + "." + body)));
        refused(tampered, "invalid-signature");
        refused(api.send("POST", WEBHOOK, null, body, "application/json", Map.of()), "missing-headers");
        refused(post(tenant.code() + "/nosuch", secret, now(), body), "invalid-signature");
        refused(post("nosuchtenant/erp", secret, now(), body), "invalid-signature");

        assertThat(items("/api/v1/billing/bills", tenant.admin())).isEmpty();
        assertThat(items("/api/v1/billing/webhook/rejected", tenant.admin())).as("unauthenticated: not kept").isEmpty();
        assertThat(refusedCount("invalid-signature")).as("but counted").isGreaterThanOrEqualTo(refusedBefore + 4);
    }

    /** How many webhook requests the server refused for this reason, as its metrics say. */
    double refusedCount(String reason) {
        ApiClient.Response metrics = api.get("/actuator/prometheus", platformAdmin());
        assertThat(metrics.status()).as(metrics.raw()).isEqualTo(200);
        return metrics.raw().lines().filter(line -> line.startsWith("mdm_signed_requests_refused_total{")
                        && line.contains("kind=\"billing_webhook\"") && line.contains("reason=\"" + reason + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    @Test
    void a_timestamp_more_than_five_minutes_from_the_clock_is_refused() {
        String secret = system(tenant, "erp");
        String body = batch(bill("e-1", "ACC-1", "B-1"));
        refused(post(tenant.code() + "/erp", secret, now() - 600, body), "stale-timestamp");
        refused(post(tenant.code() + "/erp", secret, now() + 600, body), "stale-timestamp");
        assertThat(items("/api/v1/billing/bills", tenant.admin())).isEmpty();
        ok(post(tenant.code() + "/erp", secret, now() - 60, body));
    }

    @Test
    void the_previous_secret_is_accepted_after_a_rotation_and_the_one_before_it_not_after_the_next() {
        String first = system(tenant, "erp");
        String second = rotate(tenant, "erp");
        assertThat(second).isNotEqualTo(first);
        ok(post(first, batch(bill("e-1", "ACC-1", "B-1"))));
        ok(post(second, batch(bill("e-2", "ACC-1", "B-2"))));
        JsonNode system = api.get("/api/v1/billing/systems/erp", tenant.analyst()).json();
        assertThat(system.get("previous_secret_accepted").asBoolean()).isTrue();

        String third = rotate(tenant, "erp");
        refused(post(first, batch(bill("e-3", "ACC-1", "B-3"))), "invalid-signature");
        ok(post(second, batch(bill("e-4", "ACC-1", "B-4"))));
        ok(post(third, batch(bill("e-5", "ACC-1", "B-5"))));
        assertThat(items("/api/v1/billing/bills", tenant.admin()).findValuesAsString("bill_number"))
                .containsExactlyInAnyOrder("B-1", "B-2", "B-4", "B-5");
    }

    @Test
    void a_replayed_event_is_a_duplicate_and_stored_once() {
        String secret = system(tenant, "erp");
        String body = batch(payment("e-1", "ACC-1", "R-1"));
        assertThat(ok(post(secret, body)).get("accepted").asInt()).isEqualTo(1);
        JsonNode again = ok(post(secret, body));
        assertThat(again.get("duplicates").asInt()).isEqualTo(1);
        assertThat(again.get("events").get(0).get("outcome").asString()).isEqualTo("DUPLICATE");
        // twice in one batch too, and a replay is a duplicate even when its content changed
        Map<String, Object> changed = new HashMap<>(payment("e-1", "ACC-1", "R-1"));
        changed.put("amount", 1);
        JsonNode within = ok(post(secret, batch(payment("e-2", "ACC-1", "R-2"), payment("e-2", "ACC-1", "R-2"), changed)));
        assertThat(within.get("events").findValuesAsString("outcome")).containsExactly("ACCEPTED", "DUPLICATE", "DUPLICATE");

        JsonNode payments = items("/api/v1/billing/payments", tenant.admin());
        assertThat(payments.findValuesAsString("receipt_no")).containsExactlyInAnyOrder("R-1", "R-2");
        assertThat(payments.findValuesAsString("event_id")).containsExactlyInAnyOrder("e-1", "e-2");
    }

    @Test
    void a_mixed_batch_stores_the_good_events_and_keeps_the_bad_with_their_reasons() {
        String secret = system(tenant, "erp");
        Map<String, Object> broken = new HashMap<>(bill("e-2", "ACC-1", "B-2"));
        broken.remove("due_date");
        broken.put("total", 1584.825);
        broken.put("colour", "red");
        String body = batch(bill("e-1", "ACC-1", "B-1"), broken, payment("e-3", "NO-SUCH-ACCOUNT", "R-1"),
                Map.of("event_id", "e-4", "type", "METER_SWAPPED"), payment("e-5", "ACC-1", "R-2"),
                payment("e-6", "ACC-1", "R-2"));
        JsonNode receipt = ok(post(secret, body));
        assertThat(receipt.get("accepted").asInt()).isEqualTo(2);
        assertThat(receipt.get("rejected").asInt()).isEqualTo(4);
        JsonNode events = receipt.get("events");
        assertThat(events.findValuesAsString("outcome"))
                .containsExactly("ACCEPTED", "REJECTED", "REJECTED", "REJECTED", "ACCEPTED", "REJECTED");
        assertThat(events.get(1).get("errors").findValuesAsString("field")).containsExactly("colour", "due_date", "total");
        assertThat(events.get(2).get("errors").findValuesAsString("message")).containsExactly("no consumer has this account number");
        assertThat(events.get(3).get("errors").findValuesAsString("field")).containsExactly("type");
        assertThat(events.get(5).get("errors").findValuesAsString("field")).as("the receipt came before as e-5")
                .containsExactly("receipt_no");

        assertThat(items("/api/v1/billing/bills", tenant.analyst()).findValuesAsString("event_id")).containsExactly("e-1");
        assertThat(items("/api/v1/billing/payments", tenant.analyst()).findValuesAsString("event_id")).containsExactly("e-5");
        JsonNode rejected = items("/api/v1/billing/webhook/rejected", tenant.analyst());
        // top-level fields only: each rejection holds the event (with its event_id) as sent
        assertThat(rejected.valueStream().map(r -> r.get("event_id").asString()).toList())
                .containsExactlyInAnyOrder("e-2", "e-3", "e-4", "e-6");
        JsonNode kept = rejected.valueStream().filter(r -> r.get("event_id").asString().equals("e-2")).findFirst().orElseThrow();
        assertThat(kept.get("event_index").asInt()).isEqualTo(1);
        assertThat(kept.get("system").asString()).isEqualTo("erp");
        assertThat(kept.get("event").get("colour").asString()).as("the event as it was sent").isEqualTo("red");
        assertThat(kept.get("reasons").findValuesAsString("field")).containsExactly("colour", "due_date", "total");

        // a rejected event may be sent again, corrected, under its event id
        assertThat(ok(post(secret, batch(bill("e-2", "ACC-1", "B-2")))).get("accepted").asInt()).isEqualTo(1);
    }

    @Test
    void a_body_that_is_not_a_batch_is_refused_whole() {
        String secret = system(tenant, "erp");
        ApiClient.Response notJson = post(secret, "events: all of them");
        assertThat(notJson.status()).as(notJson.raw()).isEqualTo(400);
        assertThat(notJson.isProblem()).isTrue();
        ApiClient.Response noEvents = post(secret, "{\"events\": []}");
        assertThat(noEvents.status()).as(noEvents.raw()).isEqualTo(422);
        List<Object> tooMany = new ArrayList<>();
        for (int i = 0; i <= InboundEvents.MAX_EVENTS; i++) tooMany.add(Map.of("event_id", "e-" + i));
        ApiClient.Response overBatch = post(secret, JSON.writeValueAsString(Map.of("events", tooMany)));
        assertThat(overBatch.status()).as(overBatch.raw()).isEqualTo(422);
        assertThat(overBatch.json().get("errors").get(0).get("field").asString()).isEqualTo("events");
        assertThat(items("/api/v1/billing/webhook/rejected", tenant.admin())).isEmpty();
    }

    @Test
    void a_body_over_one_mebibyte_is_refused_before_it_is_read() {
        String secret = system(tenant, "erp");
        String padding = " ".repeat((int) BillingWebhookBodyLimit.MAX_BYTES);
        ApiClient.Response tooLarge = post(secret, batch(bill("e-1", "ACC-1", "B-1")) + padding);
        assertThat(tooLarge.status()).as(tooLarge.raw()).isEqualTo(413);
        assertThat(tooLarge.isProblem()).isTrue();
        assertThat(items("/api/v1/billing/bills", tenant.admin())).isEmpty();
    }

    @Test
    void a_tenants_secret_cannot_post_into_another_tenant_and_each_reads_only_its_own() {
        TestTenant other = newTenant();
        consumer(other, "ACC-1");
        String ours = system(tenant, "erp");
        String theirs = system(other, "erp");
        String body = batch(bill("e-1", "ACC-1", "B-1"));
        refused(post(tenant.code() + "/erp", theirs, now(), body), "invalid-signature");
        assertThat(items("/api/v1/billing/bills", tenant.admin())).isEmpty();

        ok(post(other.code() + "/erp", theirs, now(), body));
        ok(post(tenant.code() + "/erp", ours, now(), batch(bill("e-1", "ACC-1", "B-1"), payment("e-2", "ACC-1", "R-1"))));
        assertThat(items("/api/v1/billing/bills", tenant.admin())).singleElement()
                .satisfies(bill -> assertThat(bill.get("consumer_id").asString()).isEqualTo(consumerId));
        assertThat(items("/api/v1/billing/bills", other.admin())).singleElement()
                .satisfies(bill -> assertThat(bill.get("consumer_id").asString()).isNotEqualTo(consumerId));
        assertThat(items("/api/v1/billing/payments", other.analyst())).isEmpty();
        assertThat(items("/api/v1/billing/bills?consumer_id=" + consumerId, other.admin())).isEmpty();
    }
}
