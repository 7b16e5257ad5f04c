package io.vidyut.mdm.ingest;

import io.vidyut.mdm.ingest.pipeline.BatchRecovery;
import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import io.vidyut.mdm.testing.ApiClient;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.Registry;
import io.vidyut.mdm.testing.TestTenant;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** HES push over REST: durable acceptance, per-row rejections, idempotency, versions, multipliers, onboarding. */
public class IngestApiTest extends IntegrationTest {
    static final JsonMapper JSON = JsonMapper.builder().build();
    public static final Map<String, Object> VENDOR_A_MAPPING = Map.of("format", "JSON", "rows", "meters[*].intervals[*]",
            "fields", Map.of("meter", "^.serial", "timestamp", "end", "values", "values", "batch_id", "batch_id"));

    @Autowired JdbcClient jdbc;
    @Autowired BatchRecovery recovery;
    @Autowired TransactionTemplate transactions;

    TestTenant tenant;
    Registry registry;
    String vendorId;
    String apiKey;
    String meterId;

    @BeforeEach
    void tenantWithAMappedVendorAndMeters() {
        tenant = newTenant();
        registry = new Registry(api, tenant.admin());
        JsonNode vendor = registry.vendor("ACME");
        vendorId = vendor.get("vendor").get("id").asString();
        apiKey = vendor.get("api_key").asString();
        assertThat(api.put("/api/v1/hes-vendors/" + vendorId + "/mapping", tenant.admin(), VENDOR_A_MAPPING).status())
                .isEqualTo(200);
        meterId = registry.meter("M1", vendorId, null).get("id").asString();
    }

    public static String intervals(String batchId, String serial, String firstEnd, int count, double kwh) {
        StringBuilder rows = new StringBuilder();
        Instant end = java.time.OffsetDateTime.parse(firstEnd).toInstant();
        for (int i = 0; i < count; i++) {
            if (i > 0) rows.append(',');
            rows.append("{\"end\": \"").append(end.plus(Duration.ofMinutes(15L * i)).atOffset(java.time.ZoneOffset.ofHoursMinutes(5, 30)))
                    .append("\", \"values\": {\"1.0.1.29.0.255\": ").append(kwh).append(", \"1.0.32.27.0.255\": 230}}");
        }
        return "{\"batch_id\": \"" + batchId + "\", \"meters\": [{\"serial\": \"" + serial + "\", \"intervals\": [" + rows + "]}]}";
    }

    ApiClient.Response push(String payload) {
        return api.send("POST", "/api/v1/meters/readings", null, payload, "application/json", Map.of("X-API-Key", apiKey));
    }

    JsonNode awaitIntervals(String meter, String from, String to, String resolution, long expected) {
        long deadline = System.nanoTime() / 1_000_000 + 15_000;
        JsonNode series;
        do {
            var response = api.get("/api/v1/meters/" + meter + "/consumption?from=" + enc(from) + "&to=" + enc(to)
                    + "&resolution=" + resolution, tenant.analyst());
            assertThat(response.status()).as(response.raw()).isEqualTo(200);
            series = response.json();
            if (series.get("total").get("intervals").asLong() >= expected) return series;
            sleep(100);
        } while (System.nanoTime() / 1_000_000 < deadline);
        return series;
    }

