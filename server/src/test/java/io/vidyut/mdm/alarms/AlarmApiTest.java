package io.vidyut.mdm.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import io.vidyut.mdm.testing.ApiClient;
import io.vidyut.mdm.testing.EventFeed;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.Registry;
import io.vidyut.mdm.testing.TestTenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Alarm rules applied to pushed events: tampers, power quality, DT outage inference, lifecycle, communication loss. */
class AlarmApiTest extends IntegrationTest {
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    TestTenant tenant;
    Registry registry;
    String vendorId;
    EventFeed feed;
    String meterId;

    @BeforeEach
    void tenantWithAVendorMappingEvents() {
        tenant = newTenant();
        registry = new Registry(api, tenant.admin());
        Registry.EventVendor vendor = registry.eventVendor("ALM");
        vendorId = vendor.id();
        feed = vendor.hes();
        meterId = registry.meter("A1", vendorId, null).get("id").asString();
    }

    ApiClient.Response push(String serial, String at, String code) {
        var response = feed.push(serial, at, code);
        assertThat(response.status()).as(response.raw()).isEqualTo(202);
        return response;
    }

    JsonNode alarms(String query) {
        var response = api.get("/api/v1/alarms?" + query, tenant.operator());
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.json();
    }

    @Test
    void a_tamper_raises_one_alarm_and_its_repeats_are_counted_not_raised_again() {
        push("A1", "2026-11-20T10:00:00+05:30", "MAGNET");
        push("A1", "2026-11-20T10:30:00+05:30", "MAGNET");
        push("A1", "2026-11-20T10:40:00+05:30", "202");

        JsonNode list = alarms("kind=TAMPER");
        assertThat(list.get("total").asLong()).isEqualTo(1);
        JsonNode alarm = list.get("items").get(0);
        assertThat(alarm.get("title").asString()).isEqualTo("Magnet influence");
        assertThat(alarm.get("meter_serial").asString()).isEqualTo("A1");
        assertThat(alarm.get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(alarm.get("status").asString()).as("a tamper stays until people resolve it").isEqualTo("OPEN");
        assertThat(alarm.get("occurrences").asInt()).isEqualTo(2);
        assertThat(alarm.get("first_at").asString()).isEqualTo("2026-11-20T04:30:00Z");
        assertThat(alarm.get("last_at").asString()).isEqualTo("2026-11-20T05:00:00Z");
        assertThat(alarms("kind=POWER_QUALITY").get("total").asLong()).isZero();
    }

    @Test
    void an_alarm_is_acknowledged_then_resolved_with_who_and_when_and_only_in_that_order() {
        push("A1", "2026-11-20T11:00:00+05:30", "251");
        String id = alarms("status=OPEN").get("items").get(0).get("id").asString();

        assertThat(api.post("/api/v1/alarms/" + id + "/acknowledge", tenant.analyst(), null).status()).isEqualTo(403);
        var acknowledged = api.post("/api/v1/alarms/" + id + "/acknowledge", tenant.operator(), Map.of("note", "crew sent"));
        assertThat(acknowledged.status()).as(acknowledged.raw()).isEqualTo(200);
        assertThat(acknowledged.json().get("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.json().get("acknowledged_by").asString()).isEqualTo(tenant.code() + ".operator");
        assertThat(acknowledged.json().has("acknowledged_at")).isTrue();
        assertThat(api.post("/api/v1/alarms/" + id + "/acknowledge", tenant.operator(), null).status()).isEqualTo(409);

        var resolved = api.post("/api/v1/alarms/" + id + "/resolve", tenant.admin(), Map.of("note", "seal replaced"));
        assertThat(resolved.json().get("status").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.json().get("resolved_by").asString()).isEqualTo(tenant.code() + ".admin");
        assertThat(resolved.json().get("note").asString()).isEqualTo("seal replaced");
        assertThat(api.post("/api/v1/alarms/" + id + "/resolve", tenant.admin(), null).status()).isEqualTo(409);

        push("A1", "2026-11-21T11:00:00+05:30", "251");
        assertThat(alarms("kind=TAMPER").get("total").asLong()).as("a new tamper after resolution is a new alarm").isEqualTo(2);
        assertThat(api.post("/api/v1/alarms/" + id + "/resolve", newTenant().admin(), null).status()).isEqualTo(404);
    }

    @Test
    void a_power_quality_alarm_closes_itself_on_the_restoration() {
        push("A1", "2026-11-20T12:00:00+05:30", "7");
        assertThat(alarms("kind=POWER_QUALITY&status=OPEN").get("total").asLong()).isEqualTo(1);
        push("A1", "2026-11-20T12:10:00+05:30", "8");
        JsonNode alarm = alarms("kind=POWER_QUALITY").get("items").get(0);
        assertThat(alarm.get("status").asString()).isEqualTo("RESOLVED");
        assertThat(alarm.get("resolved_by").asString()).isEqualTo("system");
    }

    @Test
    void an_outage_under_a_50_meter_dt_raises_exactly_one_dt_alarm_and_closes_on_restoration() throws Exception {
        String dtId = registry.branch("OUT").get("id").asString();
        List<String> serials = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String consumer = registry.consumer("OUT-" + i, dtId).get("id").asString();
            registry.meter("OUT-" + i, vendorId, consumer);
            serials.add("OUT-" + i);
        }
        // every meter reports its failure in its own batch, all at once: concurrent batches still make one alarm
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> pushes = new ArrayList<>();
            for (int i = 0; i < serials.size(); i++) {
                String at = "2026-11-20T14:00:" + String.format("%02d", i) + "+05:30";
                String serial = serials.get(i);
                pushes.add(pool.submit(() -> push(serial, at, "PWR_FAIL")));
            }
            for (Future<?> push : pushes) push.get();
        } finally {
            pool.shutdown();
        }
        JsonNode outages = alarms("kind=DT_OUTAGE");
        assertThat(outages.get("total").asLong()).isEqualTo(1);
        JsonNode outage = outages.get("items").get(0);
        assertThat(outage.get("network_node_code").asString()).isEqualTo("OUT-DT");
        assertThat(outage.get("status").asString()).isEqualTo("OPEN");
        assertThat(outage.get("affected_meters").asInt()).isEqualTo(50);
        assertThat(alarms("meter_id=" + meterId).get("total").asLong()).isZero();

        for (int i = 0; i < 45; i++) push(serials.get(i), "2026-11-20T15:00:00+05:30", "PWR_BACK");
        JsonNode restored = alarms("kind=DT_OUTAGE").get("items").get(0);
        assertThat(restored.get("status").asString()).isEqualTo("OPEN");
        assertThat(restored.get("affected_meters").asInt()).isEqualTo(5);
        push(serials.get(45), "2026-11-20T15:00:00+05:30", "PWR_BACK");
        JsonNode closed = alarms("kind=DT_OUTAGE").get("items").get(0);
        assertThat(closed.get("status").asString()).as("fewer than 10 % still out").isEqualTo("RESOLVED");
        assertThat(closed.get("resolved_by").asString()).isEqualTo("system");
        assertThat(alarms("kind=DT_OUTAGE").get("total").asLong()).isEqualTo(1);
    }

    @Test
    void a_few_meters_failing_under_a_dt_is_not_an_outage() {
        String dtId = registry.branch("FEW").get("id").asString();
        for (int i = 0; i < 4; i++) {
            registry.meter("FEW-" + i, vendorId, registry.consumer("FEW-" + i, dtId).get("id").asString());
        }
        push("FEW-0", "2026-11-20T14:00:00+05:30", "101");
        // a second failure long after the first is outside the 5-minute window
        push("FEW-1", "2026-11-20T16:00:00+05:30", "101");
        assertThat(alarms("kind=DT_OUTAGE").get("total").asLong()).isZero();
        push("FEW-2", "2026-11-20T16:01:00+05:30", "101");
        assertThat(alarms("kind=DT_OUTAGE").get("total").asLong()).as("2 of 4 within the window").isEqualTo(1);
    }

    @Test
    void rules_are_validated_field_by_field_and_take_effect_for_the_tenant() {
        var bad = api.put("/api/v1/alarms/rules", tenant.admin(), Map.of("tamper_codes", List.of(202, 999),
                "outage_share", 1.5, "outage_window_seconds", 1));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
                "tamper_codes", "tamper_codes", "outage_share", "outage_window_seconds");
        assertThat(api.put("/api/v1/alarms/rules", tenant.operator(), Map.of()).status()).isEqualTo(403);

        var saved = api.put("/api/v1/alarms/rules", tenant.admin(), Map.of("tamper_codes", List.of(251)));
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        assertThat(api.get("/api/v1/alarms/rules", tenant.analyst()).json().get("tamper_codes").get(0).asInt()).isEqualTo(251);
        push("A1", "2026-11-20T10:00:00+05:30", "MAGNET");
        assertThat(alarms("kind=TAMPER").get("total").asLong()).as("magnet is no tamper rule any more").isZero();
    }

    @Test
    void meters_silent_for_the_configured_period_are_reported_as_communication_loss() {
        String quiet = registry.meter("QUIET", vendorId, null).get("id").asString();
        push("A1", "2026-11-20T10:00:00+05:30", "151");
        push("QUIET", "2026-11-20T10:00:00+05:30", "151");
        TenantContext.runAs(TenantScope.of(tenant.id(), tenant.code()), () -> transactions.executeWithoutResult(s ->
                jdbc.sql("update meter_last_seen set seen_at = ? where meter_id = ?")
                        .params(java.sql.Timestamp.from(clock.instant().minus(java.time.Duration.ofHours(30))),
                                UUID.fromString(quiet)).update()));

        JsonNode report = api.get("/api/v1/alarms/communication-loss", tenant.analyst()).json();
        assertThat(report.get("items").findValuesAsString("serial")).containsExactly("QUIET");
        assertThat(api.get("/api/v1/alarms/communication-loss?silent_hours=48", tenant.analyst()).json()
                .get("total").asLong()).isZero();
    }
}
