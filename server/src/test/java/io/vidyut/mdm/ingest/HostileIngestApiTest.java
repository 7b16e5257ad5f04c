package io.vidyut.mdm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.ApiClient;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.Registry;
import io.vidyut.mdm.testing.TestTenant;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * What a careless or hostile HES pushes over REST: a poison row costs only itself (never a 500 or a
 * 409 for the batch), a push of which nothing can be stored says so with 422, a push that is not
 * what the mapping reads is refused whole with a problem that says why.
 */
class HostileIngestApiTest extends IntegrationTest {
    static final Map<String, Object> MAPPING = Map.of("format", "JSON", "rows", "meters[*].intervals[*]",
            "fields", Map.of("meter", "^.serial", "timestamp", "end", "values", "values", "batch_id", "batch_id"),
            "events", Map.of("rows", "events[*]", "fields", Map.of("meter", "meter", "timestamp", "at", "code", "type",
                    "batch_id", "$.batch")));

    TestTenant tenant;
    String vendorId;
    String apiKey;
    String meterId;

    @BeforeEach
    void vendorAndMeter() {
        tenant = newTenant();
        Registry registry = new Registry(api, tenant.admin());
        JsonNode vendor = registry.vendor("HOSTILE");
        vendorId = vendor.get("vendor").get("id").asString();
        apiKey = vendor.get("api_key").asString();
        var saved = api.put("/api/v1/hes-vendors/" + vendorId + "/mapping", tenant.admin(), MAPPING);
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        meterId = registry.meter("M1", vendorId, null).get("id").asString();
    }

    ApiClient.Response push(String path, String body, String contentType) {
        return api.send("POST", path, null, body, contentType, Map.of("X-API-Key", apiKey));
    }

    static String interval(String serial, String end, String values) {
        return "{\"serial\": \"" + serial + "\", \"intervals\": [{\"end\": \"" + end + "\", \"values\": " + values + "}]}";
    }

    @Test
    void a_poison_row_costs_only_itself_and_the_good_rows_are_stored() {
        String kwh = "\"1.0.1.29.0.255\"";
        String body = "{\"batch_id\": \"POISON-1\", \"meters\": [" + String.join(", ",
                interval("M1", "2026-11-20T10:15:00+05:30", "{" + kwh + ": 0.25}"),
                interval("M1", "2026-11-20T10:30:00+05:30", "{" + kwh + ": {\"v\": 1}}"),
                interval("M1", "2026-11-20T10:30:00+05:30", "{" + kwh + ": [1]}"),
                interval("M1", "2026-11-20T10:30:00+05:30", "{" + kwh + ": \"1e60000000\"}"),
                interval("M1", "2026-11-20T10:30:00+05:30", "{" + kwh + ": 1e60000000}"),
                interval("M1", "2026-11-20T10:30:00+05:30", "{" + kwh + ": \"١٢٣\"}"),
                interval("M1", "2026-11-20T10:30:00+05:30", "{" + kwh + ": \"１２３\"}"),
                interval("M1", "2026-11-20T10:30:00+05:30", "{\"1.0.1.29.0.255\\u0000\": 1}"),
                interval("M1\\u0000", "2026-11-20T10:30:00+05:30", "{" + kwh + ": 1}"),
                interval("M1", "2026-11-20T10:45:00+05:30", "{" + kwh + ": 0.5}")) + "]}";
        long started = System.nanoTime();
        var receipt = push("/api/v1/meters/readings", body, "application/json");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("a hostile exponent costs no time").isLessThan(Duration.ofSeconds(10));
        assertThat(receipt.status()).as(receipt.raw()).isEqualTo(202);
        assertThat(receipt.json().get("values_accepted").asInt()).isEqualTo(2);
        assertThat(receipt.json().get("values_rejected").asInt()).isEqualTo(8);
        assertThat(receipt.json().get("rejections").findValuesAsString("row")).containsExactly("2", "3", "4", "5", "6", "7", "8", "9");

        JsonNode quarantine = api.get("/api/v1/quarantine?vendor_id=" + vendorId, tenant.operator()).json();
        assertThat(quarantine.get("total").asLong()).isEqualTo(8);
        assertThat(quarantine.get("items").findValuesAsString("raw")).noneMatch(raw -> raw.contains("\u0000"));
        JsonNode series = awaitIntervals(2);
        assertThat(series.get("total").get("value").decimalValue()).isEqualByComparingTo("0.75");
    }