    @Test
    void a_batch_is_acknowledged_stored_and_read_back_at_every_resolution() {
        var receipt = push(intervals("B1", "M1", "2026-11-20T10:15:00+05:30", 8, 0.25));
        assertThat(receipt.status()).as(receipt.raw()).isEqualTo(202);
        assertThat(receipt.json().get("status").asString()).isEqualTo("ACCEPTED");
        assertThat(receipt.json().get("values_accepted").asInt()).isEqualTo(16);

        JsonNode quarter = awaitIntervals(meterId, "2026-11-20T10:00:00+05:30", "2026-11-20T12:00:00+05:30", "15m", 8);
        assertThat(quarter.get("points")).hasSize(8);
        assertThat(quarter.get("points").get(0).get("value").decimalValue()).isEqualByComparingTo("0.25");
        assertThat(quarter.get("points").get(0).get("quality").get(0).asString()).isEqualTo("ACTUAL");
        assertThat(quarter.get("total").get("value").decimalValue()).isEqualByComparingTo("2");
        assertThat(quarter.get("total").get("completeness").decimalValue()).isEqualByComparingTo("1");

        JsonNode hourly = awaitIntervals(meterId, "2026-11-20T10:00:00+05:30", "2026-11-20T12:00:00+05:30", "1h", 8);
        assertThat(hourly.get("points").findValues("value")).extracting(JsonNode::decimalValue)
                .usingElementComparator(java.math.BigDecimal::compareTo).containsExactly(
                        java.math.BigDecimal.ONE, java.math.BigDecimal.ONE);
        JsonNode daily = awaitIntervals(meterId, "2026-11-20T00:00:00+05:30", "2026-11-21T00:00:00+05:30", "1d", 8);
        assertThat(daily.get("points")).hasSize(1);
        assertThat(daily.get("points").get(0).get("intervals").asInt()).isEqualTo(8);
        assertThat(daily.get("points").get(0).get("expected_intervals").asInt()).isEqualTo(96);
        JsonNode voltage = api.get("/api/v1/meters/" + meterId + "/consumption?from=" + enc("2026-11-20T10:00:00+05:30")
                + "&to=" + enc("2026-11-20T12:00:00+05:30") + "&resolution=1h&channel=VOLTAGE_R_AVG", tenant.analyst()).json();
        assertThat(voltage.get("points").get(0).get("value").decimalValue()).isEqualByComparingTo("230");

        JsonNode storage = api.get("/api/v1/platform/storage", platformAdmin()).json();
        assertThat(storage.get("interval_values").asLong()).isGreaterThanOrEqualTo(16);
        assertThat(storage.get("bytes_per_interval_value").decimalValue()).isPositive();
    }

    @Test
    void storage_per_tenant_counts_each_tenant_s_own_values_and_gives_a_tenant_without_data_no_bytes() {
        TestTenant empty = newTenant();
        assertThat(push(intervals("B-STORE", "M1", "2026-11-20T10:15:00+05:30", 8, 0.25)).status()).isEqualTo(202);
        awaitIntervals(meterId, "2026-11-20T10:00:00+05:30", "2026-11-20T12:00:00+05:30", "15m", 8);

        JsonNode tenants = api.get("/api/v1/platform/storage/tenants", platformAdmin()).json();
        JsonNode mine = storageOf(tenants, tenant.code());
        assertThat(mine.get("interval_values").asLong()).as("8 intervals of energy and voltage").isEqualTo(16);
        assertThat(mine.get("register_values").asLong()).isZero();
        assertThat(mine.get("estimated_bytes").asLong()).isPositive();
        JsonNode none = storageOf(tenants, empty.code());
        assertThat(none.get("interval_values").asLong()).isZero();
        assertThat(none.get("estimated_bytes").asLong()).isZero();
        assertThat(api.get("/api/v1/platform/storage/tenants", tenant.admin()).status()).isEqualTo(403);
    }

