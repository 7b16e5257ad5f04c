package io.vidyut.mdm.vee;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Gaps are estimated after the grace period or on demand, flagged with their method, and replaced by late actual data. */
class EstimationTest extends VeePipelineTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 3);

    @Autowired GapEstimation estimation;

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
    void an_edit_in_a_month_no_reading_has_reached_yet_is_applied() {
        String meter = consumerMeter("FIRST-IN-MONTH");
        LocalDate untouched = LocalDate.of(2019, 2, 10); // no test writes this month: its partition does not exist yet
        var applied = api.post("/api/v1/vee/edits", tenant.operator(), body("meter_ids", List.of(meter), "channel", "KWH_IMPORT",
                "from", slotEnd(untouched, 39).toOffsetDateTime().toString(), "to", slotEnd(untouched, 40).toOffsetDateTime().toString(),
                "action", "SET", "value", 0.4, "reason_code", "METER_FAULT"));
        assertThat(applied.status()).as(applied.raw()).isEqualTo(201);
        assertThat(consumption(meter, untouched).get("points").get(40).get("value").decimalValue()).isEqualByComparingTo("0.4");
    }

    @Test
    void edits_state_a_reason_stay_in_their_tenant_respect_locked_periods_outrank_resends_and_are_announced_to_billing() {
        String meter = consumerMeter("CORRECTED");
        push("CORRECTED", day(DAY, VeePipelineTest::load));
        awaitDay(meter, DAY, 96);
        String from = slotEnd(DAY, 20).toOffsetDateTime().toString(), to = slotEnd(DAY, 21).toOffsetDateTime().toString();
        assertThat(api.get("/api/v1/billing/validated-data?meter_id=" + meter + "&from=" + enc(DAY.atStartOfDay(IST)) + "&to="
                + enc(DAY.plusDays(1).atStartOfDay(IST)), tenant.analyst()).status()).isEqualTo(200); // billing takes the day

        Map<String, Object> edit = body("meter_ids", List.of(meter), "channel", "KWH_IMPORT", "from", from, "to", to,
                "action", "SET", "value", 0.5);
        var noReason = api.post("/api/v1/vee/edits", tenant.operator(), edit);
        assertThat(noReason.status()).isEqualTo(422);
        assertThat(noReason.json().get("errors").get(0).get("field").asString()).isEqualTo("reason_code");
        edit.put("reason_code", "METER_FAULT");
        assertThat(api.post("/api/v1/vee/edits", newTenant().admin(), edit).status()).as("another tenant's meter").isEqualTo(404);
        var badReason = api.post("/api/v1/vee/edits", tenant.operator(), body("meter_ids", List.of(meter), "channel", "KWH_IMPORT",
                "from", from, "to", to, "action", "SET", "value", 0.5, "reason_code", "BECAUSE"));
        assertThat(badReason.status()).isEqualTo(422);
        assertThat(badReason.raw()).contains("reason_code");

        var applied = api.post("/api/v1/vee/edits", tenant.operator(), edit);
        assertThat(applied.status()).as(applied.raw()).isEqualTo(201);
        assertThat(applied.json().get(0).get("status").asString()).isEqualTo("APPLIED");
        JsonNode edited = consumption(meter, DAY);
        assertThat(edited.get("points").get(20).get("value").decimalValue()).isEqualByComparingTo("0.5");
        assertThat(edited.get("points").get(20).get("quality").toString()).contains("EDITED");

        push("CORRECTED", day(DAY, slot -> slot == 20 || slot == 21 ? load(slot) : null)); // the HES sends the old values again
        push("CORRECTED", day(DAY, slot -> slot == 22 ? 0.29 : null));
        await("/api/v1/meters/" + meter + "/consumption?from=" + enc(slotEnd(DAY, 21)) + "&to=" + enc(slotEnd(DAY, 22)),
                tenant.analyst(), body -> body.get("points").get(0).get("value").decimalValue().compareTo(new java.math.BigDecimal("0.29")) == 0);
        assertThat(consumption(meter, DAY).get("points").get(20).get("value").decimalValue()).as("the edit stands").isEqualByComparingTo("0.5");

        JsonNode history = api.get("/api/v1/meters/" + meter + "/intervals/history?at=" + enc(slotEnd(DAY, 20)), tenant.analyst()).json();
        assertThat(history.get("versions")).hasSize(2);
        assertThat(history.get("versions").get(0).get("quality").get(0).asString()).isEqualTo("ACTUAL");
        assertThat(history.get("versions").get(1).get("written_by").asString()).contains(tenant.code() + ".operator");

        JsonNode notices = api.get("/api/v1/billing/corrections", tenant.analyst()).json();
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0).get("meter_id").asString()).isEqualTo(meter);
        assertThat(notices.get(0).get("edit_id").asString()).isEqualTo(applied.json().get(0).get("id").asString());

        var lock = api.post("/api/v1/billing/period-locks", tenant.admin(), Map.of("first_day", DAY.toString(), "last_day", DAY.toString()));
        assertThat(lock.status()).as(lock.raw()).isEqualTo(201);
        var locked = api.post("/api/v1/vee/edits", tenant.operator(), edit);
        assertThat(locked.status()).isEqualTo(409);
        assertThat(locked.json().get("detail").asString()).contains("locked");
    }

    @Test
    void edits_wait_for_a_second_person_when_the_tenant_requires_approval_and_bulk_edits_span_meters() {
        String first = consumerMeter("APPROVE1");
        String second = consumerMeter("APPROVE2");
        push("APPROVE1", day(DAY, VeePipelineTest::load));
        push("APPROVE2", day(DAY, VeePipelineTest::load));
        awaitDay(first, DAY, 96);
        awaitDay(second, DAY, 96);
        assertThat(api.put("/api/v1/vee/settings/DEFAULT", tenant.admin(), Map.of("edit_approval_required", true)).status()).isEqualTo(200);

        var pending = api.post("/api/v1/vee/edits", tenant.admin(), body("meter_ids", List.of(first, second), "channel", "KWH_IMPORT",
                "from", slotEnd(DAY, 0).toOffsetDateTime().toString(), "to", slotEnd(DAY, 3).toOffsetDateTime().toString(),
                "action", "SCALE", "factor", 2, "reason_code", "CT_PT_CORRECTION"));
        assertThat(pending.status()).as(pending.raw()).isEqualTo(201);
        assertThat(pending.json()).hasSize(2);
        assertThat(pending.json().get(0).get("status").asString()).isEqualTo("PENDING");
        assertThat(pending.json().get(0).get("bulk_id").asString()).isEqualTo(pending.json().get(1).get("bulk_id").asString());
        assertThat(consumption(first, DAY).get("points").get(0).get("value").decimalValue()).isEqualByComparingTo("0.1");

        String id = pending.json().get(0).get("id").asString();
        assertThat(api.post("/api/v1/vee/edits/" + id + "/approve", tenant.admin(), Map.of()).status()).as("not by who asked").isEqualTo(403);
        assertThat(api.post("/api/v1/vee/edits/" + id + "/approve", tenant.operator(), Map.of()).status()).as("operators cannot approve").isEqualTo(403);
        String secondAdmin = secondAdmin();
        var approved = api.post("/api/v1/vee/edits/" + id + "/approve", secondAdmin, Map.of());
        assertThat(approved.status()).as(approved.raw()).isEqualTo(200);
        assertThat(approved.json().get("status").asString()).isEqualTo("APPLIED");
        assertThat(consumption(first, DAY).get("points").get(0).get("value").decimalValue()).isEqualByComparingTo("0.2");
        assertThat(api.post("/api/v1/vee/edits/" + pending.json().get(1).get("id").asString() + "/reject", secondAdmin, Map.of())
                .json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(consumption(second, DAY).get("points").get(0).get("value").decimalValue()).isEqualByComparingTo("0.1");
    }

    private String secondAdmin() {
        String username = tenant.code() + ".admin2";
        assertThat(api.post("/api/v1/users", tenant.admin(), Map.of("username", username, "password", PASSWORD,
                "roles", List.of("TENANT_ADMIN"))).status()).isEqualTo(201);
        return api.signIn(username, PASSWORD);
    }

    private List<GapEstimation.Estimate> runScheduled(Instant now) {
        return TenantContext.callAs(TenantScope.of(tenant.id(), tenant.code()), () -> estimation.estimateOpenGaps(IST, now));
    }
}
