package io.vidyut.mdm.vee.exceptions;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.ApiClient;
import io.vidyut.mdm.vee.VeePipelineTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The exceptions queue sorted by the server, so the workbench grid's order holds across pages. */
class VeeExceptionSortApiTest extends VeePipelineTest {
    static final LocalDate DAY = LocalDate.of(2026, 11, 3);

    @Test
    void exceptions_are_sorted_by_a_chosen_column_either_way_across_pages_and_an_unknown_column_is_refused() {
        // one spike each, the later serial spiking earlier in the day
        String[][] meters = {{"SRT-B", "50"}, {"SRT-C", "30"}, {"SRT-A", "70"}};
        for (String[] m : meters) {
            consumerMeter(m[0]);
            int spikeSlot = Integer.parseInt(m[1]);
            push(m[0], day(DAY, slot -> slot == spikeSlot ? 0.74 : load(slot)));
        }
        awaitExceptions("rule=SPIKE", 3);

        assertThat(serials("")).as("default: detection order").hasSize(3);
        assertThat(serials("&sort=meter_serial")).containsExactly("SRT-A", "SRT-B", "SRT-C");
        assertThat(serials("&sort=-meter_serial")).containsExactly("SRT-C", "SRT-B", "SRT-A");
        assertThat(serials("&sort=first_at")).containsExactly("SRT-C", "SRT-B", "SRT-A");
        assertThat(serials("&sort=-FIRST_AT")).containsExactly("SRT-A", "SRT-B", "SRT-C");

        // two pages of two, sorted by serial: the order holds across the pages
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 2; page++) paged.addAll(serials("&sort=meter_serial&size=2&page=" + page));
        assertThat(paged).containsExactly("SRT-A", "SRT-B", "SRT-C");

        // every listed column sorts (ties by id), whichever way
        for (String column : List.of("rule", "channel", "blocking", "status", "assigned_to", "detected_at")) {
            assertThat(serials("&sort=" + column)).as(column).hasSize(3);
            assertThat(serials("&sort=-" + column)).as(column).hasSize(3);
        }

        ApiClient.Response bad = api.get("/api/v1/vee/exceptions?sort=e.id;drop", tenant.analyst());
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").get(0).get("field").asString()).isEqualTo("sort");
    }

    private List<String> serials(String query) {
        JsonNode page = exceptions("rule=SPIKE" + query);
        List<String> serials = new ArrayList<>();
        for (JsonNode item : page.get("items")) serials.add(item.get("meter_serial").asString());
        return serials;
    }
}
