package io.vidyut.mdm.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.EventFeed;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.Registry;
import io.vidyut.mdm.testing.TestTenant;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Power-quality limits on the average voltages of pushed readings, through the real ingestion pipeline. */
class VoltageQualityTest extends IntegrationTest {
    TestTenant tenant;
    String vendorKey;
    String meterId;

    @BeforeEach
    void meterWithAVendor() {
        tenant = newTenant();
        Registry registry = new Registry(api, tenant.admin());
        JsonNode vendor = registry.vendor("PQ");
        String vendorId = vendor.get("vendor").get("id").asString();
        vendorKey = vendor.get("api_key").asString();
        assertThat(api.put("/api/v1/hes-vendors/" + vendorId + "/mapping", tenant.admin(), EventFeed.MAPPING).status()).isEqualTo(200);
        meterId = registry.meter("V1", vendorId, null).get("id").asString();
    }

    /** One interval of kWh and R-phase average voltage. */
    void push(String end, double volts) {
        String payload = "{\"meters\": [{\"serial\": \"V1\", \"intervals\": [{\"end\": \"" + end
                + "\", \"values\": {\"1.0.1.29.0.255\": 0.2, \"1.0.32.27.0.255\": " + volts + "}}]}]}";
        var response = api.send("POST", "/api/v1/meters/readings", null, payload, "application/json", Map.of("X-API-Key", vendorKey));
        assertThat(response.status()).as(response.raw()).isEqualTo(202);
    }

    /**
     * Polls the list until its items satisfy {@code until} (items, not the total: the list and its count are two
     * statements, and the alarm may commit between them).
     */
    JsonNode awaitAlarms(String query, Predicate<JsonNode> until) {
        return await("/api/v1/alarms?" + query, tenant.operator(), until);
    }

    @Test
    void over_voltage_raises_a_power_quality_alarm_that_closes_when_a_later_interval_is_back_within_limits() {
        push("2026-11-20T10:15:00+05:30", 231.5);
        push("2026-11-20T10:30:00+05:30", 262.4);   // above 230 V + 10 % = 253 V
        JsonNode raised = awaitAlarms("kind=POWER_QUALITY", page -> page.get("items").size() == 1);
        assertThat(raised.get("items")).hasSize(1);
        JsonNode alarm = raised.get("items").get(0);
        assertThat(alarm.get("title").asString()).isEqualTo("Over-voltage from readings: 262.4 V on phase R (limit 253.0 V)");
        assertThat(alarm.get("severity").asString()).isEqualTo("MAJOR");
        assertThat(alarm.get("code").asInt()).isEqualTo(7);
        assertThat(alarm.get("meter_id").asString()).isEqualTo(meterId);
        assertThat(alarm.get("first_at").asString()).isEqualTo("2026-11-20T05:00:00Z");

        push("2026-11-20T10:45:00+05:30", 240.0);
        JsonNode resolved = awaitAlarms("kind=POWER_QUALITY&status=RESOLVED", page -> page.get("items").size() == 1);
        assertThat(resolved.get("items")).hasSize(1);
        assertThat(resolved.get("items").get(0).get("resolved_by").asString()).isEqualTo("system");
        assertThat(resolved.get("items").get(0).get("note").asString()).contains("back within limits");
    }

    @Test
    void low_voltage_follows_the_tenants_limit_and_a_supply_failure_is_not_low_voltage() {
        var saved = api.put("/api/v1/alarms/rules", tenant.admin(), Map.of("voltage_low_percent", 5));
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        push("2026-11-20T11:15:00+05:30", 0.0);     // no supply: ignored
        push("2026-11-20T11:30:00+05:30", 215.0);   // below 230 V − 5 % = 218.5 V
        JsonNode raised = awaitAlarms("kind=POWER_QUALITY", page -> page.get("items").size() >= 1);
        assertThat(raised.get("items")).hasSize(1);
        JsonNode alarm = raised.get("items").get(0);
        assertThat(alarm.get("title").asString()).isEqualTo("Low voltage from readings: 215.0 V on phase R (limit 218.5 V)");
        assertThat(alarm.get("severity").asString()).isEqualTo("MINOR");
        assertThat(alarm.get("first_at").asString()).isEqualTo("2026-11-20T06:00:00Z");

        var bad = api.put("/api/v1/alarms/rules", tenant.admin(), Map.of("voltage_low_percent", 0, "voltage_high_percent", 60));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
                "voltage_low_percent", "voltage_high_percent");
    }
}
