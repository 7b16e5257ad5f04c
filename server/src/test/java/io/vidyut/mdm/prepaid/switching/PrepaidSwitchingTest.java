package io.vidyut.mdm.prepaid.switching;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.vidyut.mdm.testing.ApiClient;
import io.vidyut.mdm.vee.VeePipelineTest;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Prepaid switching through the real command routing to an HES on loopback: a consumer at zero on a Saturday evening
 * is disconnected only when Monday's window opens, and a recharge in the protected night hours reconnects at once.
 */
class PrepaidSwitchingTest extends VeePipelineTest {
    /** 28 November 2026, the fourth Saturday of the month (not a second Saturday). */
    static final Instant SATURDAY_EVENING = LocalDateTime.of(2026, 11, 28, 19, 0).atZone(IST).toInstant();
    static final Instant SUNDAY_NOON = LocalDateTime.of(2026, 11, 29, 12, 0).atZone(IST).toInstant();
    static final Instant MONDAY_OPENING = LocalDateTime.of(2026, 11, 30, 8, 0).atZone(IST).toInstant();

    @Autowired
    SwitchingSweep sweep;

    HttpServer hes;
    final ConcurrentLinkedQueue<String> received = new ConcurrentLinkedQueue<>();
    String accountId;

    @BeforeEach
    void prepaidConsumerInDebtOnAnHesThatTakesCommands() throws Exception {
        hes = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hes.createContext("/hes/", exchange -> {
            received.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = "{\"reference\": \"HES-1\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(202, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        hes.start();
        allowHesNetwork(tenant, "127.0.0.1/32");
        Map<String, Object> mapping = new HashMap<>(MAPPING);
        mapping.put("pull", Map.of("base_url", "http://127.0.0.1:" + hes.getAddress().getPort(), "command_path",
                "/hes/meters/{serial}/commands", "api_key_header", "X-Hes-Key", "api_key", "hes-secret", "timeout_seconds", 2));
        assertThat(api.put("/api/v1/hes-vendors/" + vendorId + "/mapping", tenant.admin(), mapping).status()).isEqualTo(200);

        assertThat(api.post("/api/v1/billing/tariffs", tenant.admin(), Map.of("name", "Prepaid flat", "effective_from", "2026-04-01",
                "categories", List.of(Map.of("code", "PP-1", "description", "Prepaid domestic", "consumer_class", "DOMESTIC",
                        "billing_unit", "KWH", "load_unit", "KW", "slabs", List.of(Map.of("rate", 5)))))).status()).isEqualTo(201);
        var consumer = api.post("/api/v1/consumers", tenant.admin(), Map.of("account_no", "PP-SW", "name", "Prepaid consumer",
                "tariff_category", "PP-1", "sanctioned_load_kw", 2, "supply_mode", "PREPAID", "dt_id", dtId));
        assertThat(consumer.status()).as(consumer.raw()).isEqualTo(201);
        String meterId = registry.meter("PP-SW-METER", vendorId, consumer.json().get("id").asString()).get("id").asString();
        push("PP-SW-METER", day(LocalDate.of(2026, 11, 25), VeePipelineTest::load));
        awaitDay(meterId, LocalDate.of(2026, 11, 25), 96);

        // the first state's rules, with no emergency credit or notice period, so that only the calendar holds it back
        Map<String, Object> policy = JSON.convertValue(api.get("/api/v1/prepaid/policy", tenant.admin()).json(), Map.class);
        policy.put("emergency_credit_days", 0);
        policy.put("minimum_notice_minutes", 0);
        policy.put("stale_data_hours", 720);
        var saved = api.put("/api/v1/prepaid/policy", tenant.admin(), policy);
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);

        var opened = api.post("/api/v1/prepaid/accounts", tenant.operator(), Map.of("account_no", "PP-SW",
                "opening_balance", new BigDecimal("-50.00"), "converted_on", "2026-09-01"));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        accountId = opened.json().get("id").asString();
    }

    @AfterEach
    void stopHes() {
        hes.stop(0);
    }

    JsonNode account() {
        return api.get("/api/v1/prepaid/accounts/" + accountId, tenant.analyst()).json();
    }

    JsonNode orders(String action) {
        return api.get("/api/v1/prepaid/switching?action=" + action, tenant.analyst()).json().get("items");
    }

    /** The HES reports the command of the account's latest order of this action executed; returns that order. */
    JsonNode executed(String action) {
        JsonNode orders = orders(action);
        assertThat(orders).as("the account's orders").isNotEmpty();
        JsonNode order = orders.get(0);
        assertThat(order.get("status").asString()).as(order.toString()).isEqualTo("SENT");
        String commandId = order.get("command_id").asString();
        await("/api/v1/commands/" + commandId, tenant.analyst(), command -> command.get("status").asString().equals("ACKNOWLEDGED"));
        ApiClient.Response result = api.send("POST", "/api/v1/commands/" + commandId + "/result", null, "{\"status\": \"EXECUTED\"}",
                "application/json", Map.of("X-API-Key", apiKey));
        assertThat(result.status()).as(result.raw()).isEqualTo(200);
        return order;
    }

    @Test
    void a_balance_at_zero_on_a_saturday_evening_is_disconnected_when_mondays_window_opens() {
        sweep.sweep(SATURDAY_EVENING);
        JsonNode held = account();
        assertThat(held.get("hold_rule").asString()).isEqualTo("PROTECTED_HOURS");
        assertThat(Instant.parse(held.get("hold_goes_at").asString())).as("Sunday is protected too").isEqualTo(MONDAY_OPENING);
        assertThat(orders("DISCONNECT")).isEmpty();

        sweep.sweep(SUNDAY_NOON);
        assertThat(account().get("hold_rule").asString()).isEqualTo("PROTECTED_WEEKDAY");
        assertThat(orders("DISCONNECT")).isEmpty();
        assertThat(received).as("nothing reached the HES while a rule forbade it").isEmpty();

        sweep.sweep(MONDAY_OPENING);
        executed("DISCONNECT");
        assertThat(received).singleElement().satisfies(call -> assertThat(call).contains("\"type\":\"DISCONNECT\""));
        await("/api/v1/prepaid/accounts/" + accountId, tenant.analyst(), a -> a.get("supply").asString().equals("DISCONNECTED"));
        JsonNode notices = api.get("/api/v1/notifications/notices?kind=PREPAID_DISCONNECTION_DUE", tenant.analyst()).json();
        assertThat(notices.get("total").asLong()).as("told before, once").isEqualTo(1);
    }

    @Test
    void a_recharge_in_the_protected_night_hours_reconnects_at_once() {
        sweep.sweep(MONDAY_OPENING);
        executed("DISCONNECT");
        await("/api/v1/prepaid/accounts/" + accountId, tenant.analyst(), a -> a.get("supply").asString().equals("DISCONNECTED"));
        assertThat(LocalDateTime.ofInstant(clock.instant(), IST).getHour()).as("the server's night").isLessThan(8);

        var recharge = api.post("/api/v1/prepaid/accounts/PP-SW/recharges", tenant.operator(), Map.of("receipt_no", "NIGHT-1",
                "amount", 500, "mode", "CASH"));
        assertThat(recharge.status()).as(recharge.raw()).isEqualTo(201);
        JsonNode order = executed("RECONNECT");
        assertThat(Instant.parse(order.get("deadline").asString())).isEqualTo(Instant.parse(order.get("created_at").asString())
                .plusSeconds(2 * 60));
        JsonNode reconnected = await("/api/v1/prepaid/accounts/" + accountId, tenant.analyst(),
                a -> a.get("supply").asString().equals("CONNECTED"));
        assertThat(reconnected.get("balance").decimalValue()).isPositive();
        assertThat(received).hasSize(2).last().satisfies(call -> assertThat(call).contains("\"type\":\"CONNECT\""));
    }
}
