package io.vidyut.mdm.prepaid.charging;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.common.HmacSignature;
import io.vidyut.mdm.testing.ApiClient;
import io.vidyut.mdm.testing.TestTenant;
import io.vidyut.mdm.vee.VeePipelineTest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A prepaid account through the real pipeline: opened with the credit carried from postpaid, charged each day from the
 * validated intervals by the tariff, adjusted once when VEE corrects a charged day, recharged by a signed gateway
 * exactly once per transaction id, and exact to the paisa however recharges and the daily charge interleave.
 */
class PrepaidLedgerTest extends VeePipelineTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 20);
    static final BigDecimal RATE = new BigDecimal("5.00");
    /** ₹30 per kW a month on 2 kW, a thirtieth a day. */
    static final BigDecimal FIXED_A_DAY = new BigDecimal("2.00");

    @Autowired
    ChargingSweep sweep;

    String meterId;
    String accountId;

    @BeforeEach
    void prepaidConsumerWithATariff() {
        var tariff = api.post("/api/v1/billing/tariffs", tenant.admin(), Map.of("name", "Prepaid flat", "effective_from", "2026-04-01",
                "categories", List.of(Map.of("code", "PP-1", "description", "Prepaid domestic", "consumer_class", "DOMESTIC",
                        "billing_unit", "KWH", "load_unit", "KW", "slabs", List.of(Map.of("rate", RATE)),
                        "fixed_charge", Map.of("basis", "PER_LOAD_UNIT", "rate", 30)))));
        assertThat(tariff.status()).as(tariff.raw()).isEqualTo(201);
        var consumer = api.post("/api/v1/consumers", tenant.admin(), Map.of("account_no", "PP-001", "name", "Prepaid consumer",
                "tariff_category", "PP-1", "sanctioned_load_kw", 2, "supply_mode", "PREPAID", "dt_id", dtId));
        assertThat(consumer.status()).as(consumer.raw()).isEqualTo(201);
        meterId = registry.meter("PP-METER", vendorId, consumer.json().get("id").asString()).get("id").asString();
        var opened = api.post("/api/v1/prepaid/accounts", tenant.operator(), Map.of("account_no", "PP-001",
                "opening_balance", new BigDecimal("123.45"), "arrears", new BigDecimal("400.00"), "converted_on", DAY.toString()));
        assertThat(opened.status()).as(opened.raw()).isEqualTo(201);
        accountId = opened.json().get("id").asString();
    }

    /** kWh of a day of {@link VeePipelineTest#load} as the store keeps it. */
    static BigDecimal dayKwh() {
        BigDecimal total = BigDecimal.ZERO;
        for (int slot = 0; slot < 96; slot++) total = total.add(BigDecimal.valueOf(load(slot)).setScale(4, RoundingMode.HALF_EVEN));
        return total;
    }

    static BigDecimal money(BigDecimal exact) {
        return exact.setScale(2, RoundingMode.HALF_UP);
    }

    /** The sweep as it runs at 03:00 IST the day after {@code day}: that day is charged. */
    void chargeThrough(LocalDate day) {
        sweep.sweep(day.plusDays(1).atTime(3, 0).atZone(IST).toInstant());
    }

    JsonNode account() {
        return api.get("/api/v1/prepaid/accounts/" + accountId, tenant.analyst()).json();
    }

    JsonNode ledger() {
        var response = api.get("/api/v1/prepaid/accounts/" + accountId + "/ledger?size=1000", tenant.analyst());
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.json().get("items");
    }

    /** The balance is the ledger's sum, and each entry's balance_after the running sum. */
    BigDecimal assertBalanceIsTheLedgersSum() {
        JsonNode items = ledger();
        BigDecimal running = BigDecimal.ZERO;
        for (int i = items.size() - 1; i >= 0; i--) {
            running = running.add(items.get(i).get("amount").decimalValue());
            assertThat(items.get(i).get("balance_after").decimalValue()).as("entry " + items.get(i)).isEqualByComparingTo(running);
        }
        assertThat(account().get("balance").decimalValue()).isEqualByComparingTo(running);
        return running;
    }

    List<JsonNode> entries(String type) {
        List<JsonNode> found = new ArrayList<>();
        ledger().forEach(entry -> {
            if (entry.get("type").asString().equals(type)) found.add(entry);
        });
        return found;
    }

    @Test
    void a_day_is_charged_from_its_validated_intervals_and_a_vee_correction_posts_one_adjustment() {
        assertThat(account().get("balance").decimalValue()).as("the credit carried to the paisa").isEqualByComparingTo("123.45");
        push("PP-METER", day(DAY, VeePipelineTest::load));
        awaitDay(meterId, DAY, 96);

        chargeThrough(DAY);
        BigDecimal energy = money(dayKwh().multiply(RATE));
        assertThat(entries("ENERGY")).singleElement().satisfies(e -> {
            assertThat(e.get("amount").decimalValue()).isEqualByComparingTo(energy.negate());
            assertThat(e.get("day").asString()).isEqualTo(DAY.toString());
            assertThat(e.get("tariff_version").asInt()).isEqualTo(1);
            assertThat(e.get("data_version").asLong()).isPositive();
        });
        assertThat(entries("FIXED")).singleElement().satisfies(e -> assertThat(e.get("amount").decimalValue())
                .isEqualByComparingTo(FIXED_A_DAY.negate()));
        assertThat(assertBalanceIsTheLedgersSum()).isEqualByComparingTo(new BigDecimal("123.45").subtract(energy).subtract(FIXED_A_DAY));
        assertThat(account().get("charged_through").asString()).isEqualTo(DAY.toString());

        chargeThrough(DAY);
        assertThat(entries("ENERGY")).as("a day is charged once").hasSize(1);

        // an operator corrects one interval of the charged day: 0.5 kWh where the meter said load(20)
        var edit = api.post("/api/v1/vee/edits", tenant.operator(), body("meter_ids", List.of(meterId), "channel", "KWH_IMPORT",
                "from", slotEnd(DAY, 20).toOffsetDateTime().toString(), "to", slotEnd(DAY, 20).toOffsetDateTime().toString(),
                "action", "SET", "value", 0.5, "reason_code", "METER_FAULT"));
        assertThat(edit.status()).as(edit.raw()).isEqualTo(201);
        chargeThrough(DAY);
        chargeThrough(DAY);
        BigDecimal corrected = money(dayKwh().subtract(BigDecimal.valueOf(load(20)).setScale(4, RoundingMode.HALF_EVEN))
                .add(new BigDecimal("0.5")).multiply(RATE));
        assertThat(entries("ADJUSTMENT")).as("one adjustment, however often the sweep runs").singleElement().satisfies(e -> {
            assertThat(e.get("amount").decimalValue()).isEqualByComparingTo(energy.subtract(corrected));
            assertThat(e.get("description").asString()).contains("priced again", DAY.toString());
        });
        assertThat(entries("ENERGY")).as("the charged day is never rewritten").singleElement()
                .satisfies(e -> assertThat(e.get("amount").decimalValue()).isEqualByComparingTo(energy.negate()));
        assertBalanceIsTheLedgersSum();

        JsonNode balance = api.get("/api/v1/consumer/prepaid/balance?account_no=PP-001", tenant.analyst()).json();
        assertThat(balance.get("balance").decimalValue()).isEqualByComparingTo(account().get("balance").decimalValue());
        assertThat(balance.get("average_daily_charge").decimalValue()).isEqualByComparingTo(corrected.add(FIXED_A_DAY));
        assertThat(balance.get("provisional_balance").decimalValue()).as("the days since, without data, cost their fixed charge")
                .isLessThan(balance.get("balance").decimalValue());
    }

    @Test
    void closing_charges_the_last_days_refunds_the_credit_and_can_return_the_consumer_to_postpaid() {
        push("PP-METER", day(DAY, VeePipelineTest::load));
        awaitDay(meterId, DAY, 96);
        var closed = api.post("/api/v1/prepaid/accounts/" + accountId + "/close", tenant.admin(),
                Map.of("reason", "consumer moves out", "switch_to_postpaid", true));
        assertThat(closed.status()).as(closed.raw()).isEqualTo(200);
        BigDecimal left = new BigDecimal("123.45").subtract(money(dayKwh().multiply(RATE))).subtract(FIXED_A_DAY.multiply(
                BigDecimal.valueOf(closed.json().get("days_charged").asInt())));
        assertThat(closed.json().get("refund").decimalValue()).isEqualByComparingTo(left);
        assertThat(closed.json().get("arrears_to_final_bill").decimalValue()).isEqualByComparingTo("400.00");
        assertThat(entries("REFUND")).singleElement().satisfies(e -> assertThat(e.get("amount").decimalValue())
                .isEqualByComparingTo(left.negate()));
        assertThat(assertBalanceIsTheLedgersSum()).as("a closed account's ledger sums to zero").isEqualByComparingTo("0");
        assertThat(account().get("status").asString()).isEqualTo("CLOSED");
        assertThat(api.get("/api/v1/consumers?search=PP-001", tenant.analyst()).raw()).contains("POSTPAID");
        assertThat(api.post("/api/v1/prepaid/accounts/" + accountId + "/close", tenant.admin(), Map.of("reason", "again")).status())
                .isEqualTo(409);
        assertThat(api.post("/api/v1/prepaid/accounts/" + accountId + "/close", tenant.operator(), Map.of("reason", "x")).status())
                .as("closing is an administrator's").isEqualTo(403);
    }

    @Test
    void a_gateway_recharge_credits_once_per_transaction_and_recovers_a_share_of_the_arrears() {
        var gateway = api.post("/api/v1/prepaid/gateways", tenant.admin(), Map.of("code", "paytm", "name", "Paytm"));
        assertThat(gateway.status()).as(gateway.raw()).isEqualTo(201);
        String secret = gateway.json().get("secret").asString();
        assertThat(api.get("/api/v1/prepaid/gateways", tenant.admin()).raw()).doesNotContain(secret);

        String body = "{\"transaction_id\":\"TXN-1\",\"account_no\":\"PP-001\",\"amount\":500,\"mode\":\"UPI\"}";
        ApiClient.Response first = signed(body, secret);
        assertThat(first.status()).as(first.raw()).isEqualTo(201);
        assertThat(first.json().get("arrears_recovered").decimalValue()).as("25 % of ₹500").isEqualByComparingTo("125.00");
        assertThat(first.json().get("balance_after").decimalValue()).isEqualByComparingTo("498.45"); // 123.45 + 500 − 125
        ApiClient.Response again = signed(body, secret);
        assertThat(again.status()).as(again.raw()).isEqualTo(200);
        assertThat(again.json().get("duplicate").asBoolean()).isTrue();
        assertThat(entries("RECHARGE")).as("the callback repeated credits once").hasSize(1);
        assertThat(account().get("arrears").decimalValue()).isEqualByComparingTo("275.00");

        assertThat(signed(body.replace("500", "600"), secret).status()).as("the same id with another amount").isEqualTo(409);
        assertThat(signed(body, "pgsec_not-the-secret").status()).isEqualTo(401);
        ApiClient.Response huge = signed(body.replace("TXN-1", "TXN-2").replace("500", "1e999999999"), secret);
        assertThat(huge.status()).as(huge.raw()).isEqualTo(422);
        assertThat(huge.raw()).contains("amount");
        assertThat(signed(body.replace("TXN-1", "TXN-3").replace("500", "10.001"), secret).status()).isEqualTo(422);

        var reversed = api.post("/api/v1/prepaid/recharges/paytm/TXN-1/reversal", tenant.operator(), Map.of("reason", "chargeback"));
        assertThat(reversed.status()).as(reversed.raw()).isEqualTo(200);
        assertThat(account().get("arrears").decimalValue()).as("the arrears it recovered are owed again").isEqualByComparingTo("400.00");
        assertThat(assertBalanceIsTheLedgersSum()).isEqualByComparingTo("123.45");
        assertThat(api.post("/api/v1/prepaid/recharges/paytm/TXN-1/reversal", tenant.operator(), Map.of("reason", "again")).status())
                .isEqualTo(409);

        TestTenant other = newTenant();
        assertThat(api.get("/api/v1/prepaid/accounts/" + accountId, other.analyst()).status()).as("row-level security").isEqualTo(404);
        assertThat(signedAs(other.code(), body.replace("TXN-1", "TXN-9"), secret).status())
                .as("a tenant's gateway secret posts into no other tenant").isEqualTo(401);
    }

    @Test
    void recharges_racing_the_daily_charge_leave_the_ledger_exact() throws Exception {
        for (LocalDate day = DAY; day.isBefore(DAY.plusDays(3)); day = day.plusDays(1)) push("PP-METER", day(day, VeePipelineTest::load));
        awaitDay(meterId, DAY.plusDays(2), 96);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ApiClient.Response>> recharges = new ArrayList<>();
            Future<?> charging = pool.submit(() -> chargeThrough(DAY.plusDays(2)));
            for (int i = 0; i < 12; i++) {
                String receipt = "R-" + i;
                recharges.add(pool.submit(() -> api.post("/api/v1/prepaid/accounts/PP-001/recharges", tenant.operator(),
                        Map.of("receipt_no", receipt, "amount", 100, "mode", "CASH"))));
            }
            charging.get();
            for (Future<ApiClient.Response> r : recharges) assertThat(r.get().status()).as(r.get().raw()).isEqualTo(201);
        } finally {
            pool.shutdown();
        }
        BigDecimal charges = money(dayKwh().multiply(RATE)).add(FIXED_A_DAY).multiply(BigDecimal.valueOf(3));
        BigDecimal arrears = new BigDecimal("300.00"); // 25 % of each ₹100
        assertThat(assertBalanceIsTheLedgersSum()).isEqualByComparingTo(new BigDecimal("123.45").add(new BigDecimal("1200"))
                .subtract(arrears).subtract(charges));
        assertThat(entries("ENERGY")).hasSize(3);
    }

    ApiClient.Response signed(String body, String secret) {
        return signedAs(tenant.code(), body, secret);
    }

    ApiClient.Response signedAs(String tenantCode, String body, String secret) {
        String timestamp = Long.toString(Instant.now(clock).getEpochSecond());
        return api.send("POST", "/api/v1/prepaid/recharges", null, body, "application/json", Map.of("X-Mdm-Gateway",
                tenantCode + "/paytm", "X-Mdm-Timestamp", timestamp, "X-Mdm-Signature", HmacSignature.of(secret, timestamp, body)));
    }
}
