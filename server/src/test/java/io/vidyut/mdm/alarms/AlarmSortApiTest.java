package io.vidyut.mdm.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.ApiClient;
import io.vidyut.mdm.testing.EventFeed;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.Registry;
import io.vidyut.mdm.testing.TestTenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The alarm list sorted by the server, so the alarms grid's order holds across pages. */
class AlarmSortApiTest extends IntegrationTest {

    @Test
    void alarms_are_sorted_by_a_chosen_column_either_way_across_pages_and_an_unknown_column_is_refused() {
        TestTenant tenant = newTenant();
        Registry registry = new Registry(api, tenant.admin());
        Registry.EventVendor vendor = registry.eventVendor("SRT");
        String vendorId = vendor.id();
        EventFeed feed = vendor.hes();
        // a tamper each, the later serial tampered with earlier; one tampered with twice
        String[][] tampers = {{"ALS-B", "2026-11-20T10:00:00+05:30", "MAGNET"}, {"ALS-C", "2026-11-20T09:00:00+05:30", "251"},
                {"ALS-A", "2026-11-20T11:00:00+05:30", "203"}, {"ALS-A", "2026-11-20T11:05:00+05:30", "203"}};
        for (String serial : List.of("ALS-A", "ALS-B", "ALS-C")) registry.meter(serial, vendorId, null);
        for (String[] t : tampers) {
            var pushed = feed.push(t[0], t[1], t[2]);
            assertThat(pushed.status()).as(pushed.raw()).isEqualTo(202);
        }
        assertThat(places(tenant, "")).as("default: newest raised first").hasSize(3);
        assertThat(places(tenant, "&sort=place")).containsExactly("ALS-A", "ALS-B", "ALS-C");
        assertThat(places(tenant, "&sort=-place")).containsExactly("ALS-C", "ALS-B", "ALS-A");
        assertThat(places(tenant, "&sort=last_at")).containsExactly("ALS-C", "ALS-B", "ALS-A");
        assertThat(places(tenant, "&sort=-LAST_AT")).containsExactly("ALS-A", "ALS-B", "ALS-C");
        assertThat(places(tenant, "&sort=-occurrences").get(0)).isEqualTo("ALS-A");

        // acknowledged comes after open in the lifecycle's order
        String b = alarms(tenant, "&sort=place").get("items").get(1).get("id").asString();
        assertThat(api.post("/api/v1/alarms/" + b + "/acknowledge", tenant.operator(), Map.of()).status()).isEqualTo(200);
        assertThat(places(tenant, "&sort=status")).as("open ones tie, by id").endsWith("ALS-B");
        assertThat(places(tenant, "&sort=-status")).startsWith("ALS-B");

        // two pages of two, sorted by place: the order holds across the pages
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 2; page++) paged.addAll(places(tenant, "&sort=place&size=2&page=" + page));
        assertThat(paged).containsExactly("ALS-A", "ALS-B", "ALS-C");

        for (String column : List.of("kind", "severity", "acknowledged_by", "title", "first_at", "raised_at")) {
            assertThat(places(tenant, "&sort=" + column)).as(column).hasSize(3);
            assertThat(places(tenant, "&sort=-" + column)).as(column).hasSize(3);
        }

        ApiClient.Response bad = api.get("/api/v1/alarms?sort=raised_at;drop", tenant.analyst());
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("sort");
    }

    private JsonNode alarms(TestTenant tenant, String query) {
        ApiClient.Response response = api.get("/api/v1/alarms?kind=TAMPER" + query, tenant.analyst());
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.json();
    }

    private List<String> places(TestTenant tenant, String query) {
        List<String> places = new ArrayList<>();
        for (JsonNode item : alarms(tenant, query).get("items")) places.add(item.get("meter_serial").asString());
        return places;
    }
}