    @Test
    void an_empty_push_is_422_and_one_without_the_mappings_content_type_is_415() {
        for (String empty : List.of("{}", "null", "[]", "{\"meters\": []}", "{\"meters\": [{\"serial\": \"M1\"}]}")) {
            var response = push("/api/v1/meters/readings", empty, "application/json");
            assertThat(response.status()).as(empty + ": " + response.raw()).isEqualTo(422);
            assertThat(response.isProblem()).isTrue();
            assertThat(response.json().get("detail").asString()).contains("no rows at 'meters[*].intervals[*]'");
        }
        var events = push("/api/v1/meters/events", "{\"batch\": \"E0\", \"events\": []}", "application/json");
        assertThat(events.status()).as(events.raw()).isEqualTo(422);

        String good = "{\"meters\": [" + interval("M1", "2026-11-20T11:00:00+05:30", "{\"1.0.1.29.0.255\": 1}") + "]}";
        var untyped = push("/api/v1/meters/readings", good, null);
        assertThat(untyped.status()).as(untyped.raw()).isEqualTo(415);
        assertThat(untyped.json().get("detail").asString()).contains("reads JSON").contains("had none");
        var csv = push("/api/v1/meters/readings", good, "text/csv");
        assertThat(csv.status()).isEqualTo(415);
        assertThat(push("/api/v1/meters/events", "{\"events\": []}", "application/octet-stream").status()).isEqualTo(415);
    }

    @Test
    void a_push_of_which_nothing_is_stored_is_422_listing_every_rejection_and_its_rows_are_quarantined() {
        String body = "{\"batch_id\": \"ALL-BAD\", \"meters\": [" + interval("GHOST", "2026-11-20T10:15:00+05:30",
                "{\"1.0.1.29.0.255\": 0.2, \"1.0.32.27.0.255\": 230}") + "]}";
        var first = push("/api/v1/meters/readings", body, "application/json");
        assertThat(first.status()).as(first.raw()).isEqualTo(422);
        assertThat(first.isProblem()).isTrue();
        assertThat(first.json().get("status").asString()).isEqualTo("REJECTED");
        assertThat(first.json().get("values_accepted").asInt()).isZero();
        assertThat(first.json().get("rejections").findValuesAsString("reason")).hasSize(2)
                .allSatisfy(reason -> assertThat(reason).contains("unknown meter GHOST"));
        assertThat(api.get("/api/v1/quarantine?vendor_id=" + vendorId, tenant.operator()).json().get("total").asLong()).isEqualTo(2);

        var again = push("/api/v1/meters/readings", body, "application/json");
        assertThat(again.status()).as("a repeat is answered as the first push was").isEqualTo(422);
        assertThat(again.json().get("batch_id").asString()).isEqualTo(first.json().get("batch_id").asString());

        var events = push("/api/v1/meters/events", "{\"batch\": \"E-ALL-BAD\", \"events\": [{\"meter\": \"GHOST\", "
                + "\"at\": \"2026-11-20T10:00:00+05:30\", \"type\": \"101\"}]}", "application/json");
        assertThat(events.status()).as(events.raw()).isEqualTo(422);
        assertThat(events.json().get("rejections").findValuesAsString("reason")).singleElement().asString().contains("GHOST");
    }

    @Test
    void a_batch_id_that_cannot_name_a_batch_is_a_400_with_the_reason() {
        String rows = ", \"meters\": [" + interval("M1", "2026-11-20T12:00:00+05:30", "{\"1.0.1.29.0.255\": 1}") + "]}";
        for (String id : List.of("{\"a\": 1}", "[\"B\"]", "\"B\\u0000\"")) {
            var response = push("/api/v1/meters/readings", "{\"batch_id\": " + id + rows, "application/json");
            assertThat(response.status()).as(id + ": " + response.raw()).isEqualTo(400);
            assertThat(response.json().get("detail").asString()).contains("batch id");
        }
    }

    @Test
    void a_poison_event_costs_only_itself() {
        var receipt = push("/api/v1/meters/events", """
                {"batch": "EV-POISON", "events": [
                  {"meter": "M1", "at": "2026-11-20T10:00:00+05:30", "type": "101"},
                  {"meter": "M1", "at": "2026-11-20T10:01:00+05:30", "type": "PWR\\u0000"},
                  {"meter": "M1", "at": "2026-11-20T10:02:00+05:30", "type": {"code": 101}},
                  {"meter": "M1\\u0000", "at": "2026-11-20T10:03:00+05:30", "type": "101"},
                  {"meter": "M1", "at": "١٧٦٤١٣٠٥٠٠", "type": "102"}]}""", "application/json");
        assertThat(receipt.status()).as(receipt.raw()).isEqualTo(202);
        assertThat(receipt.json().get("values_accepted").asInt()).isEqualTo(1);
        assertThat(receipt.json().get("rejections").findValuesAsString("field")).containsExactly("code", "code", "meter", "timestamp");
    }

    JsonNode awaitIntervals(long expected) {
        String from = java.net.URLEncoder.encode("2026-11-20T10:00:00+05:30", java.nio.charset.StandardCharsets.UTF_8);
        String to = java.net.URLEncoder.encode("2026-11-20T11:00:00+05:30", java.nio.charset.StandardCharsets.UTF_8);
        return await("/api/v1/meters/" + meterId + "/consumption?from=" + from + "&to=" + to + "&resolution=15m", tenant.analyst(),
                series -> series.get("total").get("intervals").asLong() >= expected);
    }
}
