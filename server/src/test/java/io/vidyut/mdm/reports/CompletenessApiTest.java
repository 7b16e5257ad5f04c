package io.vidyut.mdm.reports;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.ApiClient;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.Registry;
import io.vidyut.mdm.testing.TestTenant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Completeness per vendor through the real pipeline: readings pushed by an HES, validated as they are stored
 * (a spike is withheld), a gap estimated, meters not in service left out, and another tenant's figures unseen.
 */
class CompletenessApiTest extends IntegrationTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    static final LocalDate DAY = LocalDate.of(2026, 11, 3);
    static final Map<String, Object> MAPPING = Map.of("format", "JSON", "rows", "meters[*].intervals[*]",
            "fields", Map.of("meter", "^.serial", "timestamp", "end", "values", "values", "batch_id", "batch_id"));

    @Test
    void intervals_received_and_validated_per_vendor_and_the_ingest_rate_stay_inside_the_tenant() {
        TestTenant tenant = newTenant();
        Registry registry = new Registry(api, tenant.admin());
        JsonNode vendor = registry.vendor("ACME");
        String vendorId = vendor.get("vendor").get("id").asString();
        String apiKey = vendor.get("api_key").asString();
        assertThat(api.put("/api/v1/hes-vendors/" + vendorId + "/mapping", tenant.admin(), MAPPING).status()).isEqualTo(200);
        registry.vendor("IDLE");
        String dt = registry.branch("C").get("id").asString();
        registry.meter("FULL", vendorId, registry.consumer("AC-FULL", dt).get("id").asString());
        String half = registry.meter("HALF", vendorId, registry.consumer("AC-HALF", dt).get("id").asString()).get("id").asString();
        var store = api.post("/api/v1/meters", tenant.admin(), Map.of("serial", "SHELF", "make", "HPL", "phase", "1P",
                "category", "CONSUMER", "hes_vendor_id", vendorId));
        assertThat(store.status()).as("a meter still in inventory is expected to send nothing").isEqualTo(201);

        // a whole day with one spike (blocking: withheld), and half a day with a two-interval hole
        push(apiKey, "FULL", day(slot -> slot == 40 ? 0.74 : load(slot)));
        push(apiKey, "HALF", day(slot -> slot < 48 && slot != 10 && slot != 11 ? load(slot) : null));

        String path = "/api/v1/ingest/completeness?day=" + DAY;
        JsonNode acme = vendor(await(path, tenant.operator(), body -> vendor(body, "ACME").get("received_intervals").asLong() >= 142), "ACME");
        assertThat(acme.get("meters").asLong()).as("in service only").isEqualTo(2);
        assertThat(acme.get("expected_intervals").asLong()).isEqualTo(192);
        assertThat(acme.get("received_intervals").asLong()).isEqualTo(96 + 46);
        assertThat(acme.get("estimated_intervals").asLong()).isZero();
        assertThat(acme.get("validated_intervals").asLong()).as("the spike is withheld").isEqualTo(141);
        assertThat(acme.get("received_share").decimalValue()).isEqualByComparingTo("0.7396");
        assertThat(acme.get("validated_share").decimalValue()).isEqualByComparingTo("0.7344");
        assertThat(acme.get("batches").asLong()).isEqualTo(2);
        assertThat(acme.get("rows_accepted").asLong()).isEqualTo(142);
        assertThat(acme.get("rows_per_minute").decimalValue()).isEqualByComparingTo("2.37");

        JsonNode idle = vendor(api.get(path, tenant.analyst()).json(), "IDLE");
        assertThat(idle.get("meters").asLong()).isZero();
        assertThat(idle.get("expected_intervals").asLong()).isZero();
        assertThat(idle.has("received_share")).as("no share of nothing").isFalse();

        // the hole estimated: estimates are not received, but they are validated
        var estimated = api.post("/api/v1/vee/estimations", tenant.operator(), Map.of("meter_id", half,
                "from", DAY.atStartOfDay(IST).toOffsetDateTime().toString(), "to", slotEnd(20).toOffsetDateTime().toString()));
        assertThat(estimated.status()).as(estimated.raw()).isIn(200, 201);
        acme = vendor(await(path, tenant.operator(), body -> vendor(body, "ACME").get("estimated_intervals").asLong() >= 2), "ACME");
        assertThat(acme.get("estimated_intervals").asLong()).isEqualTo(2);
        assertThat(acme.get("received_intervals").asLong()).isEqualTo(142);
        assertThat(acme.get("validated_intervals").asLong()).isEqualTo(143);

        // accepting the spike releases it
        JsonNode spikes = api.get("/api/v1/vee/exceptions?rule=SPIKE&status=OPEN", tenant.operator()).json();
        assertThat(spikes.get("total").asInt()).isEqualTo(1);
        var accepted = api.post("/api/v1/vee/exceptions/" + spikes.get("items").get(0).get("id").asString() + "/resolve",
                tenant.operator(), Map.of("action", "ACCEPT", "reason_code", "OTHER", "note", "a real load"));
        assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
        assertThat(vendor(api.get(path, tenant.operator()).json(), "ACME").get("validated_intervals").asLong()).isEqualTo(144);

        // another tenant sees its own vendor only, with nothing received
        TestTenant other = newTenant();
        new Registry(api, other.admin()).vendor("ACME");
        JsonNode theirs = api.get(path, other.operator()).json();
        assertThat(theirs.get("vendors")).hasSize(1);
        assertThat(vendor(theirs, "ACME").get("received_intervals").asLong()).isZero();
        assertThat(vendor(theirs, "ACME").get("batches").asLong()).isZero();
        assertThat(vendor(theirs, "ACME").get("vendor_id").asString()).isNotEqualTo(vendorId);

        // today by default; roles and bad input
        ApiClient.Response today = api.get("/api/v1/ingest/completeness", tenant.analyst());
        assertThat(today.status()).as(today.raw()).isEqualTo(200);
        assertThat(today.json().get("day").asString()).isEqualTo(LocalDate.now(clock.withZone(IST)).toString());
        assertThat(today.json().get("rate_window_minutes").asInt()).isEqualTo(60);
        assertThat(api.get(path, tenant.fieldTech()).status()).isEqualTo(403);
        ApiClient.Response bad = api.get(path + "&window_minutes=0", tenant.operator());
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.raw()).contains("window_minutes");
    }

    private static JsonNode vendor(JsonNode body, String code) {
        for (JsonNode v : body.get("vendors")) if (v.get("vendor_code").asString().equals(code)) return v;
        throw new AssertionError("no vendor " + code + " in " + body);
    }

    static ZonedDateTime slotEnd(int slot) {
        return DAY.atStartOfDay(IST).plusMinutes(15L * (slot + 1));
    }

    static double load(int slot) {
        return 0.1 + (slot % 7) * 0.01;
    }

    static List<Map<String, Object>> day(IntFunction<Double> kwh) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int slot = 0; slot < 96; slot++) {
            Double value = kwh.apply(slot);
            if (value != null) {
                rows.add(Map.of("end", slotEnd(slot).toOffsetDateTime().toString(), "values", Map.of("1.0.1.29.0.255", value)));
            }
        }
        return rows;
    }

    private void push(String apiKey, String serial, List<Map<String, Object>> rows) {
        Map<String, Object> payload = Map.of("batch_id", serial + "-" + System.nanoTime(),
                "meters", List.of(Map.of("serial", serial, "intervals", rows)));
        ApiClient.Response receipt = api.send("POST", "/api/v1/meters/readings", null, JSON.writeValueAsString(payload),
                "application/json", Map.of("X-API-Key", apiKey));
        assertThat(receipt.status()).as(receipt.raw()).isEqualTo(202);
    }
}
