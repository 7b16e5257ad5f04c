package io.vidyut.mdm.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.simulator.RunStats;
import io.vidyut.mdm.simulator.Simulator;
import io.vidyut.mdm.simulator.event.EventSchedule;
import io.vidyut.mdm.simulator.event.SimEvent;
import io.vidyut.mdm.simulator.fleet.Fleet;
import io.vidyut.mdm.simulator.fleet.FleetLoader;
import io.vidyut.mdm.simulator.fleet.MdmApiClient;
import io.vidyut.mdm.simulator.load.IntervalClock;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The demo's simulated fleet sends a day and a half of meter events through the demo mappings of all three
 * vendors (HPL JSON with its own codes, VOLTA JSON, KIRAN DLMS event logs), and the demo then has what its
 * dashboard shows: every event stored under its IS 15959 code, tamper alarms, power-quality alarms closed by
 * their restorations, and DT outage alarms raised and closed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoMeterEventsTest extends DemoSeedingTest {
    String operator;
    RunStats sent;
    List<SimEvent> scheduled;
    Instant from;
    Instant to;

    @BeforeAll
    void seedTheDemoAndPlayItsEvents() {
        connectClient();
        seeder().seedIfAbsent();
        operator = api.signIn("demo.operator", DemoCredentials.PASSWORD);
        String target = "http://127.0.0.1:" + port;

        Instant now = clock.instant();
        to = IntervalClock.floorToBoundary(now);  // where the simulator's back-fill ends
        sent = Simulator.builder().target(target).clock(Clock.fixed(now, ZoneOffset.UTC)).credentials("demo.operator", DemoCredentials.PASSWORD)
                .apiKeys(Simulator.DEMO_KEYS).events(true).readings(false).backfill(1).seed(42).threads(2).build().run();

        MdmApiClient fleetReader = new MdmApiClient(URI.create(target));
        fleetReader.signIn("demo.operator", DemoCredentials.PASSWORD);
        Fleet fleet = FleetLoader.load(fleetReader).fleet();
        from = IntervalClock.dayStart(LocalDate.ofInstant(to, IntervalClock.IST).minusDays(1));
        scheduled = new EventSchedule(fleet.metersOf(Simulator.DEMO_VENDORS), 42).between(from, to);
    }

    @Test
    void every_event_sent_is_stored_under_its_is15959_code() {
        assertThat(sent.errors()).isZero();
        assertThat(sent.eventsSent()).isEqualTo(scheduled.size()).isGreaterThan(200);
        assertThat(count("/api/v1/events?known=false")).isZero();
        Map<Integer, Long> expected = new TreeMap<>(), stored = new TreeMap<>();
        for (int code : scheduled.stream().map(SimEvent::code).collect(Collectors.toCollection(TreeSet::new))) {
            expected.put(code, distinct(scheduled.stream().filter(e -> e.code() == code).toList()));
            stored.put(code, count("/api/v1/events?code=" + code + "&from=" + from + "&to=" + to));
        }
        assertThat(stored).isEqualTo(expected);
        assertThat(count("/api/v1/events?from=" + from + "&to=" + to)).isEqualTo(distinct(scheduled));
    }

    @Test
    void tampers_raise_alarms_at_their_meters() {
        Set<String> tampered = scheduled.stream().filter(e -> Set.of(EventSchedule.MAGNET_INFLUENCE,
                        EventSchedule.NEUTRAL_DISTURBANCE, EventSchedule.COVER_OPEN).contains(e.code()))
                .map(e -> e.meter().serial() + ":" + e.code()).collect(Collectors.toSet());
        assertThat(tampered).isNotEmpty();
        JsonNode alarms = api.get("/api/v1/alarms?kind=TAMPER&size=500", operator).json();
        Set<String> raised = stream(alarms).map(a -> a.get("meter_serial").asString() + ":" + a.get("code").asInt())
                .collect(Collectors.toSet());
        assertThat(raised).containsAll(tampered);
    }

    @Test
    void voltage_out_of_band_raises_power_quality_alarms_that_its_restoration_closes() {
        JsonNode alarms = api.get("/api/v1/alarms?kind=POWER_QUALITY&size=500", operator).json();
        assertThat(alarms.get("total").asInt()).isPositive();
        assertThat(stream(alarms).filter(a -> a.get("status").asString().equals("RESOLVED")).count()).isPositive();
    }

    @Test
    void a_dt_out_raises_one_outage_alarm_which_closes_when_its_meters_are_back() {
        JsonNode outages = api.get("/api/v1/alarms?kind=DT_OUTAGE&size=500", operator).json();
        assertThat(outages.get("total").asInt()).isPositive();
        assertThat(stream(outages)).allSatisfy(a -> assertThat(a.get("network_node_id").isNull()).isFalse());
        // an outage still going on when the simulated time ended stays open; the others are closed
        assertThat(stream(outages).filter(a -> a.get("status").asString().equals("RESOLVED")).count())
                .isGreaterThanOrEqualTo(outages.get("total").asInt() - 1L).isPositive();
    }

    private long count(String path) {
        return api.get(path + (path.contains("?") ? "&" : "?") + "size=1", operator).json().get("total").asLong();
    }

    /** The store keeps the same meter, time and code once. */
    private static long distinct(List<SimEvent> events) {
        return events.stream().map(e -> e.meter().serial() + e.at() + e.code()).distinct().count();
    }

    private static Stream<JsonNode> stream(JsonNode page) {
        return StreamSupport.stream(page.get("items").spliterator(), false);
    }
}
