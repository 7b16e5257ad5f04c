package io.vidyut.mdm.simulator.event;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.simulator.Simulator;
import io.vidyut.mdm.simulator.fleet.Fleet;
import io.vidyut.mdm.simulator.fleet.MeterRole;
import io.vidyut.mdm.simulator.fleet.SimMeter;
import io.vidyut.mdm.simulator.fleet.SyntheticFleet;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class EventScheduleTest {
    /** 3 feeders × 10 DTs × 33 consumers: the size of the demo fleet. */
    private static final Fleet FLEET = SyntheticFleet.generate(7, 3, 10, 33, Simulator.DEMO_VENDORS);
    private static final Instant MONDAY = OffsetDateTime.parse("2026-11-23T00:00:00+05:30").toInstant();
    private static final Instant WEEK_LATER = MONDAY.plus(Duration.ofDays(7));

    private final EventSchedule schedule = new EventSchedule(FLEET.meters(), 42);
    private final List<SimEvent> week = schedule.between(MONDAY, WEEK_LATER);

    @Test
    void theEventsOfAStretchOfTimeDoNotDependOnHowItIsCutIntoWindows() {
        Instant noon = MONDAY.plus(Duration.ofHours(12));
        Instant oneDay = MONDAY.plus(Duration.ofDays(1));
        List<SimEvent> windowed = new ArrayList<>();
        for (Instant from = MONDAY; from.isBefore(oneDay); from = from.plusSeconds(30)) {
            windowed.addAll(schedule.between(from, from.plusSeconds(30)));
        }
        List<SimEvent> halves = new ArrayList<>(schedule.between(MONDAY, noon));
        halves.addAll(schedule.between(noon, oneDay));

        List<SimEvent> whole = schedule.between(MONDAY, oneDay);
        assertThat(whole).isNotEmpty().isEqualTo(halves).isEqualTo(windowed);
        assertThat(whole).isEqualTo(new EventSchedule(FLEET.meters(), 42).between(MONDAY, oneDay));
        assertThat(whole).isNotEqualTo(new EventSchedule(FLEET.meters(), 43).between(MONDAY, oneDay));
    }

    @Test
    void eventsComeInTimeOrderWithinTheWindowAsked() {
        assertThat(week).allMatch(e -> !e.at().isBefore(MONDAY) && e.at().isBefore(WEEK_LATER));
        for (int i = 1; i < week.size(); i++) {
            assertThat(week.get(i).at()).isAfterOrEqualTo(week.get(i - 1).at());
        }
    }

    @Test
    void tampersAndVoltageExcursionsComeAtTheirRatesAndEndWithTheirRestoration() {
        int hours = 7 * 24;
        double consumersInThousands = FLEET.meters().stream().filter(m -> m.role() == MeterRole.CONSUMER).count() / 1000.0;
        assertThat(count(EventSchedule.MAGNET_INFLUENCE)).isBetween(rate(0.25, hours, consumersInThousands, 0.5),
                rate(0.25, hours, consumersInThousands, 1.5));
        assertThat(count(EventSchedule.COVER_OPEN)).isBetween(rate(0.1, hours, consumersInThousands, 0.4),
                rate(0.1, hours, consumersInThousands, 1.6));
        assertThat(count(EventSchedule.LOW_VOLTAGE)).isBetween(rate(1, hours, consumersInThousands, 0.7),
                rate(1, hours, consumersInThousands, 1.3));
        for (int occurrence : List.of(EventSchedule.MAGNET_INFLUENCE, EventSchedule.NEUTRAL_DISTURBANCE,
                EventSchedule.LOW_VOLTAGE, EventSchedule.OVER_VOLTAGE)) {
            Map<SimMeter, List<SimEvent>> byMeter = byMeter(Set.of(occurrence, occurrence + 1));
            byMeter.values().forEach(events -> {
                SimEvent last = events.get(events.size() - 1);
                // an episode begun in the last hour of the week may still be going on at its end
                if (last.code() == occurrence) assertThat(last.at()).isAfter(WEEK_LATER.minus(Duration.ofHours(1)));
            });
            assertThat(count(occurrence + 1)).isBetween(count(occurrence) - 3, count(occurrence));
        }
        assertThat(week).noneMatch(e -> e.meter().role() != MeterRole.CONSUMER && e.code() != EventSchedule.POWER_FAILURE
                && e.code() != EventSchedule.POWER_RESTORED);
    }

    @Test
    void aDtOutageTakesEveryMeterUnderTheDtDownWithinHalfAMinuteAndBringsThemBackTogether() {
        Map<String, List<SimMeter>> metersByDt = new LinkedHashMap<>();
        for (SimMeter meter : FLEET.meters()) {
            String dt = meter.dtId();
            if (dt != null) metersByDt.computeIfAbsent(dt, k -> new ArrayList<>()).add(meter);
        }
        int outages = 0;
        for (List<SimMeter> dtMeters : metersByDt.values()) {
            Set<SimMeter> members = Set.copyOf(dtMeters);
            List<SimEvent> failures = week.stream()
                    .filter(e -> members.contains(e.meter()) && e.code() == EventSchedule.POWER_FAILURE).toList();
            Instant counted = Instant.MIN;
            for (SimEvent first : failures) {
                if (first.at().isBefore(counted)) continue;  // a later meter of an outage already counted
                List<SimEvent> together = failures.stream().filter(e -> !e.at().isBefore(first.at())
                        && e.at().isBefore(first.at().plusSeconds(EventSchedule.DT_FAILURE_SPREAD_SECONDS))).toList();
                if (together.size() < members.size()) continue;
                outages++;
                counted = first.at().plusSeconds(EventSchedule.DT_FAILURE_SPREAD_SECONDS);
                Set<SimMeter> down = together.stream().map(SimEvent::meter).collect(Collectors.toSet());
                assertThat(down).isEqualTo(members);
                Instant earliestBack = first.at().plus(Duration.ofMinutes(EventSchedule.DT_OUTAGE_SHORTEST_MINUTES)
                        .minusSeconds(EventSchedule.DT_FAILURE_SPREAD_SECONDS));
                Instant latestBack = first.at().plus(Duration.ofMinutes(EventSchedule.DT_OUTAGE_LONGEST_MINUTES + 2));
                if (latestBack.isAfter(WEEK_LATER)) continue;
                for (SimMeter meter : members) {
                    assertThat(week).as("%s back with its DT", meter.serial()).anyMatch(e -> e.meter().equals(meter)
                            && e.code() == EventSchedule.POWER_RESTORED && !e.at().isBefore(earliestBack)
                            && !e.at().isAfter(latestBack));
                }
            }
        }
        // 30 DTs, each out about once in two days: about 105 in a week
        assertThat(outages).isBetween(60, 150);
    }

    private long count(int code) {
        return week.stream().filter(e -> e.code() == code).count();
    }

    private static long rate(double perHourPerThousand, int hours, double thousands, double share) {
        return Math.round(perHourPerThousand * hours * thousands * share);
    }

    private Map<SimMeter, List<SimEvent>> byMeter(Set<Integer> codes) {
        Map<SimMeter, List<SimEvent>> byMeter = new LinkedHashMap<>();
        week.stream().filter(e -> codes.contains(e.code()))
                .forEach(e -> byMeter.computeIfAbsent(e.meter(), k -> new ArrayList<>()).add(e));
        return byMeter;
    }
}
