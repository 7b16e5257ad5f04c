package io.vidyut.mdm.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.simulator.event.EventSchedule;
import io.vidyut.mdm.simulator.fleet.Fleet;
import io.vidyut.mdm.simulator.fleet.SyntheticFleet;
import io.vidyut.mdm.simulator.load.IntervalClock;
import io.vidyut.mdm.simulator.payload.Payload;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class MeterEventsRunTest {
    /** Demo-sized, so that a day and a half holds tampers and DT outages. */
    private static final Fleet FLEET = SyntheticFleet.generate(7, 3, 10, 33, Simulator.DEMO_VENDORS);
    private final tools.jackson.databind.json.JsonMapper json = tools.jackson.databind.json.JsonMapper.builder().build();

    @Test
    void everyEventOfTheBackfilledDaysIsSentOnceInTimeOrderBesideTheReadings() {
        CapturingTransport capture = new CapturingTransport();

        RunStats stats = Simulator.builder().fleet(FLEET).transport(capture).events(true).seed(42)
                .clock(Clock.fixed(TestFleets.THURSDAY_MORNING, ZoneOffset.UTC)).backfill(1).build().run();

        List<Payload> payloads = capture.payloads();
        Instant end = IntervalClock.floorToBoundary(TestFleets.THURSDAY_MORNING);
        int expected = new EventSchedule(FLEET.meters(), 42).between(IntervalClock.dayStart(TestFleets.WEDNESDAY), end).size();
        assertThat(expected).isGreaterThan(100);
        assertThat(stats.eventsSent()).isEqualTo(expected);
        assertThat(payloads.stream().filter(p -> p.kind() == Payload.Kind.EVENTS).mapToInt(Payload::valueCount).sum())
                .isEqualTo(expected);
        List<Instant> firstEventOfEachPush = payloads.stream().filter(p -> p.kind() == Payload.Kind.EVENTS)
                .filter(p -> p.format() == io.vidyut.mdm.simulator.payload.WireFormat.HPL_JSON)
                .map(p -> Instant.parse(json.readTree(p.body()).path("events").get(0).path("at").asString())).toList();
        assertThat(firstEventOfEachPush).isSorted();
        assertThat(stats.valuesSent()).isEqualTo(payloads.stream().filter(p -> p.kind() == Payload.Kind.READINGS)
                .mapToLong(Payload::valueCount).sum());
    }

    @Test
    void liveModeSendsTheEventsOfEachHalfMinuteOnceItHasPassed() {
        CapturingTransport capture = new CapturingTransport();
        Instant start = TestFleets.THURSDAY_MORNING;

        RunStats stats = Simulator.builder().fleet(FLEET).transport(capture).events(true).seed(42)
                .clock(Clock.fixed(start, ZoneOffset.UTC)).live(true).speed(3600).liveIntervals(4).build().run();

        Instant boundary = IntervalClock.floorToBoundary(start);
        int expected = new EventSchedule(FLEET.meters(), 42)
                .between(boundary, boundary.plusSeconds(4L * IntervalClock.SECONDS)).size();
        assertThat(expected).isPositive();
        assertThat(stats.eventsSent()).isEqualTo(expected);
        assertThat(stats.errors()).isZero();
    }

    @Test
    void todayFirstBackfillsTodaysReadingsBeforeTheEarlierDays() {
        CapturingTransport capture = new CapturingTransport();

        Simulator.builder().fleet(TestFleets.small()).vendors("KIRAN").transport(capture).threads(1).todayFirst(true)
                .clock(Clock.fixed(TestFleets.THURSDAY_MORNING, ZoneOffset.UTC)).backfill(1).build().run();

        List<java.time.LocalDate> days = capture.payloads().stream().map(p -> SentReadings.importKwh(List.of(p)).values()
                        .iterator().next().keySet().iterator().next())
                .map(slot -> IntervalClock.dayOf(IntervalClock.endOfSlot(slot))).distinct().toList();
        assertThat(days).containsExactly(TestFleets.WEDNESDAY.plusDays(1), TestFleets.WEDNESDAY);
    }

    @Test
    void withoutEventsNothingGoesToTheEventsEndpoint() {
        CapturingTransport capture = new CapturingTransport();

        Simulator.builder().fleet(TestFleets.small()).transport(capture)
                .clock(Clock.fixed(TestFleets.THURSDAY_MORNING, ZoneOffset.UTC)).backfill(1).build().run();

        assertThat(capture.payloads()).isNotEmpty().allMatch(p -> p.kind() == Payload.Kind.READINGS);
    }

}
