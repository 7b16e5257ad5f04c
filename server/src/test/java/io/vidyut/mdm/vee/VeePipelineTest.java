package io.vidyut.mdm.vee;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.ApiClient;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.Registry;
import io.vidyut.mdm.testing.TestTenant;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A tenant with a REST vendor, a DT and consumers, and helpers to push days of readings through the real pipeline. */
public abstract class VeePipelineTest extends IntegrationTest {
    protected static final JsonMapper JSON = JsonMapper.builder().build();
    protected static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    protected static final String IMPORT = "1.0.1.29.0.255";
    protected static final String REGISTER = "1.0.1.8.0.255";
    protected static final Map<String, Object> MAPPING = Map.of("format", "JSON", "rows", "meters[*].intervals[*]",
            "fields", Map.of("meter", "^.serial", "timestamp", "end", "values", "values", "batch_id", "batch_id"));

    protected TestTenant tenant;
    protected Registry registry;
    protected String vendorId;
    protected String apiKey;
    protected String dtId;
    private int batches;

    @BeforeEach
    void tenantWithAVendorAndADt() {
        tenant = newTenant();
        registry = new Registry(api, tenant.admin());
        JsonNode vendor = registry.vendor("ACME");
        vendorId = vendor.get("vendor").get("id").asString();
        apiKey = vendor.get("api_key").asString();
        assertThat(api.put("/api/v1/hes-vendors/" + vendorId + "/mapping", tenant.admin(), MAPPING).status()).isEqualTo(200);
        dtId = registry.branch("B").get("id").asString();
    }

    /** A consumer meter (2 kW sanctioned) on the DT; returns its id. */
    protected String consumerMeter(String serial) {
        String consumer = registry.consumer("AC-" + serial, dtId).get("id").asString();
        return registry.meter(serial, vendorId, consumer).get("id").asString();
    }

    protected static ZonedDateTime slotEnd(LocalDate day, int slot) {
        return day.atStartOfDay(IST).plusMinutes(15L * (slot + 1));
    }

    /** One interval row per slot the function gives a value for (null: not sent), voltage 230 V alongside. */
    protected static List<Map<String, Object>> day(LocalDate day, IntFunction<Double> kwh) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int slot = 0; slot < 96; slot++) {
            Double value = kwh.apply(slot);
            if (value == null) continue;
            rows.add(Map.of("end", slotEnd(day, slot).toOffsetDateTime().toString(),
                    "values", Map.of(IMPORT, value, "1.0.32.27.0.255", 230)));
        }
        return rows;
    }

    protected static Map<String, Object> register(ZonedDateTime at, double kwh) {
        return Map.of("end", at.toOffsetDateTime().toString(), "values", Map.of(REGISTER, kwh));
    }

    /** A realistic-looking load: never flat, never a spike. */
    protected static double load(int slot) {
        return 0.1 + (slot % 7) * 0.01;
    }

    protected void push(String serial, List<Map<String, Object>> rows) {
        Map<String, Object> payload = Map.of("batch_id", "B" + (++batches) + "-" + System.nanoTime(),
                "meters", List.of(Map.of("serial", serial, "intervals", rows)));
        ApiClient.Response receipt = api.send("POST", "/api/v1/meters/readings", null, JSON.writeValueAsString(payload),
                "application/json", Map.of("X-API-Key", apiKey));
        assertThat(receipt.status()).as(receipt.raw()).isEqualTo(202);
    }

    protected JsonNode exceptions(String query) {
        ApiClient.Response response = api.get("/api/v1/vee/exceptions?" + query, tenant.operator());
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.json();
    }

    protected JsonNode awaitExceptions(String query, int count) {
        return await("/api/v1/vee/exceptions?" + query, tenant.operator(), body -> body.get("items").size() >= count);
    }

    protected JsonNode consumption(String meterId, LocalDate day) {
        return api.get("/api/v1/meters/" + meterId + "/consumption?from=" + enc(day.atStartOfDay(IST)) + "&to="
                + enc(day.plusDays(1).atStartOfDay(IST)), tenant.analyst()).json();
    }

    protected JsonNode awaitDay(String meterId, LocalDate day, long intervals) {
        return await("/api/v1/meters/" + meterId + "/consumption?from=" + enc(day.atStartOfDay(IST)) + "&to="
                + enc(day.plusDays(1).atStartOfDay(IST)), tenant.analyst(), body -> body.get("total").get("intervals").asLong() >= intervals);
    }

    protected static String enc(Object value) {
        return URLEncoder.encode(value instanceof ZonedDateTime z ? z.toOffsetDateTime().toString() : value.toString(),
                StandardCharsets.UTF_8);
    }

    protected static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> body = new HashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) body.put((String) keyValues[i], keyValues[i + 1]);
        return body;
    }
}
