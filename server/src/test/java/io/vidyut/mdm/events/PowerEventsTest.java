package io.vidyut.mdm.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.common.ids.MeterId;
import io.vidyut.mdm.events.PowerEvents.LastPowerEvent;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import io.vidyut.mdm.testing.EventFeed;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.Registry;
import io.vidyut.mdm.testing.TestTenant;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The published power events read API: each meter's last failure or restoration after a point in time. */
class PowerEventsTest extends IntegrationTest {
    @Autowired PowerEvents powerEvents;

    TestTenant tenant;
    EventFeed hes;
    MeterId restored, out, outLongAgo, silent;
    Instant now;

    @BeforeEach
    void fourMeters() {
        tenant = newTenant();
        Registry registry = new Registry(api, tenant.admin());
        Registry.EventVendor vendor = registry.eventVendor("PWR");
        hes = vendor.hes();
        restored = new MeterId(UUID.fromString(registry.meter("P-1", vendor.id(), null).get("id").asString()));
        out = new MeterId(UUID.fromString(registry.meter("P-2", vendor.id(), null).get("id").asString()));
        outLongAgo = new MeterId(UUID.fromString(registry.meter("P-3", vendor.id(), null).get("id").asString()));
        silent = new MeterId(UUID.fromString(registry.meter("P-4", vendor.id(), null).get("id").asString()));
        now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    @Test
    void the_last_power_event_of_each_meter_since_a_point_in_time() {
        push("P-1", hoursAgo(3), "PWR_FAIL");
        push("P-1", hoursAgo(2), "PWR_BACK");
        push("P-2", hoursAgo(2), "PWR_FAIL");
        push("P-2", hoursAgo(1), "MAGNET"); // not a power event
        push("P-3", hoursAgo(9 * 24), "PWR_FAIL");

        List<LastPowerEvent> last = TenantContext.callAs(TenantScope.of(tenant.id(), tenant.code()),
                () -> powerEvents.lastOf(List.of(restored, out, outLongAgo, silent), now.minus(Duration.ofDays(7))));

        assertThat(last).as("a failure before the lookback, or no power event at all, is left out").containsExactlyInAnyOrder(
                new LastPowerEvent(restored, EventCatalog.POWER_RESTORED, hoursAgo(2)),
                new LastPowerEvent(out, EventCatalog.POWER_FAILURE, hoursAgo(2)));
        assertThat(last).filteredOn(LastPowerEvent::isFailure).extracting(LastPowerEvent::meter).containsExactly(out);
    }

    @Test
    void another_tenant_learns_nothing_of_these_events() {
        push("P-2", hoursAgo(2), "PWR_FAIL");
        assertThat(TenantContext.callAs(TenantScope.of(newTenant().id(), "other"),
                () -> powerEvents.lastOf(List.of(out), now.minus(Duration.ofDays(7))))).isEmpty();
    }

    private Instant hoursAgo(int hours) {
        return now.minus(Duration.ofHours(hours));
    }

    private void push(String serial, Instant at, String type) {
        var response = hes.push(serial, at.toString(), type);
        assertThat(response.status()).as(response.raw()).isEqualTo(202);
    }
}
