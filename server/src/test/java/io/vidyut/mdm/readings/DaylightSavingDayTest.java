package io.vidyut.mdm.readings;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.Registry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A tenant in a zone with daylight saving: the local day the clocks go back holds 25 hours (100 quarter hours) and the
 * day they go forward 23 (92), in the store, in the consumption read back and in the day's completeness.
 */
class DaylightSavingDayTest extends IntegrationTest {
    static final Map<String, Object> MAPPING = Map.of("format", "JSON", "rows", "meters[*].intervals[*]",
            "fields", Map.of("meter", "^.serial", "timestamp", "end", "values", "values"));

    String admin;
    String apiKey;
    String meterId;

    @BeforeEach
    void londonTenantWithOneMeter() {
        String code = "dst" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String platform = platformAdmin();
        assertThat(api.post("/api/v1/platform/tenants", platform, Map.of("code", code, "name", "London DISCOM",
                "time_zone", "Europe/London")).status()).isEqualTo(201);
        assertThat(api.post("/api/v1/platform/tenants/" + code + "/admins", platform, Map.of("username", code + ".admin",
                "password", PASSWORD, "roles", List.of("TENANT_ADMIN"))).status()).isEqualTo(201);
        admin = api.signIn(code + ".admin", PASSWORD);
        Registry registry = new Registry(api, admin);
        JsonNode vendor = registry.vendor("UK");
        String vendorId = vendor.get("vendor").get("id").asString();
        apiKey = vendor.get("api_key").asString();
        assertThat(api.put("/api/v1/hes-vendors/" + vendorId + "/mapping", admin, MAPPING).status()).isEqualTo(200);
        meterId = registry.meter("UK1", vendorId, null).get("id").asString();
    }

    @Test
    void the_day_the_clocks_go_back_holds_one_hundred_quarter_hours() {
        // local 2026-10-25 runs from 23:00 UTC the day before (BST) to 00:00 UTC the day after (GMT)
        assertDayHolds("2026-10-25", Instant.parse("2026-10-24T23:00:00Z"), 100);
    }

    @Test
    void the_day_the_clocks_go_forward_holds_ninety_two_quarter_hours() {
        // local 2026-03-29 runs from 00:00 UTC (GMT) to 23:00 UTC (BST)
        assertDayHolds("2026-03-29", Instant.parse("2026-03-29T00:00:00Z"), 92);
    }

    private void assertDayHolds(String day, Instant start, int quarterHours) {
        StringBuilder intervals = new StringBuilder();
        for (int i = 1; i <= quarterHours; i++) {
            if (i > 1) intervals.append(',');
            intervals.append("{\"end\": \"").append(start.plus(Duration.ofMinutes(15L * i)))
                    .append("\", \"values\": {\"1.0.1.29.0.255\": 0.1}}");
        }
        var pushed = api.send("POST", "/api/v1/meters/readings", null, "{\"meters\": [{\"serial\": \"UK1\", \"intervals\": ["
                + intervals + "]}]}", "application/json", Map.of("X-API-Key", apiKey));
        assertThat(pushed.status()).as(pushed.raw()).isEqualTo(202);
        assertThat(pushed.json().get("values_rejected").asInt()).isZero();

        String from = start.toString(), to = start.plus(Duration.ofMinutes(15L * quarterHours)).toString();
        JsonNode series = await("/api/v1/meters/" + meterId + "/consumption?from=" + from + "&to=" + to, admin,
                body -> body.get("total").get("intervals").asInt() >= quarterHours);
        assertThat(series.get("total").get("intervals").asInt()).isEqualTo(quarterHours);
        assertThat(series.get("total").get("value").decimalValue()).isEqualByComparingTo(String.valueOf(quarterHours / 10.0));

        JsonNode completeness = api.get("/api/v1/ingest/completeness?day=" + day, admin).json();
        JsonNode vendor = completeness.get("vendors").get(0);
        assertThat(vendor.get("expected_intervals").asInt()).isEqualTo(quarterHours);
        assertThat(vendor.get("received_intervals").asInt()).isEqualTo(quarterHours);
    }
}
