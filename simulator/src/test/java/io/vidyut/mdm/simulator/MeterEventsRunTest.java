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

    @Test
    void everyEventOfTheBackfilledDaysIsSentOnceAndEachDaysEventsGoBeforeItsReadings() {
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
        // Wednesday's events, then Wednesday's readings, then Thursday's events, then its readings
        List<Payload.Kind> runs = payloads.stream().map(Payload::kind).distinct().toList();
        assertThat(runs).containsExactly(Payload.Kind.EVENTS, Payload.Kind.READINGS);
        int firstReading = indexOf(payloads, Payload.Kind.READINGS, 0);
        int secondDayEvents = indexOf(payloads, Payload.Kind.EVENTS, firstReading);
        assertThat(secondDayEvents).isGreaterThan(firstReading);
        assertThat(payloads.subList(0, firstReading)).allMatch(p -> p.kind() == Payload.Kind.EVENTS);
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
    void withoutEventsNothingGoesToTheEventsEndpoint() {
        CapturingTransport capture = new CapturingTransport();

        Simulator.builder().fleet(TestFleets.small()).transport(capture)
                .clock(Clock.fixed(TestFleets.THURSDAY_MORNING, ZoneOffset.UTC)).backfill(1).build().run();

        assertThat(capture.payloads()).isNotEmpty().allMatch(p -> p.kind() == Payload.Kind.READINGS);
    }

    private static int indexOf(List<Payload> payloads, Payload.Kind kind, int from) {
        for (int i = from; i < payloads.size(); i++) {
            if (payloads.get(i).kind() == kind) return i;
        }
        return -1;
    }
}
