package io.vidyut.mdm.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.IntegrationTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A tenant's zone sets its day boundaries, and the interval store lays a day out as 24 hours: zones that still change
 * their clocks would lose an hour on one day a year and fold one on another, so they are refused with the reason.
 */
class TenantZoneTest extends IntegrationTest {

    @Test
    void a_zone_that_still_changes_its_clocks_is_refused_and_a_fixed_one_is_taken() {
        String platform = platformAdmin();
        var london = api.post("/api/v1/platform/tenants", platform, Map.of("code", "zone-london", "name", "London",
                "time_zone", "Europe/London"));
        assertThat(london.status()).isEqualTo(422);
        assertThat(london.json().get("errors").get(0).get("field").asString()).isEqualTo("time_zone");
        assertThat(london.json().get("errors").get(0).get("message").asString()).contains("daylight saving");

        var dhaka = api.post("/api/v1/platform/tenants", platform, Map.of("code", "zone-dhaka", "name", "Dhaka",
                "time_zone", "Asia/Dhaka"));
        assertThat(dhaka.status()).as(dhaka.raw()).isEqualTo(201);
        assertThat(api.put("/api/v1/platform/tenants/zone-dhaka", platform, Map.of("time_zone", "America/New_York"))
                .status()).isEqualTo(422);
    }
}
