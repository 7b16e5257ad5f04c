package io.vidyut.mdm.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The server's clock is the system's, or starts at a chosen instant and keeps the system's pace from there. */
class ClockConfigurationTest {

    @Test
    void a_chosen_start_is_what_the_clock_reads_at_first_and_it_keeps_the_systems_pace() {
        ManualClock system = new ManualClock(Instant.parse("2026-12-07T10:00:00Z"));
        Instant start = Instant.parse("2026-11-25T20:28:00Z");
        Clock clock = ClockConfiguration.startingAt(start, system);
        assertThat(clock.instant()).isEqualTo(start);
        system.advance(Duration.ofMinutes(7));
        assertThat(clock.instant()).isEqualTo(start.plus(Duration.ofMinutes(7)));
    }

    @Test
    void the_start_is_read_as_a_date_time_with_its_offset() {
        Instant start = Instant.parse("2026-11-25T20:28:00Z");
        assertThat(new ClockConfiguration().clock(new ClockProperties("2026-11-26T01:58:00+05:30")).instant())
                .isBetween(start, start.plus(Duration.ofMinutes(1)));
    }

    @Test
    void without_a_chosen_start_the_clock_is_the_systems_in_utc() {
        assertThat(new ClockConfiguration().clock(new ClockProperties(" ")).getZone()).isEqualTo(ZoneOffset.UTC);
    }
}
