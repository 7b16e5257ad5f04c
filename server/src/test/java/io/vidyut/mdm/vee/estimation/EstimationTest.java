package io.vidyut.mdm.vee.estimation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import io.vidyut.mdm.vee.EstimationMethod;
import io.vidyut.mdm.vee.VeePipelineTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.config.ScheduledTaskHolder;
import tools.jackson.databind.JsonNode;

/** Gaps are estimated after the grace period or on demand, flagged with their method, and replaced by late actual data. */
class EstimationTest extends VeePipelineTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 3);

    @Autowired GapEstimation estimation;
    @Autowired ScheduledTaskHolder scheduler;

    @Test
    void the_scheduled_run_is_registered_with_the_delay_and_interval_of_mdm_vee() {
        // the tests' delay (a day, so that tests run estimation themselves) and the default interval
        assertThat(scheduler.getScheduledTasks()).extracting(ScheduledTask::getTask)
                .filteredOn(FixedDelayTask.class::isInstance).map(FixedDelayTask.class::cast)
                .anySatisfy(task -> {
                    assertThat(task.getInitialDelayDuration()).isEqualTo(Duration.ofHours(24));
                    assertThat(task.getIntervalDuration()).isEqualTo(Duration.ofMinutes(5));
                });
    }

    @Test
    void a_short_gap_estimated_on_demand_is_replaced_by_late_actual_data_and_every_version_is_kept() {
        String meter = consumerMeter("GAPPY");
        push("GAPPY", day(DAY, slot -> slot >= 40 && slot <= 43 ? null : load(slot)));
        awaitDay(meter, DAY, 92);

        var estimated = api.post("/api/v1/vee/estimations", tenant.operator(), Map.of("meter_id", meter,
                "from", DAY.atStartOfDay(IST).toOffsetDateTime().toString(), "to", DAY.plusDays(1).atStartOfDay(IST).toOffsetDateTime().toString()));
        assertThat(estimated.status()).as(estimated.raw()).isEqualTo(200);
        assertThat(estimated.json()).hasSize(1);
        assertThat(estimated.json().get(0).get("method").asString()).isEqualTo("LINEAR");
        assertThat(estimated.json().get(0).get("intervals").asInt()).isEqualTo(4);

        JsonNode series = consumption(meter, DAY);
        assertThat(series.get("total").get("intervals").asInt()).isEqualTo(96);
        assertThat(series.get("points").get(41).get("quality").toString()).contains("ESTIMATED");
        JsonNode billing = api.get("/api/v1/billing/validated-data?meter_id=" + meter + "&resolution=1h&from="
                + enc(DAY.atStartOfDay(IST)) + "&to=" + enc(DAY.plusDays(1).atStartOfDay(IST)), tenant.analyst()).json();
        JsonNode tenOClock = billing.get("intervals").get(10);
        assertThat(tenOClock.get("quality").asString()).isEqualTo("ESTIMATED");
        assertThat(tenOClock.get("methods").toString()).contains("LINEAR");
        assertThat(tenOClock.get("value")).isNotNull();
        JsonNode gap = exceptions("rule=GAP&meter_id=" + meter).get("items").get(0);
        assertThat(gap.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(gap.get("resolution").asString()).isEqualTo("ESTIMATED");

        push("GAPPY", day(DAY, slot -> slot >= 40 && slot <= 43 ? 0.33 : null));
        await("/api/v1/meters/" + meter + "/consumption?from=" + enc(slotEnd(DAY, 40).minusMinutes(15)) + "&to=" + enc(slotEnd(DAY, 43)),
                tenant.analyst(), body -> body.get("points").get(1).get("quality").toString().equals("[\"ACTUAL\"]"));
        JsonNode history = api.get("/api/v1/meters/" + meter + "/intervals/history?at=" + enc(slotEnd(DAY, 41)), tenant.analyst()).json();
        List<String> kinds = new ArrayList<>();
        history.get("versions").forEach(v -> kinds.add(v.get("value") == null ? "missing" : v.get("quality").get(0).asString()));
        assertThat(kinds).as("filling a missing slot is not a version; replacing a value is").containsExactly("ESTIMATED", "ACTUAL");
        assertThat(history.get("versions").get(0).get("valid_to")).isNotNull();
        assertThat(history.get("versions").get(1).get("written_by").asString()).startsWith("batch:");
        assertThat(history.get("versions").get(1).get("value").decimalValue()).isEqualByComparingTo("0.33");
    }

    @Test
    void a_dry_run_answers_what_estimation_would_write_and_stores_nothing() {
        String meter = consumerMeter("PREVIEW");
        push("PREVIEW", day(DAY, slot -> slot >= 40 && slot <= 43 ? null : load(slot)));
        awaitDay(meter, DAY, 92);
        Map<String, Object> request = new java.util.HashMap<>(Map.of("meter_id", meter,
                "from", DAY.atStartOfDay(IST).toOffsetDateTime().toString(), "to", DAY.plusDays(1).atStartOfDay(IST).toOffsetDateTime().toString(),
                "dry_run", true));

        var preview = api.post("/api/v1/vee/estimations", tenant.operator(), request);
        assertThat(preview.status()).as(preview.raw()).isEqualTo(200);
        assertThat(preview.json()).singleElement().satisfies(run -> assertThat(run.get("values")).hasSize(4));
        assertThat(consumption(meter, DAY).get("total").get("intervals").asInt()).as("nothing stored").isEqualTo(92);
        assertThat(exceptions("rule=GAP&meter_id=" + meter).get("total").asInt()).isZero();

        var tooLong = api.post("/api/v1/vee/estimations", tenant.operator(), Map.of("meter_id", meter,
                "from", DAY.minusYears(5).atStartOfDay(IST).toOffsetDateTime().toString(),
                "to", DAY.atStartOfDay(IST).toOffsetDateTime().toString()));
        assertThat(tooLong.status()).as("a range is bounded before any of it is loaded").isEqualTo(422);
        assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("to");

        request.remove("dry_run");
        var estimated = api.post("/api/v1/vee/estimations", tenant.operator(), request);
        assertThat(estimated.json().get(0).get("values")).isEqualTo(preview.json().get(0).get("values"));
        JsonNode points = consumption(meter, DAY).get("points");
        for (int i = 0; i < 4; i++) {
            assertThat(points.get(40 + i).get("value").decimalValue())
                    .isEqualByComparingTo(estimated.json().get(0).get("values").get(i).decimalValue());
        }
    }

    @Test
    void a_gap_over_midnight_is_one_gap_and_is_interpolated_straight_across() {
        String meter = consumerMeter("MIDNIGHT");
        List<java.util.Map<String, Object>> rows = new ArrayList<>(day(DAY, slot -> slot >= 94 ? null : 0.2));
        rows.addAll(day(DAY.plusDays(1), slot -> slot == 0 ? null : 0.4));
        push("MIDNIGHT", rows);
        awaitDay(meter, DAY.plusDays(1), 95);
        var estimated = api.post("/api/v1/vee/estimations", tenant.operator(), Map.of("meter_id", meter,
                "from", DAY.atStartOfDay(IST).toOffsetDateTime().toString(), "to", DAY.plusDays(2).atStartOfDay(IST).toOffsetDateTime().toString()));
        assertThat(estimated.json()).hasSize(1);
        assertThat(estimated.json().get(0).get("first_at").asString()).isEqualTo(slotEnd(DAY, 94).toInstant().toString());
        assertThat(estimated.json().get(0).get("last_at").asString()).isEqualTo(slotEnd(DAY.plusDays(1), 0).toInstant().toString());
        JsonNode midnight = api.get("/api/v1/meters/" + meter + "/consumption?from=" + enc(slotEnd(DAY, 93)) + "&to="
                + enc(slotEnd(DAY.plusDays(1), 0)), tenant.analyst()).json();
        assertThat(midnight.get("points").findValues("value")).extracting(JsonNode::decimalValue)
                .usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(new java.math.BigDecimal("0.25"), new java.math.BigDecimal("0.3"), new java.math.BigDecimal("0.35"));
    }

    @Test
    void the_scheduled_run_leaves_fresh_gaps_alone_and_fills_old_long_ones_from_the_dt_profile() {
        String meter = consumerMeter("QUIET");
        String neighbour = consumerMeter("NEIGHBOUR");
        LocalDate yesterday = LocalDate.now(clock.withZone(IST)).minusDays(1);
        push("QUIET", day(yesterday, slot -> slot >= 20 && slot < 40 ? null : 0.2));
        push("NEIGHBOUR", day(yesterday, slot -> slot >= 20 && slot < 40 ? 0.5 : 0.1));
        awaitDay(meter, yesterday, 76);
        awaitDay(neighbour, yesterday, 96);

        Instant beforeGrace = slotEnd(yesterday, 39).toInstant().plusSeconds(3600);
        assertThat(runScheduled(beforeGrace)).as("still inside the 4-hour grace period").isEmpty();
        List<GapEstimation.Estimate> made = runScheduled(slotEnd(yesterday, 39).toInstant().plusSeconds(5 * 3600));
        assertThat(made).singleElement().satisfies(estimate -> {
            assertThat(estimate.method()).as("5 hours: too long for a line, no history, but a DT neighbour").isEqualTo(EstimationMethod.PROFILE);
            assertThat(estimate.intervals()).isEqualTo(20);
        });
        JsonNode series = consumption(meter, yesterday);
        // the neighbour uses 0.1 where this meter uses 0.2: twice its 0.5 in the gap
        assertThat(series.get("points").get(30).get("value").decimalValue()).isEqualByComparingTo("1");
    }

    @Test
    void the_scheduled_run_takes_no_gap_for_a_removed_meter_after_its_last_data() {
        String consumer = registry.consumer("AC-REMOVED", dtId).get("id").asString();
        var created = api.post("/api/v1/meters", tenant.admin(), java.util.Map.of("serial", "REMOVED", "make", "HPL", "phase", "1P",
                "category", "CONSUMER", "lifecycle_stage", "DECOMMISSIONED", "hes_vendor_id", vendorId, "consumer_id", consumer));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        String removed = created.json().get("id").asString();
        String silent = consumerMeter("SILENT");
        LocalDate lastDay = LocalDate.now(clock.withZone(IST)).minusDays(3);
        // both sent a whole day and then nothing for more than a day: one was removed, the other fell silent
        push("REMOVED", day(lastDay, VeePipelineTest::load));
        push("SILENT", day(lastDay, VeePipelineTest::load));
        awaitDay(removed, lastDay, 96);
        awaitDay(silent, lastDay, 96);

        List<GapEstimation.Estimate> made = runScheduled(clock.instant());
        List<String> gaps = new ArrayList<>();
        made.forEach(e -> gaps.add(e.meterId().toString()));
        exceptions("meter_id=" + silent + "&rule=GAP").get("items").forEach(e -> gaps.add(e.get("meter_id").asString()));
        exceptions("meter_id=" + removed + "&rule=GAP").get("items").forEach(e -> gaps.add(e.get("meter_id").asString()));
        assertThat(gaps).as("the silent meter's missing day is a gap (estimated or queued); the removed meter's is none")
                .contains(silent).doesNotContain(removed);
    }

    @Test
    void the_default_order_fills_an_hour_from_like_day_history_and_ten_hours_from_its_shape_scaled_to_the_energy_around_them() {
        String meter = consumerMeter("HISTORY");
        pushHistory("HISTORY", 14, EstimationTest::load);
        push("HISTORY", day(DAY, slot -> (slot >= 20 && slot < 24) || (slot >= 40 && slot < 80) ? null : load(slot)));
        awaitDay(meter, DAY.minusDays(1), 96);
        awaitDay(meter, DAY, 52);

        JsonNode made = estimateDay(meter, DAY);
        assertThat(made).hasSize(2);
        assertThat(made.get(0).get("method").asString()).as("1 hour").isEqualTo("LIKE_DAY");
        assertThat(made.get(1).get("method").asString()).as("10 hours").isEqualTo("LIKE_DAY_SCALED");
        JsonNode points = consumption(meter, DAY).get("points");
        for (int slot : new int[] {20, 23, 40, 61, 79}) {
            assertThat(points.get(slot).get("value").doubleValue()).as("slot " + slot)
                    .isCloseTo(load(slot), org.assertj.core.data.Offset.offset(0.0005));
        }
    }

    @Test
    void register_scaling_spreads_what_the_registers_leave_over_both_gaps_of_the_day_in_proportion_to_the_like_day_shape() {
        String meter = consumerMeter("REGS");
        pushHistory("REGS", 7, EstimationTest::dayAndNight);
        List<Integer> gapSlots = List.of(10, 11, 12, 13, 60, 61, 62, 63);
        double known = 0, likeDay = 0;
        for (int slot = 0; slot < 96; slot++) {
            if (gapSlots.contains(slot)) likeDay += dayAndNight(slot);
            else known += dayAndNight(slot);
        }
        // the registers say the gaps held twice what their slots usually hold
        List<Map<String, Object>> rows = new ArrayList<>(day(DAY, slot -> gapSlots.contains(slot) ? null : dayAndNight(slot)));
        rows.add(register(DAY.atStartOfDay(IST), 1000.0));
        rows.add(register(DAY.plusDays(1).atStartOfDay(IST), round3(1000.0 + known + 2 * likeDay)));
        push("REGS", rows);
        awaitDay(meter, DAY.minusDays(1), 96);
        awaitDay(meter, DAY, 88);

        // as the scheduled run would: the night gap first (the day gap still missing, so nothing to scale yet) ...
        JsonNode night = estimateRange(meter, DAY.atStartOfDay(IST), slotEnd(DAY, 30));
        assertThat(night.get(0).get("method").asString()).isEqualTo("LIKE_DAY");
        // ... then the day gap: the registers' leftover is shared by both, the night's estimates rewritten
        JsonNode day = estimateRange(meter, slotEnd(DAY, 30), DAY.plusDays(1).atStartOfDay(IST));
        assertThat(day.get(0).get("method").asString()).isEqualTo("LIKE_DAY_SCALED");
        JsonNode series = consumption(meter, DAY);
        assertThat(series.get("total").get("value").doubleValue()).as("the day holds exactly the register's advance")
                .isCloseTo(known + 2 * likeDay, org.assertj.core.data.Offset.offset(0.0005));
        for (int slot : gapSlots) {
            // each estimate takes the same factor over its slot's like-day value: none carries the other gap's share
            assertThat(series.get("points").get(slot).get("value").doubleValue()).as("slot " + slot)
                    .isCloseTo(2 * dayAndNight(slot), org.assertj.core.data.Offset.offset(0.0015))
                    .isLessThanOrEqualTo(3 * dayAndNight(slot));
        }
    }

    @Test
    void a_sum_check_over_estimates_informs_but_never_withholds_the_actual_intervals() {
        String meter = dayWithTwoHoursEstimatedAndAnOpeningRegisterOf500("SUMS");
        double day = consumption(meter, DAY).get("total").get("value").doubleValue();

        // the closing register arrives later and disagrees with the day by far more than 2 %: the estimate may be wrong
        push("SUMS", List.of(register(DAY.plusDays(1).atStartOfDay(IST), round3(500.0 + day + 1.0))));
        JsonNode sum = awaitExceptions("rule=SUM_CHECK&meter_id=" + meter, 1).get("items").get(0);
        assertThat(sum.get("blocking").asBoolean()).isFalse();
        assertThat(sum.get("detail").get("estimated_intervals").asInt()).isEqualTo(8);
        JsonNode billing = api.get("/api/v1/billing/validated-data?meter_id=" + meter + "&from=" + enc(DAY.atStartOfDay(IST))
                + "&to=" + enc(DAY.plusDays(1).atStartOfDay(IST)), tenant.analyst()).json();
        assertThat(billing.get("withheld")).isEmpty();
        assertThat(billing.get("intervals").get(0).get("value")).isNotNull();
    }

    @Test
    void actuals_replacing_the_estimates_of_a_day_run_its_sum_check_again_against_actuals_only() {
        String meter = dayWithTwoHoursEstimatedAndAnOpeningRegisterOf500("RESUM");
        double day = consumption(meter, DAY).get("total").get("value").doubleValue();
        push("RESUM", List.of(register(DAY.plusDays(1).atStartOfDay(IST), round3(500.0 + day + 1.0))));
        JsonNode informing = awaitExceptions("rule=SUM_CHECK&meter_id=" + meter, 1).get("items").get(0);
        assertThat(informing.get("blocking").asBoolean()).isFalse();

        // the meter's own values arrive: now the day's intervals are all actual, and they disagree with the register
        push("RESUM", day(DAY, slot -> slot >= 40 && slot < 48 ? load(slot) : null));
        JsonNode judged = await("/api/v1/vee/exceptions?rule=SUM_CHECK&meter_id=" + meter, tenant.operator(),
                body -> body.get("items").get(0).get("blocking").asBoolean()).get("items");
        assertThat(judged).as("the exception about the replaced estimates, opened again by the new judgment").singleElement()
                .satisfies(e -> {
                    assertThat(e.get("id").asString()).isEqualTo(informing.get("id").asString());
                    assertThat(e.get("status").asString()).isEqualTo("OPEN");
                    assertThat(e.get("blocking").asBoolean()).isTrue();
                    JsonNode estimated = e.get("detail").get("estimated_intervals");
                    assertThat(estimated == null ? 0 : estimated.asInt()).isZero();
                });
    }

    @Test
    void a_sum_check_still_withholds_when_the_actual_intervals_alone_exceed_the_register() {
        String meter = dayWithTwoHoursEstimatedAndAnOpeningRegisterOf500("OVER");
        double actual = 0;
        for (int slot = 0; slot < 96; slot++) if (slot < 40 || slot >= 48) actual += load(slot);

        push("OVER", List.of(register(DAY.plusDays(1).atStartOfDay(IST), round3(500.0 + actual - 1.0))));
        JsonNode sum = awaitExceptions("rule=SUM_CHECK&meter_id=" + meter, 1).get("items").get(0);
        assertThat(sum.get("blocking").asBoolean()).as("the actual readings are wrong whatever the estimates hold").isTrue();
    }

    /**
     * A meter with a week of history and DAY pushed without 10:00–12:00, which estimation fills, and a register read
     * of 500 kWh at DAY's start: the day's closing read is the test's to send.
     */
    private String dayWithTwoHoursEstimatedAndAnOpeningRegisterOf500(String serial) {
        String meter = consumerMeter(serial);
        pushHistory(serial, 7, EstimationTest::load);
        List<Map<String, Object>> rows = new ArrayList<>(day(DAY, slot -> slot >= 40 && slot < 48 ? null : load(slot)));
        rows.add(register(DAY.atStartOfDay(IST), 500.0));
        push(serial, rows);
        awaitDay(meter, DAY, 88);
        assertThat(estimateDay(meter, DAY)).hasSize(1);
        return meter;
    }

    /** {@code days} whole days before DAY, each slot from {@code kwh}. */
    private void pushHistory(String serial, int days, java.util.function.IntFunction<Double> kwh) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int d = days; d >= 1; d--) rows.addAll(day(DAY.minusDays(d), kwh));
        push(serial, rows);
    }

    private JsonNode estimateDay(String meter, LocalDate day) {
        return estimateRange(meter, day.atStartOfDay(IST), day.plusDays(1).atStartOfDay(IST));
    }

    private JsonNode estimateRange(String meter, java.time.ZonedDateTime from, java.time.ZonedDateTime to) {
        var estimated = api.post("/api/v1/vee/estimations", tenant.operator(), Map.of("meter_id", meter,
                "from", from.toOffsetDateTime().toString(), "to", to.toOffsetDateTime().toString()));
        assertThat(estimated.status()).as(estimated.raw()).isEqualTo(200);
        return estimated.json();
    }

    /** About 0.1 kWh a quarter-hour by night and 0.3 by day, never flat. */
    private static double dayAndNight(int slot) {
        return (slot < 48 ? 0.1 : 0.3) + (slot % 5) * 0.01;
    }

    private static double round3(double kwh) {
        return Math.round(kwh * 1000) / 1000.0;
    }

    private List<GapEstimation.Estimate> runScheduled(Instant now) {
        return TenantContext.callAs(TenantScope.of(tenant.id(), tenant.code()), () -> estimation.estimateOpenGaps(IST, now));
    }
}