    private static JsonNode storageOf(JsonNode tenants, String code) {
        return java.util.stream.StreamSupport.stream(tenants.spliterator(), false)
                .filter(t -> t.get("tenant_code").asString().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void rows_that_cannot_be_stored_are_rejected_listed_and_quarantined_while_good_rows_are_kept() {
        JsonNode other = new Registry(api, tenant.admin()).vendor("OTHER");
        registry.meter("OTHER1", other.get("vendor").get("id").asString(), null);
        String payload = """
                {"batch_id": "B-MIXED", "meters": [
                  {"serial": "M1", "intervals": [{"end": "2026-11-20T10:15:00+05:30", "values": {"1.0.1.29.0.255": 0.2, "7.7.7.7.7.7": 1}}]},
                  {"serial": "GHOST", "intervals": [{"end": "2026-11-20T10:15:00+05:30", "values": {"1.0.1.29.0.255": 0.2}}]},
                  {"serial": "OTHER1", "intervals": [{"end": "2026-11-20T10:15:00+05:30", "values": {"1.0.1.29.0.255": 0.2}}]}]}""";
        var receipt = push(payload).json();
        assertThat(receipt.get("values_accepted").asInt()).isEqualTo(1);
        assertThat(receipt.get("values_rejected").asInt()).isEqualTo(3);
        assertThat(receipt.get("rejections").findValuesAsString("reason")).satisfiesExactlyInAnyOrder(
                r -> assertThat(r).contains("unknown code 7.7.7.7.7.7"),
                r -> assertThat(r).contains("unknown meter GHOST"),
                r -> assertThat(r).contains("not served by this HES vendor"));

        JsonNode quarantine = api.get("/api/v1/quarantine?vendor_id=" + vendorId, tenant.operator()).json();
        assertThat(quarantine.get("total").asLong()).isEqualTo(3);
        assertThat(quarantine.get("items").findValuesAsString("raw")).anyMatch(raw -> raw.contains("GHOST") || raw.contains("20T10:15"));
        awaitIntervals(meterId, "2026-11-20T10:00:00+05:30", "2026-11-20T10:15:00+05:30", "15m", 1);
    }

    @Test
    void the_same_batch_again_changes_nothing_and_returns_the_first_receipt() {
        String payload = intervals("B-TWICE", "M1", "2026-11-21T10:15:00+05:30", 4, 0.3);
        String firstId = push(payload).json().get("batch_id").asString();
        var second = push(payload);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("status").asString()).isEqualTo("DUPLICATE");
        assertThat(second.json().get("batch_id").asString()).isEqualTo(firstId);
        // without any batch id, the payload's hash identifies it
        String anonymous = intervals("", "M1", "2026-11-21T12:15:00+05:30", 1, 0.3).replace("\"batch_id\": \"\", ", "");
        assertThat(push(anonymous).status()).isEqualTo(202);
        assertThat(push(anonymous).status()).isEqualTo(200);
    }

    @Test
    void a_different_value_for_a_stored_interval_is_a_new_version_and_the_old_one_is_kept() {
        push(intervals("V1", "M1", "2026-11-22T10:15:00+05:30", 4, 0.3));
        awaitIntervals(meterId, "2026-11-22T10:00:00+05:30", "2026-11-22T11:00:00+05:30", "15m", 4);
        push(intervals("V2", "M1", "2026-11-22T10:15:00+05:30", 1, 0.9));

        long deadline = System.nanoTime() / 1_000_000 + 15_000;
        JsonNode series;
        do {
            series = awaitIntervals(meterId, "2026-11-22T10:00:00+05:30", "2026-11-22T11:00:00+05:30", "15m", 4);
            if (series.get("points").get(0).get("value").decimalValue().compareTo(new java.math.BigDecimal("0.9")) == 0) break;
            sleep(100);
        } while (System.nanoTime() / 1_000_000 < deadline);
        assertThat(series.get("points").get(0).get("value").decimalValue()).isEqualByComparingTo("0.9");
        assertThat(series.get("points").get(1).get("value").decimalValue()).isEqualByComparingTo("0.3");

        List<Integer> history = TenantContext.callAs(TenantScope.of(tenant.id(), tenant.code()), () -> transactions.execute(s ->
                jdbc.sql("select (vals)[43] from interval_day_history where meter_id = ? and channel = 1 order by version")
                        .param(UUID.fromString(meterId)).query(Integer.class).list()));
        assertThat(history).as("0.3 kWh in tenths of a Wh").containsExactly(3000);
        Integer version = TenantContext.callAs(TenantScope.of(tenant.id(), tenant.code()), () -> transactions.execute(s ->
                jdbc.sql("select version from interval_day where meter_id = ? and channel = 1")
                        .param(UUID.fromString(meterId)).query(Integer.class).single()));
        assertThat(version).isEqualTo(2);
    }

    @Test
    void dt_meter_energy_is_multiplied_by_its_ct_and_pt_ratios() {
        String dtId = registry.branch("N").get("id").asString();
        String dtMeter = api.post("/api/v1/meters", tenant.admin(), Map.of("serial", "DTM1", "make", "HPL", "phase", "3P",
                "category", "DT", "ct_ratio", 40, "network_node_id", dtId, "hes_vendor_id", vendorId,
                "lifecycle_stage", "IN_SERVICE")).json().get("id").asString();
        push(intervals("DT-B1", "DTM1", "2026-11-20T10:15:00+05:30", 1, 0.01));
        JsonNode series = awaitIntervals(dtMeter, "2026-11-20T10:00:00+05:30", "2026-11-20T10:15:00+05:30", "15m", 1);
        assertThat(series.get("total").get("value").decimalValue()).isEqualByComparingTo("0.4");
        JsonNode voltage = api.get("/api/v1/meters/" + dtMeter + "/consumption?from=" + enc("2026-11-20T10:00:00+05:30")
                + "&to=" + enc("2026-11-20T10:15:00+05:30") + "&channel=VOLTAGE_R_AVG", tenant.analyst()).json();
        assertThat(voltage.get("total").get("value").decimalValue()).as("voltage is not scaled by CT").isEqualByComparingTo("230");
    }

    @Test
    void a_fourth_vendor_with_its_own_csv_shape_is_onboarded_by_configuration_alone() {
        var created = api.post("/api/v1/hes-vendors", tenant.admin(), Map.of("code", "FOURTH", "name", "Fourth HES",
                "protocol", "FILE", "ip_allowlist", List.of("127.0.0.1/32", "::1/128"))).json();
        String fourthId = created.get("vendor").get("id").asString();
        var mapping = api.put("/api/v1/hes-vendors/" + fourthId + "/mapping", tenant.admin(), Map.of(
                "format", "CSV", "timestamp_format", "PATTERN", "timestamp_pattern", "dd/MM/yyyy HH:mm",
                "interval_stamp", "START", "csv_delimiter", ";",
                "fields", Map.of("meter", "Serial", "timestamp", "Start", "code", "Register", "value", "Reading"),
                "codes", Map.of("IMP_KWH", "KWH_IMPORT"), "units", Map.of("KWH_IMPORT", Map.of("unit", "Wh"))));
        assertThat(mapping.status()).as(mapping.raw()).isEqualTo(200);
        String fourthMeter = registry.meter("F-100", fourthId, null).get("id").asString();

        String csv = "Serial;Start;Register;Reading\nF-100;20/11/2026 10:00;IMP_KWH;125\nF-100;20/11/2026 10:15;IMP_KWH;175\n";
        var receipt = api.send("POST", "/api/v1/meters/readings", null, csv, "text/csv",
                Map.of("X-API-Key", created.get("api_key").asString()));
        assertThat(receipt.status()).as(receipt.raw()).isEqualTo(202);
        JsonNode series = awaitIntervals(fourthMeter, "2026-11-20T10:00:00+05:30", "2026-11-20T10:30:00+05:30", "15m", 2);
        assertThat(series.get("total").get("value").decimalValue()).isEqualByComparingTo("0.3");
    }

    @Test
    void a_day_keeps_one_interval_length_and_readings_of_another_are_quarantined_not_stuck() {
        push(intervals("LEN-15", "M1", "2026-11-25T10:15:00+05:30", 1, 0.1));
        awaitIntervals(meterId, "2026-11-25T10:00:00+05:30", "2026-11-25T10:15:00+05:30", "15m", 1);
        Map<String, Object> thirty = new java.util.HashMap<>(VENDOR_A_MAPPING);
        thirty.put("interval_minutes", 30);
        api.put("/api/v1/hes-vendors/" + vendorId + "/mapping", tenant.admin(), thirty);
        push(intervals("LEN-30", "M1", "2026-11-25T11:00:00+05:30", 1, 0.2));
        long deadline = System.nanoTime() / 1_000_000 + 15_000;
        JsonNode quarantine;
        do {
            quarantine = api.get("/api/v1/quarantine?vendor_id=" + vendorId, tenant.operator()).json();
            // items, not total: the list and its count are two statements and the row may commit between them
            if (!quarantine.get("items").isEmpty()) break;
            sleep(100);
        } while (System.nanoTime() / 1_000_000 < deadline);
        assertThat(quarantine.get("items").findValuesAsString("reason")).anyMatch(r -> r.contains("15-minute intervals, not 30"));
    }

    @Test
    void intervals_are_derived_from_cumulative_registers_when_a_vendor_sends_only_those() {
        var created = api.post("/api/v1/hes-vendors", tenant.admin(), Map.of("code", "CUMUL", "name", "Registers only",
                "protocol", "REST", "ip_allowlist", List.of("127.0.0.1/32", "::1/128"))).json();
        String cumulativeVendor = created.get("vendor").get("id").asString();
        var saved = api.put("/api/v1/hes-vendors/" + cumulativeVendor + "/mapping", tenant.admin(), Map.of("format", "CSV",
                "fields", Map.of("meter", "meter", "timestamp", "at", "code", "obis", "value", "kwh"),
                "derive_intervals", Map.of("KWH_IMPORT_TOTAL", "KWH_IMPORT")));
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        String meter = registry.meter("REG-1", cumulativeVendor, null).get("id").asString();
        Map<String, String> key = Map.of("X-API-Key", created.get("api_key").asString());

        api.send("POST", "/api/v1/meters/readings", null, """
                meter,at,obis,kwh
                REG-1,2026-11-20T10:00:00+05:30,1.0.1.8.0.255,1000.000
                REG-1,2026-11-20T10:15:00+05:30,1.0.1.8.0.255,1000.250
                REG-1,2026-11-20T10:30:00+05:30,1.0.1.8.0.255,1000.600
                """, "text/csv", key);
        // the next read arrives alone, right behind: its start value is derived from the store once the first batch is in
        api.send("POST", "/api/v1/meters/readings", null, "meter,at,obis,kwh\nREG-1,2026-11-20T10:45:00+05:30,1.0.1.8.0.255,1001.000\n",
                "text/csv", key);
        JsonNode series = awaitIntervals(meter, "2026-11-20T10:00:00+05:30", "2026-11-20T11:00:00+05:30", "15m", 3);
        assertThat(series.get("points").findValues("value")).extracting(JsonNode::decimalValue)
                .usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(new java.math.BigDecimal("0.25"), new java.math.BigDecimal("0.35"), new java.math.BigDecimal("0.4"));
        assertThat(series.get("points").get(0).get("quality").toString()).contains("DERIVED");
        assertThat(api.get("/api/v1/meters/" + meter + "/registers?from=" + enc("2026-11-20T00:00:00+05:30") + "&to="
                + enc("2026-11-21T00:00:00+05:30"), tenant.analyst()).json()).hasSize(4);

        // a read that arrives after the one following it (the HES re-read the meter late) still closes both intervals
        api.send("POST", "/api/v1/meters/readings", null, "meter,at,obis,kwh\nREG-1,2026-11-20T11:15:00+05:30,1.0.1.8.0.255,1001.500\n",
                "text/csv", key);
        api.send("POST", "/api/v1/meters/readings", null, "meter,at,obis,kwh\nREG-1,2026-11-20T11:00:00+05:30,1.0.1.8.0.255,1001.200\n",
                "text/csv", key);
        JsonNode late = awaitIntervals(meter, "2026-11-20T10:45:00+05:30", "2026-11-20T11:15:00+05:30", "15m", 2);
        assertThat(late.get("points").findValues("value")).extracting(JsonNode::decimalValue)
                .usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(new java.math.BigDecimal("0.2"), new java.math.BigDecimal("0.3"));
    }

    @Test
    void an_interval_the_meter_sent_outranks_one_derived_from_its_registers_and_the_derived_one_is_kept_and_flagged() {
        var created = api.post("/api/v1/hes-vendors", tenant.admin(), Map.of("code", "BOTH", "name", "Blocks and registers",
                "protocol", "REST", "ip_allowlist", List.of("127.0.0.1/32", "::1/128"))).json();
        String bothVendor = created.get("vendor").get("id").asString();
        assertThat(api.put("/api/v1/hes-vendors/" + bothVendor + "/mapping", tenant.admin(), Map.of("format", "CSV",
                "fields", Map.of("meter", "meter", "timestamp", "at", "code", "obis", "value", "kwh"),
                "derive_intervals", Map.of("KWH_IMPORT_TOTAL", "KWH_IMPORT"))).status()).isEqualTo(200);
        String meter = registry.meter("BOTH-1", bothVendor, null).get("id").asString();

        api.send("POST", "/api/v1/meters/readings", null, """
                meter,at,obis,kwh
                BOTH-1,2026-11-20T12:00:00+05:30,1.0.1.8.0.255,2000.000
                BOTH-1,2026-11-20T12:15:00+05:30,1.0.1.8.0.255,2000.300
                BOTH-1,2026-11-20T12:15:00+05:30,1.0.1.29.0.255,0.280
                """, "text/csv", Map.of("X-API-Key", created.get("api_key").asString()));
        JsonNode series = awaitIntervals(meter, "2026-11-20T12:00:00+05:30", "2026-11-20T12:15:00+05:30", "15m", 1);
        assertThat(series.get("points").get(0).get("value").decimalValue()).isEqualByComparingTo("0.28");
        JsonNode versions = api.get("/api/v1/meters/" + meter + "/intervals/history?at=" + enc("2026-11-20T12:15:00+05:30"),
                tenant.analyst()).json().get("versions");
        assertThat(versions.findValues("value")).extracting(JsonNode::decimalValue)
                .usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(new java.math.BigDecimal("0.3"), new java.math.BigDecimal("0.28"));
        JsonNode flagged = api.get("/api/v1/vee/exceptions?rule=DUPLICATE_IN_BATCH&meter_id=" + meter, tenant.analyst()).json();
        assertThat(flagged.get("items")).singleElement().satisfies(e -> assertThat(e.get("detail").get("intervals"))
                .singleElement().satisfies(interval -> {
                    assertThat(interval.get("first_value").decimalValue()).isEqualByComparingTo("0.3");
                    assertThat(interval.get("value").decimalValue()).isEqualByComparingTo("0.28");
                }));
    }

    @Test
    void quarantined_rows_are_redriven_once_the_registry_is_fixed() {
        push(intervals("Q1", "LATECOMER", "2026-11-20T10:15:00+05:30", 2, 0.5));
        // two rows of two values each: every rejected value is kept with its row
        assertThat(api.get("/api/v1/quarantine?vendor_id=" + vendorId, tenant.operator()).json().get("total").asLong()).isEqualTo(4);
        String meter = registry.meter("LATECOMER", vendorId, null).get("id").asString();

        var redrive = api.post("/api/v1/quarantine/redrive", tenant.operator(), Map.of("vendor_id", vendorId));
        assertThat(redrive.status()).as(redrive.raw()).isEqualTo(200);
        assertThat(redrive.json().get("rows_redriven").asInt()).isEqualTo(2);
        awaitIntervals(meter, "2026-11-20T10:00:00+05:30", "2026-11-20T10:30:00+05:30", "15m", 2);
        assertThat(api.get("/api/v1/quarantine?vendor_id=" + vendorId, tenant.operator()).json().get("total").asLong()).isZero();
        assertThat(api.get("/api/v1/quarantine?status=REDRIVEN&vendor_id=" + vendorId, tenant.operator()).json()
                .get("total").asLong()).isEqualTo(4);
    }

    @Test
    void test_parse_shows_what_would_be_stored_and_stores_nothing() {
        var response = api.post("/api/v1/hes-vendors/" + vendorId + "/test-parse", tenant.operator(), Map.of(
                "payload", intervals("TP", "M1", "2026-11-23T10:15:00+05:30", 2, 0.125)));
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        assertThat(response.json().get("values")).hasSize(4);
        assertThat(response.json().get("values").get(0).get("meter_id").asString()).isEqualTo(meterId);
        assertThat(response.json().get("values").get(0).get("value").decimalValue()).isEqualByComparingTo("0.125");
        sleep(300);
        JsonNode series = api.get("/api/v1/meters/" + meterId + "/consumption?from=" + enc("2026-11-23T10:00:00+05:30")
                + "&to=" + enc("2026-11-23T11:00:00+05:30"), tenant.analyst()).json();
        assertThat(series.get("total").get("intervals").asLong()).isZero();
    }

    @Test
    void mappings_are_versioned_and_validated_on_save() {
        assertThat(api.put("/api/v1/hes-vendors/" + vendorId + "/mapping", tenant.admin(), VENDOR_A_MAPPING).json()
                .get("version").asInt()).isEqualTo(2);
        assertThat(api.get("/api/v1/hes-vendors/" + vendorId + "/mapping/versions", tenant.analyst()).json()
                .findValuesAsString("version")).containsExactly("2", "1");
        var bad = api.put("/api/v1/hes-vendors/" + vendorId + "/mapping", tenant.admin(), Map.of("format", "JSON",
                "interval_minutes", 7, "fields", Map.of("meter", "m")));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").findValuesAsString("field")).contains("interval_minutes", "rows");
    }

    @Test
    void a_batch_acknowledged_but_not_stored_before_a_crash_is_redriven() {
        var receipt = push(intervals("CRASH", "M1", "2026-11-24T10:15:00+05:30", 4, 0.5)).json();
        awaitIntervals(meterId, "2026-11-24T10:00:00+05:30", "2026-11-24T11:00:00+05:30", "15m", 4);
        // the state a killed process leaves: batch durable, its readings never reached the store
        UUID batchId = UUID.fromString(receipt.get("batch_id").asString());
        TenantContext.runAs(TenantScope.of(tenant.id(), tenant.code()), () -> transactions.executeWithoutResult(s -> {
            jdbc.sql("delete from interval_day where meter_id = ?").param(UUID.fromString(meterId)).update();
            jdbc.sql("delete from ingest_batch_part where batch_id = ?").param(batchId).update();
            jdbc.sql("update ingest_batch set completed_at = null where id = ?").param(batchId).update();
        }));
        assertThat(awaitIntervals(meterId, "2026-11-24T10:00:00+05:30", "2026-11-24T11:00:00+05:30", "15m", 0)
                .get("total").get("intervals").asLong()).isZero();

        assertThat(recovery.redriveOpenBatches(clock.instant())).isGreaterThanOrEqualTo(1);

        JsonNode series = awaitIntervals(meterId, "2026-11-24T10:00:00+05:30", "2026-11-24T11:00:00+05:30", "15m", 4);
        assertThat(series.get("total").get("value").decimalValue()).isEqualByComparingTo("2");
        long deadline = System.nanoTime() / 1_000_000 + 10_000;
        boolean completed = false;
        while (!completed && System.nanoTime() / 1_000_000 < deadline) {
            completed = Boolean.TRUE.equals(TenantContext.callAs(TenantScope.of(tenant.id(), tenant.code()), () ->
                    transactions.execute(s -> jdbc.sql("select completed_at is not null from ingest_batch where id = ?")
                            .param(batchId).query(Boolean.class).single())));
            sleep(100);
        }
        assertThat(completed).as("batch marked complete once every part is stored").isTrue();
    }

    @Test
    void unreadable_payloads_and_unmapped_vendors_get_problems() {
        var malformed = push("{\"meters\": [");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.isProblem()).isTrue();
        JsonNode unmapped = registry.vendor("NOMAP");
        var response = api.send("POST", "/api/v1/meters/readings", null, "{}", "application/json",
                Map.of("X-API-Key", unmapped.get("api_key").asString()));
        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().get("detail").asString()).contains("no payload mapping");
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
