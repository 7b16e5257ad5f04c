package io.vidyut.mdm.vee.edits;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.vee.VeePipelineTest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * People's edits through the API: each states a reason, stays in its tenant, respects billing's locked periods,
 * outranks a re-send, is announced to billing, and waits for a second person when the tenant asks for approval.
 */
class EditApiTest extends VeePipelineTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 3);

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
        assertThat(notices.findValuesAsString("cause")).as("the edit, then the re-send changing slot 22 of the taken day")
                .containsExactly("EDIT", "RESEND");
        assertThat(notices.get(0).get("meter_id").asString()).isEqualTo(meter);
        assertThat(notices.get(0).get("edit_id").asString()).isEqualTo(applied.json().get(0).get("id").asString());
        assertThat(notices.get(1).get("first_at").asString()).isEqualTo(slotEnd(DAY, 22).toInstant().toString());

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
}
