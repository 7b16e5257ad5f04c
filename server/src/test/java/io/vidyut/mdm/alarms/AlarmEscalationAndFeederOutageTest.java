package io.vidyut.mdm.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.ApiClient;
import io.vidyut.mdm.testing.EventFeed;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.Registry;
import io.vidyut.mdm.testing.TestTenant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Escalation of alarms left open (driven by the job's clock, not by waiting) and feeder outages inferred
 * from the outages of the DTs under a feeder.
 */
class AlarmEscalationAndFeederOutageTest extends IntegrationTest {
    @Autowired AlarmEscalation escalation;

    TestTenant tenant;
    Registry registry;
    String vendorId;
    EventFeed feed;

    @BeforeEach
    void tenantWithAVendorMappingEvents() {
        tenant = newTenant();
        registry = new Registry(api, tenant.admin());
        Registry.EventVendor vendor = registry.eventVendor("ESC");
        vendorId = vendor.id();
        feed = vendor.hes();
    }

    void push(String serial, String at, String code) {
        ApiClient.Response response = feed.push(serial, at, code);
        assertThat(response.status()).as(response.raw()).isEqualTo(202);
    }

    JsonNode alarms(String query) {
        var response = api.get("/api/v1/alarms?" + query, tenant.operator());
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.json();
    }

    void rules(Map<String, Object> rules) {
        var saved = api.put("/api/v1/alarms/rules", tenant.admin(), rules);
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
    }

    int level(String alarmId) {
        return api.get("/api/v1/alarms/" + alarmId, tenant.analyst()).json().get("escalation_level").asInt();
    }

    @Test
    void an_open_alarm_is_escalated_a_level_per_period_of_age_up_to_the_maximum_and_an_acknowledged_one_is_not() {
        rules(Map.of("power_quality_codes", List.of(9), "escalate_after_minutes", 30, "max_escalation_level", 2));
        String m1 = registry.meter("E1", vendorId, null).get("id").asString();
        String m2 = registry.meter("E2", vendorId, null).get("id").asString();
        push("E1", "2026-11-20T10:00:00+05:30", "9");   // low voltage: MINOR
        push("E2", "2026-11-20T10:00:00+05:30", "9");
        String e1 = alarms("meter_id=" + m1).get("items").get(0).get("id").asString();
        String e2 = alarms("meter_id=" + m2).get("items").get(0).get("id").asString();
        assertThat(api.get("/api/v1/alarms/" + e1, tenant.analyst()).json().get("severity").asString()).isEqualTo("MINOR");
        assertThat(api.post("/api/v1/alarms/" + e2 + "/acknowledge", tenant.operator(), null).status()).isEqualTo(200);

        // the job works across tenants (other tests' alarms may escalate too): judge this tenant's alarms
        Instant now = clock.instant();
        escalation.escalateDue(now.plus(Duration.ofMinutes(29)));
        assertThat(level(e1)).as("younger than 30 minutes").isZero();
        escalation.escalateDue(now.plus(Duration.ofMinutes(31)));
        JsonNode once = api.get("/api/v1/alarms/" + e1, tenant.analyst()).json();
        assertThat(once.get("escalation_level").asInt()).isEqualTo(1);
        assertThat(once.get("severity").asString()).isEqualTo("MAJOR");
        assertThat(once.has("escalated_at")).isTrue();
        escalation.escalateDue(now.plus(Duration.ofMinutes(45)));
        assertThat(api.get("/api/v1/alarms/" + e1, tenant.analyst()).json().get("escalated_at").asString())
                .as("level 1 already: not escalated again").isEqualTo(once.get("escalated_at").asString());

        escalation.escalateDue(now.plus(Duration.ofHours(10)));
        JsonNode capped = api.get("/api/v1/alarms/" + e1, tenant.analyst()).json();
        assertThat(capped.get("escalation_level").asInt()).as("max_escalation_level").isEqualTo(2);
        assertThat(capped.get("severity").asString()).isEqualTo("CRITICAL");
        JsonNode acknowledged = api.get("/api/v1/alarms/" + e2, tenant.analyst()).json();
        assertThat(acknowledged.get("escalation_level").asInt()).isZero();
        assertThat(acknowledged.get("severity").asString()).isEqualTo("MINOR");
        escalation.escalateDue(now.plus(Duration.ofDays(3)));
        assertThat(level(e1)).isEqualTo(2);
    }

    @Test
    void without_escalate_after_minutes_nothing_is_escalated_and_bad_values_are_refused() {
        registry.meter("N1", vendorId, null);
        push("N1", "2026-11-20T10:00:00+05:30", "MAGNET");
        escalation.escalateDue(clock.instant().plus(Duration.ofDays(30)));
        assertThat(level(alarms("kind=TAMPER").get("items").get(0).get("id").asString())).isZero();
        var bad = api.put("/api/v1/alarms/rules", tenant.admin(), Map.of("escalate_after_minutes", 0,
                "max_escalation_level", 11, "feeder_outage_share", 0, "feeder_outage_min_dts", 0));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
                "escalate_after_minutes", "max_escalation_level", "feeder_outage_share", "feeder_outage_min_dts");
        JsonNode defaults = api.get("/api/v1/alarms/rules", tenant.analyst()).json();
        assertThat(defaults.has("escalate_after_minutes")).isFalse();
        assertThat(defaults.get("feeder_outage_share").asDouble()).isEqualTo(0.5);
        assertThat(defaults.get("feeder_outage_min_dts").asInt()).isEqualTo(2);
    }

    /** A feeder with {@code dts} DTs of {@code metersPerDt} consumer meters each; serials by DT. */
    List<List<String>> feeder(String prefix, int dts, int metersPerDt) {
        JsonNode first = registry.branch(prefix);
        String feederId = first.get("parent_id").asString();
        List<String> dtIds = new ArrayList<>(List.of(first.get("id").asString()));
        for (int d = 1; d < dts; d++) {
            var dt = api.post("/api/v1/network/nodes", tenant.admin(), new HashMap<>(Map.of("level", "DT",
                    "code", prefix + "-DT" + d, "name", prefix + " DT " + d, "parent_id", feederId)));
            assertThat(dt.status()).as(dt.raw()).isEqualTo(201);
            dtIds.add(dt.json().get("id").asString());
        }
        List<List<String>> serials = new ArrayList<>();
        for (int d = 0; d < dts; d++) {
            List<String> ofDt = new ArrayList<>();
            for (int m = 0; m < metersPerDt; m++) {
                String serial = prefix + "-" + d + "-" + m;
                registry.meter(serial, vendorId, registry.consumer(serial, dtIds.get(d)).get("id").asString());
                ofDt.add(serial);
            }
            serials.add(ofDt);
        }
        return serials;
    }

    @Test
    void dts_out_under_one_feeder_become_one_feeder_alarm_which_closes_on_restoration() {
        List<List<String>> dts = feeder("FDR", 3, 4);
        // DT 0 goes out: a DT alarm (one DT of three is not a feeder outage)
        for (String serial : dts.get(0)) push(serial, "2026-11-20T14:00:00+05:30", "PWR_FAIL");
        assertThat(alarms("kind=DT_OUTAGE&status=OPEN").get("total").asLong()).isEqualTo(1);
        assertThat(alarms("kind=FEEDER_OUTAGE").get("total").asLong()).isZero();

        // DT 1 goes out too: two of three DTs, so one feeder alarm, and the DT alarm is folded into it
        for (String serial : dts.get(1)) push(serial, "2026-11-20T14:01:00+05:30", "PWR_FAIL");
        JsonNode feeders = alarms("kind=FEEDER_OUTAGE");
        assertThat(feeders.get("total").asLong()).isEqualTo(1);
        JsonNode feeder = feeders.get("items").get(0);
        assertThat(feeder.get("status").asString()).isEqualTo("OPEN");
        assertThat(feeder.get("network_node_code").asString()).isEqualTo("FDR-FEEDER");
        assertThat(feeder.get("affected_meters").asInt()).isEqualTo(8);
        assertThat(feeder.get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(alarms("kind=DT_OUTAGE&status=OPEN").get("total").asLong()).as("no alarm per DT").isZero();
        JsonNode folded = alarms("kind=DT_OUTAGE").get("items").get(0);
        assertThat(folded.get("resolved_by").asString()).isEqualTo("system");
        assertThat(folded.get("note").asString()).contains("Part of the feeder outage " + feeder.get("id").asString());

        // the third DT's meters fail as well: still that one feeder alarm, now with every meter
        for (String serial : dts.get(2)) push(serial, "2026-11-20T14:02:00+05:30", "PWR_FAIL");
        assertThat(alarms("kind=FEEDER_OUTAGE").get("total").asLong()).isEqualTo(1);
        assertThat(alarms("kind=FEEDER_OUTAGE").get("items").get(0).get("affected_meters").asInt()).isEqualTo(12);
        assertThat(alarms("kind=DT_OUTAGE&status=OPEN").get("total").asLong()).isZero();

        // restoration of DTs 0 and 1: 4 of 12 meters still out (not below 10 %), the feeder alarm stays
        for (int d = 0; d < 2; d++) for (String serial : dts.get(d)) push(serial, "2026-11-20T15:00:00+05:30", "PWR_BACK");
        JsonNode partly = alarms("kind=FEEDER_OUTAGE").get("items").get(0);
        assertThat(partly.get("status").asString()).isEqualTo("OPEN");
        assertThat(partly.get("affected_meters").asInt()).isEqualTo(4);
        // 3 of DT 2's 4 meters come back: 1 of 12 out, the feeder alarm closes
        for (String serial : dts.get(2).subList(0, 3)) push(serial, "2026-11-20T15:05:00+05:30", "PWR_BACK");
        JsonNode closed = alarms("kind=FEEDER_OUTAGE").get("items").get(0);
        assertThat(closed.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(closed.get("resolved_by").asString()).isEqualTo("system");
        assertThat(alarms("kind=DT_OUTAGE&status=OPEN").get("total").asLong())
                .as("1 of DT 2's 4 meters is below the DT outage share").isZero();
    }

    @Test
    void a_dt_still_out_when_its_feeder_is_restored_gets_its_own_alarm_back() {
        rules(Map.of("feeder_outage_share", 0.5, "feeder_outage_min_dts", 2, "outage_clear_share", 0.4));
        List<List<String>> dts = feeder("FB", 4, 3);
        for (int d = 0; d < 2; d++) for (String serial : dts.get(d)) push(serial, "2026-11-20T14:00:00+05:30", "PWR_FAIL");
        assertThat(alarms("kind=FEEDER_OUTAGE&status=OPEN").get("total").asLong()).isEqualTo(1);
        // DT 0 comes back: 3 of 12 meters out, below the clear share of 40 %: the feeder alarm closes, DT 1 is still out
        for (String serial : dts.get(0)) push(serial, "2026-11-20T16:00:00+05:30", "PWR_BACK");
        assertThat(alarms("kind=FEEDER_OUTAGE&status=OPEN").get("total").asLong()).isZero();
        JsonNode dtAlarms = alarms("kind=DT_OUTAGE&status=OPEN");
        assertThat(dtAlarms.get("total").asLong()).isEqualTo(1);
        assertThat(dtAlarms.get("items").get(0).get("network_node_code").asString()).isEqualTo("FB-DT1");
        assertThat(dtAlarms.get("items").get(0).get("affected_meters").asInt()).isEqualTo(3);
    }
}
