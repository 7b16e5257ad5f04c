package io.vidyut.mdm.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Occurrences (odd codes) and restorations (even codes) pair into episodes with a duration. */
class EpisodePairingTest {
    static final UUID METER = UUID.randomUUID();

    static MeterEvent event(int code, String at) {
        return EventRows.unified(METER, Instant.parse(at), code, String.valueOf(code), Instant.parse(at));
    }

    @Test
    void a_power_failure_and_its_restoration_make_one_episode_with_its_duration() {
        List<Episode> episodes = EpisodePairing.pair(List.of(
                event(102, "2026-11-26T10:20:00Z"), event(101, "2026-11-26T10:00:00Z")));
        assertThat(episodes).singleElement().satisfies(e -> {
            assertThat(e.code()).isEqualTo(101);
            assertThat(e.name()).isEqualTo("Power failure");
            assertThat(e.startedAt()).isEqualTo(Instant.parse("2026-11-26T10:00:00Z"));
            assertThat(e.endedAt()).isEqualTo(Instant.parse("2026-11-26T10:20:00Z"));
            assertThat(e.durationSeconds()).isEqualTo(1200L);
        });
    }

    @Test
    void a_repeated_occurrence_belongs_to_the_open_episode_and_codes_pair_independently() {
        List<Episode> episodes = EpisodePairing.pair(List.of(
                event(201, "2026-11-26T10:00:00Z"), event(201, "2026-11-26T10:05:00Z"), event(7, "2026-11-26T10:06:00Z"),
                event(202, "2026-11-26T10:10:00Z"), event(8, "2026-11-26T10:07:00Z")));
        assertThat(episodes).extracting(Episode::code, Episode::durationSeconds).containsExactly(
                org.assertj.core.groups.Tuple.tuple(201, 600L), org.assertj.core.groups.Tuple.tuple(7, 60L));
    }

    @Test
    void an_episode_still_open_or_begun_before_the_period_has_no_duration() {
        List<Episode> episodes = EpisodePairing.pair(List.of(
                event(2, "2026-11-26T09:00:00Z"), event(101, "2026-11-26T10:00:00Z"), event(251, "2026-11-26T10:01:00Z")));
        assertThat(episodes).extracting(Episode::code, Episode::startedAt, Episode::endedAt, Episode::durationSeconds)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(1, null, Instant.parse("2026-11-26T09:00:00Z"), null),
                        org.assertj.core.groups.Tuple.tuple(101, Instant.parse("2026-11-26T10:00:00Z"), null, null));
    }
}
