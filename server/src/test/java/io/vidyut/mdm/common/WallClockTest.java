package io.vidyut.mdm.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Local days and times of day agree with java.time in every kind of zone, before and after its last clock change. */
class WallClockTest {
    static final List<ZoneId> ZONES = List.of(ZoneId.of("Asia/Kolkata"), ZoneId.of("UTC"), ZoneId.of("+05:30"),
            ZoneId.of("Asia/Kathmandu"), ZoneId.of("America/New_York"), ZoneId.of("Australia/Lord_Howe"),
            ZoneId.of("Asia/Dhaka"));

    @Test
    void agrees_with_java_time_every_seven_minutes_across_years_of_clock_changes() {
        for (ZoneId zone : ZONES) {
            for (Instant at = Instant.parse("1940-01-01T00:00:00Z"); at.isBefore(Instant.parse("1947-01-01T00:00:00Z"));
                 at = at.plusSeconds(7 * 60 * 61)) {
                assertSame(at, zone);
            }
            for (Instant at = Instant.parse("2008-01-01T00:00:00Z"); at.isBefore(Instant.parse("2011-01-01T00:00:00Z"));
                 at = at.plusSeconds(7 * 60)) {
                assertSame(at, zone);
            }
        }
    }

    @Test
    void the_first_interval_of_an_ist_day_and_the_last_one_of_the_day_before() {
        ZoneId ist = ZoneId.of("Asia/Kolkata");
        assertThat(WallClock.day(Instant.parse("2026-11-25T18:30:00Z"), ist)).hasToString("2026-11-26");
        assertThat(WallClock.secondOfDay(Instant.parse("2026-11-25T18:30:00Z"), ist)).isZero();
        assertThat(WallClock.day(Instant.parse("2026-11-25T18:29:59.999Z"), ist)).hasToString("2026-11-25");
        assertThat(WallClock.secondOfDay(Instant.parse("2026-11-25T18:29:59.999Z"), ist)).isEqualTo(86_399);
    }

    private static void assertSame(Instant at, ZoneId zone) {
        ZonedDateTime expected = at.atZone(zone);
        assertThat(WallClock.day(at, zone)).as("%s in %s", at, zone).isEqualTo(expected.toLocalDate());
        assertThat(WallClock.secondOfDay(at, zone)).as("%s in %s", at, zone).isEqualTo(expected.toLocalTime().toSecondOfDay());
    }
}
