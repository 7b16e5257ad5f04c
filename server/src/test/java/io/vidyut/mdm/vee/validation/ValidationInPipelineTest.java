package io.vidyut.mdm.vee.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.channels.Quality;
import io.vidyut.mdm.readings.Reading;
import io.vidyut.mdm.readings.ReadingStore;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import io.vidyut.mdm.vee.VeePipelineTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Readings pushed by an HES are validated as they are stored; what fails is queued, withheld and resolvable. */
class ValidationInPipelineTest extends VeePipelineTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    @Autowired ValidationCounts counts;
    @Autowired ReadingStore store;
    @Autowired TransactionTemplate transactions;
    @Autowired MeterRegistry metrics;
    @Autowired JdbcClient jdbc;

    @Test
    void a_meter_validation_does_not_know_costs_the_other_meters_of_the_write_nothing() {
        UUID meter = UUID.fromString(consumerMeter("KNOWN"));
        UUID unknown = UUID.randomUUID();
        List<Reading> readings = new ArrayList<>();
        for (UUID id : List.of(unknown, meter)) {
            for (int slot = 0; slot < 96; slot++) {
                long wh = Math.round((slot == 40 ? 0.74 : load(slot)) * 10_000);
                readings.add(new Reading(id, Channel.KWH_IMPORT,
                        slotEnd(DAY, slot).toInstant(), 15, wh, Quality.ACTUAL.bit()));
            }
        }
        double errorsBefore = metrics.counter("mdm.vee.errors").count();
        TenantContext.runAs(TenantScope.of(tenant.id(), tenant.code()),
                () -> transactions.executeWithoutResult(status -> store.write(readings, IST, "test")));

        assertThat(exceptions("rule=SPIKE&meter_id=" + meter).get("total").asInt()).isEqualTo(1);
        assertThat(metrics.counter("mdm.vee.errors").count()).isEqualTo(errorsBefore);
    }

    @Test
    void a_meters_usual_daily_peak_comes_from_the_store_when_this_process_has_not_seen_its_earlier_days() {
        UUID meter = UUID.fromString(consumerMeter("BIGDAYS"));
        // eight earlier days stored before this process judged any of them (as after a restart): peaks of 0.8 kWh
        Integer[] earlier = new Integer[96];
        for (int slot = 0; slot < 96; slot++) earlier[slot] = slot == 70 ? 8000 : (int) Math.round(load(slot) * 10_000);
        TenantContext.runAs(TenantScope.of(tenant.id(), tenant.code()), () -> transactions.executeWithoutResult(status -> {
            store.prepareDays(DAY.minusDays(8), DAY);
            for (int back = 1; back <= 8; back++) {
                jdbc.sql("insert into interval_day (tenant_id, meter_id, channel, day, interval_minutes, vals) values (?, ?, ?, ?, 15, ?)")
                        .params(tenant.id(), meter, Channel.KWH_IMPORT.code(), DAY.minusDays(back), earlier).update();
            }
        }));
        List<Reading> today = new ArrayList<>();
        for (int slot = 0; slot < 96; slot++) {
            today.add(new Reading(meter, Channel.KWH_IMPORT, slotEnd(DAY, slot).toInstant(), 15,
                    Math.round((slot == 40 ? 0.74 : load(slot)) * 10_000), Quality.ACTUAL.bit()));
        }
        double errorsBefore = metrics.counter("mdm.vee.errors").count();
        TenantContext.runAs(TenantScope.of(tenant.id(), tenant.code()),
                () -> transactions.executeWithoutResult(status -> store.write(today, IST, "test")));

        // 0.74 kWh is a spike against the day alone (see above), not against a meter whose days usually peak at 0.8
        assertThat(exceptions("rule=SPIKE&meter_id=" + meter).get("total").asInt()).isZero();
        assertThat(metrics.counter("mdm.vee.errors").count()).isEqualTo(errorsBefore);
    }

    @Test
    void a_spike_is_queued_with_its_values_withheld_from_billing_and_released_when_accepted_with_a_reason() {
        String meter = consumerMeter("SPIKY");
        push("SPIKY", day(DAY, slot -> slot == 40 ? 0.74 : load(slot)));

        JsonNode queue = awaitExceptions("rule=SPIKE&meter_id=" + meter, 1);
        assertThat(queue.get("total").asInt()).isEqualTo(1);
        JsonNode spike = queue.get("items").get(0);
        assertThat(spike.get("blocking").asBoolean()).isTrue();
        assertThat(spike.get("status").asString()).isEqualTo("OPEN");
        assertThat(spike.get("first_at").asString()).isEqualTo("2026-11-02T10:15:00+05:30");
        assertThat(spike.get("detail").get("value").decimalValue()).isEqualByComparingTo("0.74");
        assertThat(spike.get("detail").get("tolerance_percent").asDouble()).isEqualTo(300.0);
        assertThat(spike.get("vendor_id").asString()).isEqualTo(vendorId);
        assertThat(spike.get("dt_id").asString()).isEqualTo(dtId);
        assertThat(exceptions("rule=SPIKE&dt_id=" + dtId).get("total").asInt()).isEqualTo(1);
        assertThat(exceptions("rule=FLAT_LINE&meter_id=" + meter).get("total").asInt()).isZero();

        JsonNode billing = validatedData(meter, DAY);
        assertThat(billing.get("withheld")).hasSize(1);
        assertThat(billing.get("totals").get("withheld_intervals").asInt()).isEqualTo(1);
        assertThat(billing.get("intervals").get(40).has("value")).isFalse();
        assertThat(billing.get("intervals").get(39).get("quality").asString()).isEqualTo("ACTUAL");

        String id = spike.get("id").asString();
        var noReason = api.post("/api/v1/vee/exceptions/" + id + "/resolve", tenant.operator(), Map.of("action", "ACCEPT"));
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.raw()).contains("reason_code");
        assertThat(api.post("/api/v1/vee/exceptions/" + id + "/assign", tenant.operator(), Map.of("assignee", "ravi")).json()
                .get("assigned_to").asString()).isEqualTo("ravi");
        var accepted = api.post("/api/v1/vee/exceptions/" + id + "/resolve", tenant.operator(),
                Map.of("action", "ACCEPT", "reason_code", "VALIDATION_OVERRIDE", "note", "festival load"));
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
        assertThat(accepted.json().get("resolution").asString()).isEqualTo("ACCEPTED");
        assertThat(accepted.json().get("resolved_by").asString()).isEqualTo(tenant.code() + ".operator");

        JsonNode released = validatedData(meter, DAY);
        assertThat(released.get("withheld")).isEmpty();
        assertThat(released.get("intervals").get(40).get("value").decimalValue()).isEqualByComparingTo("0.74");
        assertThat(api.post("/api/v1/vee/exceptions/" + id + "/resolve", tenant.operator(),
                Map.of("action", "ACCEPT", "reason_code", "OTHER")).status()).as("resolved once").isEqualTo(409);
    }

    @Test
    void reverse_energy_flat_lines_and_high_limits_are_found_and_statistics_count_them_per_vendor() {
        String meter = consumerMeter("ODD");
        push("ODD", day(DAY, slot -> slot >= 10 && slot < 22 ? 0.3 : slot == 60 ? 1.3 : slot == 70 ? -0.05 : load(slot)));
        awaitExceptions("meter_id=" + meter, 4);
        List<String> rules = new ArrayList<>();
        exceptions("meter_id=" + meter).get("items").forEach(e -> rules.add(e.get("rule").asString()));
        assertThat(rules).as("1.3 kWh is both above the limit and a spike (over 4 × the day's next, 0.3)")
                .containsExactlyInAnyOrder("FLAT_LINE", "HIGH_LIMIT", "SPIKE", "REVERSE_ENERGY");
        JsonNode flat = exceptions("rule=FLAT_LINE&meter_id=" + meter).get("items").get(0);
        assertThat(flat.get("detail").get("intervals").asInt()).isEqualTo(12);
        assertThat(exceptions("rule=HIGH_LIMIT").get("items").get(0).get("detail").get("limit_kwh").decimalValue())
                .isEqualByComparingTo("0.75");

        counts.flush();
        JsonNode statistics = api.get("/api/v1/vee/statistics?from=" + DAY + "&to=" + DAY, tenant.analyst()).json();
        JsonNode vendor = statistics.get("vendors").get(0);
        assertThat(vendor.get("vendor_id").asString()).isEqualTo(vendorId);
        assertThat(vendor.get("validated").asLong()).as("96 energy and 96 voltage values").isEqualTo(192);
        assertThat(vendor.get("failed").asLong()).as("12 flat, 1 high and spiky, 1 negative").isEqualTo(14);
        assertThat(vendor.get("pass_rate").decimalValue()).isEqualByComparingTo("0.9271");
        JsonNode flatLine = vendor.get("rules").get("FLAT_LINE");
        assertThat(flatLine.get("exceptions").asLong()).isEqualTo(1);
        assertThat(flatLine.get("values").asLong()).isEqualTo(12);
        assertThat(flatLine.get("pass_rate").decimalValue()).isEqualByComparingTo("0.9375"); // 180 of 192
    }

    @Test
    void a_resent_value_is_a_new_version_and_settles_the_exception_about_the_old_one() {
        String meter = consumerMeter("RESENT");
        push("RESENT", day(DAY, slot -> slot == 40 ? 0.74 : load(slot)));
        awaitExceptions("rule=SPIKE&meter_id=" + meter, 1);
        push("RESENT", day(DAY, slot -> slot == 40 ? 0.12 : null));
        JsonNode settled = await("/api/v1/vee/exceptions?rule=SPIKE&meter_id=" + meter, tenant.operator(),
                body -> body.get("items").get(0).get("status").asString().equals("RESOLVED"));
        assertThat(settled.get("items").get(0).get("resolution").asString()).isEqualTo("SUPERSEDED");
        assertThat(exceptions("rule=DUPLICATE&meter_id=" + meter).get("items").get(0).get("detail").get("previous_value")
                .decimalValue()).isEqualByComparingTo("0.74");
        JsonNode history = api.get("/api/v1/meters/" + meter + "/intervals/history?at=" + enc(slotEnd(DAY, 40)), tenant.analyst()).json();
        assertThat(history.get("versions")).hasSize(2);
        assertThat(history.get("versions").get(0).get("value").decimalValue()).isEqualByComparingTo("0.74");
        assertThat(history.get("versions").get(1).get("value").decimalValue()).isEqualByComparingTo("0.12");
        assertThat(history.get("versions").get(1).get("current").asBoolean()).isTrue();
        assertThat(history.get("versions").get(1).get("written_by").asString()).startsWith("batch:");
    }

    @Test
    void registers_roll_over_at_their_maximum_and_the_sum_check_holds_with_a_ct_multiplier() {
        var created = api.post("/api/v1/meters", tenant.admin(), Map.of("serial", "CT1", "make", "HPL", "phase", "3P",
                "category", "CONSUMER", "ct_ratio", 10, "hes_vendor_id", vendorId, "lifecycle_stage", "IN_SERVICE"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String meter = created.json().get("id").asString();
        // the meter counts 0.11 and 0.09 kWh by turns (9.6 a day); with CT ratio 10 the MDM stores ten times that
        List<Map<String, Object>> first = new ArrayList<>(day(DAY, CtMeter::alternating));
        first.add(register(DAY.atStartOfDay(IST), 99_990.0));
        first.add(register(DAY.plusDays(1).atStartOfDay(IST), 99_999.6));
        push("CT1", first);
        List<Map<String, Object>> second = new ArrayList<>(day(DAY.plusDays(1), CtMeter::alternating));
        second.add(register(DAY.plusDays(2).atStartOfDay(IST), 9.2)); // rolled over: 99 999.6 + 9.6 − 100 000
        push("CT1", second);
        List<Map<String, Object>> third = new ArrayList<>(day(DAY.plusDays(2), CtMeter::alternating));
        third.add(register(DAY.plusDays(3).atStartOfDay(IST), 21.2)); // advanced 12, intervals say 9.6
        push("CT1", third);
        push("CT1", List.of(register(DAY.plusDays(4).atStartOfDay(IST), 5.0))); // backwards, far from the maximum

        awaitExceptions("meter_id=" + meter, 3);
        await("/api/v1/vee/exceptions?meter_id=" + meter, tenant.operator(), body -> body.get("total").asInt() >= 3);
        List<String> rules = new ArrayList<>();
        exceptions("meter_id=" + meter).get("items").forEach(e -> rules.add(e.get("rule").asString()));
        assertThat(rules).containsExactlyInAnyOrder("REGISTER_ROLLOVER", "SUM_CHECK", "REGISTER_DECREASE");
        JsonNode sum = exceptions("rule=SUM_CHECK&meter_id=" + meter).get("items").get(0);
        assertThat(sum.get("channel").asString()).isEqualTo("KWH_IMPORT");
        assertThat(sum.get("detail").get("interval_sum").decimalValue()).isEqualByComparingTo("96");
        assertThat(sum.get("detail").get("register_advance").decimalValue()).isEqualByComparingTo("120");
        assertThat(sum.get("blocking").asBoolean()).isTrue();
        assertThat(exceptions("rule=REGISTER_ROLLOVER&meter_id=" + meter).get("items").get(0).get("blocking").asBoolean()).isFalse();
    }

    @Test
    void registers_arriving_out_of_order_are_each_judged_against_the_read_before_them() {
        var created = api.post("/api/v1/meters", tenant.admin(), Map.of("serial", "LATE-REG", "make", "HPL", "phase", "1P",
                "category", "CONSUMER", "hes_vendor_id", vendorId, "lifecycle_stage", "IN_SERVICE"));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String meter = created.json().get("id").asString();
        push("LATE-REG", List.of(register(DAY.plusDays(3).atStartOfDay(IST), 30.0))); // the newest read comes first
        push("LATE-REG", List.of(register(DAY.plusDays(1).atStartOfDay(IST), 10.0))); // then the oldest
        push("LATE-REG", List.of(register(DAY.plusDays(2).atStartOfDay(IST), 5.0))); // below the oldest: went backwards
        push("LATE-REG", List.of(register(DAY.plusDays(4).atStartOfDay(IST), 40.0)));

        await("/api/v1/meters/" + meter + "/registers?channel=KWH_IMPORT_TOTAL&from=" + enc(DAY.atStartOfDay(IST)) + "&to="
                + enc(DAY.plusDays(5).atStartOfDay(IST)), tenant.analyst(), body -> body.size() == 4);
        JsonNode found = awaitExceptions("meter_id=" + meter, 1).get("items");
        assertThat(found).hasSize(1);
        assertThat(found.get(0).get("rule").asString()).isEqualTo("REGISTER_DECREASE");
        assertThat(found.get(0).get("detail").get("previous_value").decimalValue()).isEqualByComparingTo("10");
    }

    static final class CtMeter {
        static Double alternating(int slot) {
            return slot % 2 == 0 ? 0.11 : 0.09;
        }
    }

    JsonNode validatedData(String meter, LocalDate day) {
        var response = api.get("/api/v1/billing/validated-data?meter_id=" + meter + "&from=" + enc(day.atStartOfDay(IST))
                + "&to=" + enc(day.plusDays(1).atStartOfDay(IST)), tenant.analyst());
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.json();
    }
}
