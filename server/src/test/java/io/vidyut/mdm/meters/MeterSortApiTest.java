package io.vidyut.mdm.meters;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.ApiClient;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.TestTenant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The meter list sorted by the server, so a grid's order holds across pages. */
class MeterSortApiTest extends IntegrationTest {

    @Test
    void meters_are_sorted_by_a_chosen_column_either_way_with_ties_by_serial_across_pages() {
        TestTenant tenant = newTenant();
        String[][] meters = {{"S-03", "ZETA", "IN_SERVICE"}, {"S-01", "ALFA", "IN_INVENTORY"}, {"S-04", "ALFA", "IN_SERVICE"},
                {"S-02", "MIKE", "INSTALLED"}};
        for (String[] m : meters) {
            var created = api.post("/api/v1/meters", tenant.admin(), Map.of("serial", m[0], "make", m[1], "phase", "1P",
                    "category", "DT", "lifecycle_stage", m[2]));
            assertThat(created.status()).as(created.raw()).isEqualTo(201);
        }

        assertThat(serials(tenant, "")).containsExactly("S-01", "S-02", "S-03", "S-04");
        assertThat(serials(tenant, "&sort=-serial")).containsExactly("S-04", "S-03", "S-02", "S-01");
        assertThat(serials(tenant, "&sort=make")).containsExactly("S-01", "S-04", "S-02", "S-03");
        assertThat(serials(tenant, "&sort=-make")).containsExactly("S-03", "S-02", "S-04", "S-01");
        assertThat(serials(tenant, "&sort=LIFECYCLE_STAGE")).containsExactly("S-01", "S-02", "S-03", "S-04");

        // two pages of two, sorted by make: the order holds across the pages
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 2; page++) {
            paged.addAll(serials(tenant, "&sort=make&size=2&page=" + page));
        }
        assertThat(paged).containsExactly("S-01", "S-04", "S-02", "S-03");

        ApiClient.Response bad = api.get("/api/v1/meters?sort=consumer_id;drop", tenant.analyst());
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("sort");
    }

    private List<String> serials(TestTenant tenant, String query) {
        ApiClient.Response response = api.get("/api/v1/meters?serial=S-" + query, tenant.analyst());
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        List<String> serials = new ArrayList<>();
        for (JsonNode item : response.json().get("items")) serials.add(item.get("serial").asString());
        return serials;
    }
}
