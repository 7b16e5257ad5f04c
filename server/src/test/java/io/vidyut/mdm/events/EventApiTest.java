package io.vidyut.mdm.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.ApiClient;
import io.vidyut.mdm.testing.EventFeed;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.Registry;
import io.vidyut.mdm.testing.TestTenant;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** HES event pushes: unified codes, de-duplication, flagged unknown codes, quarantine, idempotency, episodes. */
class EventApiTest extends IntegrationTest {
    TestTenant tenant;
    EventFeed feed;
    String meterId;

    @BeforeEach
    void tenantWithAVendorMappingEvents() {
        tenant = newTenant();
        Registry registry = new Registry(api, tenant.admin());
        JsonNode vendor = registry.vendor("EVT");
        String vendorId = vendor.get("vendor").get("id").asString();
        feed = new EventFeed(api, vendor.get("api_key").asString());
        var saved = api.put("/api/v1/hes-vendors/" + vendorId + "/mapping", tenant.admin(), EventFeed.MAPPING);
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        meterId = registry.meter("E1", vendorId, null).get("id").asString();
    }

    ApiClient.Response push(String payload) {
        return feed.push(payload);
    }

    JsonNode events(String query) {
        var response = api.get("/api/v1/meters/" + meterId + "/events?from=" + enc("2026-11-01T00:00:00+05:30")
                + "&to=" + enc("2026-11-30T00:00:00+05:30") + query, tenant.analyst());
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.json();
    }

    @Test
    void events_are_stored_in_is15959_codes_with_category_and_severity_and_read_back_by_filter() {
        var receipt = push("""
                {"batch": "EV-1", "events": [
                  {"meter": "E1", "at": "2026-11-20T10:00:00+05:30", "type": "PWR_FAIL"},
                  {"meter": "E1", "at": "2026-11-20T10:30:00+05:30", "type": "PWR_BACK"},
                  {"meter": "E1", "at": "2026-11-20T11:00:00+05:30", "type": "MAGNET"},
                  {"meter": "E1", "at": "2026-11-20T11:05:00+05:30", "type": "251"}]}""");
        assertThat(receipt.status()).as(receipt.raw()).isEqualTo(202);
        assertThat(receipt.json().get("values_accepted").asInt()).isEqualTo(4);

        JsonNode all = events("");
        assertThat(all.get("total").asLong()).isEqualTo(4);
        JsonNode newest = all.get("items").get(0);
        assertThat(newest.get("code").asInt()).isEqualTo(251);
        assertThat(newest.get("name").asString()).isEqualTo("Cover open");
        assertThat(newest.get("category").asString()).isEqualTo("NON_ROLLOVER");
        assertThat(newest.get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(newest.get("occurred_at").asString()).isEqualTo("2026-11-20T05:35:00Z");

        assertThat(events("&category=POWER").get("items").findValuesAsString("raw_code")).containsExactly("PWR_BACK", "PWR_FAIL");
        assertThat(events("&code=201").get("items").findValuesAsString("name")).containsExactly("Magnet influence (occurrence)");
        assertThat(events("&size=1&page=1").get("items").get(0).get("code").asInt()).isEqualTo(201);

        var episodes = api.get("/api/v1/meters/" + meterId + "/events/episodes?from=" + enc("2026-11-20T00:00:00+05:30")
                + "&to=" + enc("2026-11-21T00:00:00+05:30"), tenant.operator()).json();
        assertThat(episodes).hasSize(2);
        assertThat(episodes.get(0).get("code").asInt()).isEqualTo(101);
        assertThat(episodes.get(0).get("duration_seconds").asLong()).isEqualTo(1800);
        assertThat(episodes.get(1).get("code").asInt()).isEqualTo(201);
        assertThat(episodes.get(1).has("ended_at")).as("magnet still applied").isFalse();
    }

    @Test
    void the_same_event_twice_is_stored_once_and_a_repeated_batch_answers_with_its_first_receipt() {
        String payload = """
                {"batch": "EV-DUP", "events": [{"meter": "E1", "at": "2026-11-21T10:00:00+05:30", "type": "PWR_FAIL"}]}""";
        String firstId = push(payload).json().get("batch_id").asString();
        var again = push(payload);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("status").asString()).isEqualTo("DUPLICATE");
        assertThat(again.json().get("batch_id").asString()).isEqualTo(firstId);
        // the same event inside another batch (and twice in it) is still one event
        assertThat(push("""
                {"batch": "EV-DUP-2", "events": [{"meter": "E1", "at": "2026-11-21T10:00:00+05:30", "type": "101"},
                  {"meter": "E1", "at": "2026-11-21T10:00:00+05:30", "type": "PWR_FAIL"}]}""").status()).isEqualTo(202);
        assertThat(events("").get("total").asLong()).isEqualTo(1);
    }

    @Test
    void unknown_codes_are_kept_raw_and_flagged_while_bad_rows_are_rejected_and_quarantined() {
        var receipt = push("""
                {"batch": "EV-MIXED", "events": [
                  {"meter": "E1", "at": "2026-11-22T10:00:00+05:30", "type": "VENDOR_SPECIAL"},
                  {"meter": "E1", "at": "2026-11-22T10:01:00+05:30", "type": "777"},
                  {"meter": "GHOST", "at": "2026-11-22T10:00:00+05:30", "type": "101"},
                  {"meter": "E1", "at": "not a time", "type": "101"}]}""").json();
        assertThat(receipt.get("values_accepted").asInt()).isEqualTo(2);
        assertThat(receipt.get("values_rejected").asInt()).isEqualTo(2);
        assertThat(receipt.get("rejections").findValuesAsString("reason")).satisfiesExactly(
                r -> assertThat(r).contains("unknown meter GHOST"), r -> assertThat(r).contains("unreadable timestamp"));

        JsonNode unknown = api.get("/api/v1/events?known=false&from=" + enc("2026-11-22T00:00:00+05:30"), tenant.operator()).json();
        assertThat(unknown.get("items").findValuesAsString("raw_code")).containsExactly("777", "VENDOR_SPECIAL");
        assertThat(unknown.get("items").get(1).get("category").asString()).isEqualTo("UNKNOWN");
        assertThat(unknown.get("items").get(1).has("code")).isFalse();
        assertThat(unknown.get("items").get(0).get("code").asInt()).isEqualTo(777);

        JsonNode quarantine = api.get("/api/v1/quarantine", tenant.operator()).json();
        assertThat(quarantine.get("items").findValuesAsString("raw")).anyMatch(raw -> raw.contains("GHOST"));
    }

    @Test
    void a_tenant_cannot_read_another_tenants_meter_events() {
        push("""
                {"events": [{"meter": "E1", "at": "2026-11-23T10:00:00+05:30", "type": "101"}]}""");
        TestTenant other = newTenant();
        assertThat(api.get("/api/v1/meters/" + meterId + "/events", other.analyst()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/events?from=" + enc("2026-11-01T00:00:00Z"), other.analyst()).json()
                .get("total").asLong()).isZero();
        assertThat(api.get("/api/v1/meters/" + meterId + "/events", tenant.consumer()).status()).isEqualTo(403);
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
