package io.vidyut.mdm.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.vidyut.mdm.vee.VeePipelineTest;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Corrections reach billing: any change of data billing took (a late actual over an estimate, a changed re-send)
 * is a notice at /billing/corrections, a webhook and a feed entry; a re-send changing a value beyond the tenant's
 * threshold replaces it or waits for a person; the gap exception follows its data; an interval sent twice in one
 * batch keeps both values in history and is flagged.
 */
class CorrectionNoticesTest extends VeePipelineTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 5);

    HttpServer receiver;
    final ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();

    @BeforeEach
    void webhookReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void a_late_actual_replacing_an_estimate_billing_took_is_announced_by_notice_webhook_and_feed_and_supersedes_the_gap() {
        var subscribed = api.post("/api/v1/webhooks", tenant.admin(), Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort()
                + "/hooks", "event_types", List.of("billing.correction"), "secret", "receiver-secret-0123456789"));
        assertThat(subscribed.status()).as(subscribed.raw()).isEqualTo(201);
        String meter = consumerMeter("LATE");
        push("LATE", day(DAY, slot -> slot >= 40 && slot <= 43 ? null : load(slot)));
        awaitDay(meter, DAY, 92);
        var estimated = api.post("/api/v1/vee/estimations", tenant.operator(), Map.of("meter_id", meter,
                "from", DAY.atStartOfDay(IST).toOffsetDateTime().toString(), "to", DAY.plusDays(1).atStartOfDay(IST).toOffsetDateTime().toString()));
        assertThat(estimated.status()).as(estimated.raw()).isEqualTo(200);
        BigDecimal estimate = consumption(meter, DAY).get("total").get("value").decimalValue();
        takeDay(meter);
        assertThat(notices()).as("estimating a gap fills it: no value billing had changed").isEmpty();

        push("LATE", day(DAY, slot -> slot >= 40 && slot <= 43 ? 0.33 : null));
        JsonNode notices = await("/api/v1/billing/corrections", tenant.analyst(), body -> body.size() > 0);
        assertThat(notices).singleElement().satisfies(notice -> {
            assertThat(notice.get("meter_id").asString()).isEqualTo(meter);
            assertThat(notice.get("cause").asString()).isEqualTo("LATE_ACTUAL");
            assertThat(notice.get("first_at").asString()).isEqualTo(slotEnd(DAY, 40).toInstant().toString());
            assertThat(notice.get("last_at").asString()).isEqualTo(slotEnd(DAY, 43).toInstant().toString());
            assertThat(notice.get("intervals").asInt()).isEqualTo(4);
            assertThat(notice.get("value").decimalValue()).isEqualByComparingTo("1.32");
            assertThat(notice.get("unit").asString()).isEqualTo("kWh");
            assertThat(notice.get("corrected_by").asString()).startsWith("batch:");
            // the day total moved by exactly what the notice says changed
            BigDecimal change = notice.get("value").decimalValue().subtract(notice.get("previous_value").decimalValue());
            assertThat(consumption(meter, DAY).get("total").get("value").decimalValue()).isEqualByComparingTo(estimate.add(change));
        });

        JsonNode feed = await("/api/v1/feed?type=billing.correction", tenant.analyst(), page -> page.get("items").size() > 0);
        assertThat(feed.get("items")).singleElement().satisfies(entry -> assertThat(entry.get("meter_id").asString()).isEqualTo(meter));
        String subscription = subscribed.json().get("subscription").get("id").asString();
        await("/api/v1/webhooks/" + subscription + "/deliveries", tenant.operator(),
                page -> page.get("items").findValuesAsString("status").contains("DELIVERED"));
        assertThat(received).singleElement().satisfies(body -> {
            JsonNode sent = JSON.readTree(body);
            assertThat(sent.get("type").asString()).isEqualTo("billing.correction");
            assertThat(sent.get("data").get("cause").asString()).isEqualTo("LATE_ACTUAL");
            assertThat(sent.get("data").get("meter_id").asString()).isEqualTo(meter);
        });

        JsonNode gap = exceptions("rule=GAP&meter_id=" + meter).get("items").get(0);
        assertThat(gap.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(gap.get("resolution").asString()).as("actual data replaced the estimate that closed it").isEqualTo("SUPERSEDED");
    }

    @Test
    void a_changed_resend_beyond_the_threshold_replaces_by_default_and_is_announced_when_billing_took_it() {
        String meter = consumerMeter("RESENT");
        push("RESENT", day(DAY, VeePipelineTest::load));
        awaitDay(meter, DAY, 96);
        takeDay(meter);

        push("RESENT", day(DAY, slot -> slot == 10 ? load(10) * 3 : null));
        JsonNode notice = await("/api/v1/billing/corrections", tenant.analyst(), body -> body.size() > 0).get(0);
        assertThat(notice.get("cause").asString()).isEqualTo("RESEND");
        assertThat(notice.get("previous_value").decimalValue()).isEqualByComparingTo(kwh(load(10)));
        assertThat(notice.get("value").decimalValue()).isEqualByComparingTo(kwh(load(10) * 3));
        assertThat(consumption(meter, DAY).get("points").get(10).get("value").decimalValue()).isEqualByComparingTo(kwh(load(10) * 3));
        assertThat(exceptions("rule=DUPLICATE&meter_id=" + meter).get("items")).hasSize(1);
        assertThat(exceptions("rule=RESEND_CHANGE&meter_id=" + meter).get("items")).isEmpty();
    }

    @Test
    void with_hold_a_resend_beyond_the_threshold_waits_for_a_person_while_a_smaller_change_replaces() {
        var saved = api.put("/api/v1/vee/settings/DEFAULT", tenant.admin(),
                Map.of("resend_change_action", "HOLD", "resend_change_threshold_percent", 20));
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        assertThat(api.put("/api/v1/vee/settings/DEFAULT", tenant.admin(), Map.of("resend_change_threshold_percent", -1)).status())
                .isEqualTo(422);
        String meter = consumerMeter("HELD");
        push("HELD", day(DAY, VeePipelineTest::load));
        awaitDay(meter, DAY, 96);

        // slot 10 three times its value (held), slot 11 up 10 % (within the threshold: replaced)
        push("HELD", day(DAY, slot -> slot == 10 ? Double.valueOf(load(10) * 3) : slot == 11 ? Double.valueOf(load(11) * 1.1) : null));
        JsonNode held = awaitExceptions("rule=RESEND_CHANGE&meter_id=" + meter, 1).get("items").get(0);
        assertThat(held.get("status").asString()).isEqualTo("OPEN");
        assertThat(held.get("blocking").asBoolean()).isTrue();
        assertThat(held.get("detail").get("held")).singleElement().satisfies(value -> {
            assertThat(value.get("stored_value").decimalValue()).isEqualByComparingTo(kwh(load(10)));
            assertThat(value.get("resent_value").decimalValue()).isEqualByComparingTo(kwh(load(10) * 3));
        });
        JsonNode points = consumption(meter, DAY).get("points");
        assertThat(points.get(10).get("value").decimalValue()).as("the stored value stands").isEqualByComparingTo(kwh(load(10)));
        assertThat(points.get(11).get("value").decimalValue()).isEqualByComparingTo(kwh(load(11) * 1.1));
        JsonNode billing = takeDay(meter);
        assertThat(billing.get("withheld").findValuesAsString("rule")).as("billing waits for the review").contains("RESEND_CHANGE");

        var replaced = api.post("/api/v1/vee/exceptions/" + held.get("id").asString() + "/resolve", tenant.operator(),
                Map.of("action", "REPLACE", "reason_code", "HES_ERROR"));
        assertThat(replaced.status()).as(replaced.raw()).isEqualTo(200);
        assertThat(replaced.json().get("status").asString()).isEqualTo("RESOLVED");
        JsonNode point = consumption(meter, DAY).get("points").get(10);
        assertThat(point.get("value").decimalValue()).isEqualByComparingTo(kwh(load(10) * 3));
        assertThat(point.get("quality").toString()).contains("EDITED");
        JsonNode notices = notices();
        assertThat(notices.findValuesAsString("cause")).as("billing took the day before the person decided").contains("EDIT");

        var notHeld = api.post("/api/v1/vee/exceptions/" + exceptions("rule=DUPLICATE&meter_id=" + meter).get("items").get(0).get("id").asString()
                + "/resolve", tenant.operator(), Map.of("action", "REPLACE", "reason_code", "HES_ERROR"));
        assertThat(notHeld.status()).as("only a held re-send has values to take").isEqualTo(422);

        push("HELD", day(DAY, slot -> slot == 20 ? load(20) * 3 : null));
        JsonNode second = awaitExceptions("rule=RESEND_CHANGE&status=OPEN&meter_id=" + meter, 1).get("items").get(0);
        var kept = api.post("/api/v1/vee/exceptions/" + second.get("id").asString() + "/resolve", tenant.operator(),
                Map.of("action", "ACCEPT", "reason_code", "HES_ERROR"));
        assertThat(kept.json().get("resolution").asString()).isEqualTo("ACCEPTED");
        // the same re-send again (with a small change beside it, to know when it was stored) is not news
        push("HELD", day(DAY, slot -> slot == 20 ? Double.valueOf(load(20) * 3) : slot == 21 ? Double.valueOf(load(21) * 1.05) : null));
        await("/api/v1/meters/" + meter + "/consumption?from=" + enc(slotEnd(DAY, 20)) + "&to=" + enc(slotEnd(DAY, 21)),
                tenant.analyst(), body -> body.get("points").get(0).get("value").decimalValue().compareTo(kwh(load(21) * 1.05)) == 0);
        assertThat(exceptions("rule=RESEND_CHANGE&status=OPEN&meter_id=" + meter).get("items")).isEmpty();
        push("HELD", day(DAY, slot -> slot == 20 ? load(20) * 4 : null));
        JsonNode reopened = awaitExceptions("rule=RESEND_CHANGE&status=OPEN&meter_id=" + meter, 1).get("items").get(0);
        assertThat(reopened.get("id").asString()).isEqualTo(second.get("id").asString());
        assertThat(reopened.get("detail").get("held").get(0).get("resent_value").decimalValue()).isEqualByComparingTo(kwh(load(20) * 4));
        assertThat(consumption(meter, DAY).get("points").get(20).get("value").decimalValue()).isEqualByComparingTo(kwh(load(20)));
    }

    @Test
    void an_interval_twice_in_one_batch_keeps_the_last_value_the_first_in_history_and_is_flagged() {
        String meter = consumerMeter("TWICE");
        List<Map<String, Object>> rows = new ArrayList<>(day(DAY, VeePipelineTest::load));
        rows.addAll(day(DAY, slot -> slot == 30 ? 0.45 : null));
        push("TWICE", rows);
        JsonNode flagged = awaitExceptions("rule=DUPLICATE_IN_BATCH&meter_id=" + meter, 1).get("items").get(0);
        assertThat(flagged.get("blocking").asBoolean()).isFalse();
        assertThat(flagged.get("detail").get("intervals")).singleElement().satisfies(interval -> {
            assertThat(interval.get("first_value").decimalValue()).isEqualByComparingTo(kwh(load(30)));
            assertThat(interval.get("value").decimalValue()).isEqualByComparingTo("0.45");
        });
        assertThat(consumption(meter, DAY).get("points").get(30).get("value").decimalValue()).isEqualByComparingTo("0.45");

        JsonNode versions = api.get("/api/v1/meters/" + meter + "/intervals/history?at=" + enc(slotEnd(DAY, 30)), tenant.analyst())
                .json().get("versions");
        assertThat(versions.findValues("value")).extracting(JsonNode::decimalValue).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(kwh(load(30)), new BigDecimal("0.45"));
        assertThat(versions.get(1).get("current").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/meters/" + meter + "/intervals/history?at=" + enc(slotEnd(DAY, 29)), tenant.analyst())
                .json().get("versions")).as("the other intervals have one version").hasSize(1);
    }

    @Test
    void a_changed_register_read_billing_took_is_announced_with_both_values_and_a_new_one_is_not() {
        String meter = consumerMeter("REGRESEND");
        java.time.ZonedDateTime noon = DAY.atStartOfDay(IST).plusHours(12);
        push("REGRESEND", List.of(register(noon, 1234.5)));
        await("/api/v1/meters/" + meter + "/registers?channel=KWH_IMPORT_TOTAL&from=" + enc(DAY.atStartOfDay(IST)) + "&to="
                + enc(DAY.plusDays(1).atStartOfDay(IST)), tenant.analyst(), body -> body.size() == 1);
        takeDay(meter);
        push("REGRESEND", List.of(register(noon, 1234.5), register(noon.plusHours(1), 1235.0)));

        push("REGRESEND", List.of(register(noon, 1234.9)));
        JsonNode notices = await("/api/v1/billing/corrections", tenant.analyst(),
                body -> body.findValues("meter_id").stream().anyMatch(id -> id.asString().equals(meter)));
        List<JsonNode> mine = new ArrayList<>();
        notices.forEach(n -> { if (n.get("meter_id").asString().equals(meter)) mine.add(n); });
        assertThat(mine).as("the same read again and a new read are no change of what billing took").singleElement()
                .satisfies(notice -> {
                    assertThat(notice.get("channel").asString()).isEqualTo("KWH_IMPORT_TOTAL");
                    assertThat(notice.get("cause").asString()).isEqualTo("RESEND");
                    assertThat(notice.get("first_at").asString()).isEqualTo(noon.toInstant().toString());
                    assertThat(notice.get("previous_value").decimalValue()).isEqualByComparingTo("1234.5");
                    assertThat(notice.get("value").decimalValue()).isEqualByComparingTo("1234.9");
                });
    }

    /** A value as stored: to the Wh. */
    private static BigDecimal kwh(double value) {
        return BigDecimal.valueOf(value).setScale(3, java.math.RoundingMode.HALF_UP);
    }

    /** Billing takes the day (and so will hear of changes to it). */
    private JsonNode takeDay(String meter) {
        var taken = api.get("/api/v1/billing/validated-data?meter_id=" + meter + "&from=" + enc(DAY.atStartOfDay(IST)) + "&to="
                + enc(DAY.plusDays(1).atStartOfDay(IST)), tenant.analyst());
        assertThat(taken.status()).as(taken.raw()).isEqualTo(200);
        return taken.json();
    }

    private JsonNode notices() {
        var notices = api.get("/api/v1/billing/corrections", tenant.analyst());
        assertThat(notices.status()).as(notices.raw()).isEqualTo(200);
        return notices.json();
    }
}
