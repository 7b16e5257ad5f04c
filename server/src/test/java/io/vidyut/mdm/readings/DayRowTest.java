package io.vidyut.mdm.readings;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.channels.Quality;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The day layout: slots from local midnight, idempotent merges, and quality stored only when it says something. */
class DayRowTest {
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    final DayRow row = DayRow.empty(new DayKey(UUID.randomUUID(), Channel.KWH_IMPORT, LocalDate.of(2026, 11, 20)), 15);

    @Test
    void the_interval_ending_at_local_midnight_is_the_last_slot_of_the_day_before() {
        Instant midnight = Instant.parse("2026-11-20T18:30:00Z");
        assertThat(DayKey.day(midnight, IST, 15)).isEqualTo(LocalDate.of(2026, 11, 20));
        assertThat(DayKey.slot(midnight, IST, 15)).isEqualTo(95);
        assertThat(DayKey.slot(Instant.parse("2026-11-19T18:45:00Z"), IST, 15)).isZero();
        assertThat(DayKey.slot(Instant.parse("2026-11-20T18:30:00Z"), IST, 30)).isEqualTo(47);
    }

    @Test
    void the_same_value_again_changes_nothing_and_a_new_value_is_a_change() {
        int actual = Quality.ACTUAL.bit();
        assertThat(row.merge(3, 120, actual)).isEqualTo(DayRow.Outcome.FILLED);
        assertThat(row.merge(3, 120, actual)).isEqualTo(DayRow.Outcome.UNCHANGED);
        assertThat(row.merge(3, 121, actual)).isEqualTo(DayRow.Outcome.CHANGED);
        assertThat(row.merge(3, 121, actual | Quality.POWER_FAIL.bit())).isEqualTo(DayRow.Outcome.CHANGED);
    }

    @Test
    void quality_is_stored_only_when_a_value_is_more_than_a_plain_actual_reading() {
        row.merge(0, 10, Quality.ACTUAL.bit());
        row.merge(1, 11, Quality.ACTUAL.bit());
        assertThat(row.storedQuality()).isNull();
        assertThat(DayRow.quality(null, row.values)).containsExactly(row.quality);

        row.merge(2, 12, Quality.ACTUAL.bit() | Quality.SOURCE_SUSPECT.bit());
        assertThat(row.storedQuality()).isNotNull();
        assertThat(Quality.of(DayRow.quality(row.storedQuality(), row.values)[2])).contains(Quality.SOURCE_SUSPECT);
    }

    @Test
    void an_estimate_only_fills_what_is_missing_or_replaces_an_estimate_and_actual_data_replaces_it() {
        int estimated = Quality.ESTIMATED.bit();
        assertThat(row.merge(4, 100, estimated)).isEqualTo(DayRow.Outcome.FILLED);
        assertThat(row.merge(4, 110, estimated)).as("a better estimate").isEqualTo(DayRow.Outcome.CHANGED);
        assertThat(row.merge(4, 130, Quality.ACTUAL.bit())).isEqualTo(DayRow.Outcome.CHANGED);
        assertThat(row.merge(4, 120, estimated)).as("never over actual data").isEqualTo(DayRow.Outcome.KEPT);
        assertThat(row.values[4]).isEqualTo(130);
    }

    @Test
    void an_edit_stands_until_edited_again() {
        row.merge(5, 100, Quality.ACTUAL.bit());
        assertThat(row.merge(5, 50, Quality.EDITED.bit())).isEqualTo(DayRow.Outcome.CHANGED);
        assertThat(row.merge(5, 100, Quality.ACTUAL.bit())).as("the HES sends the old value again").isEqualTo(DayRow.Outcome.KEPT);
        assertThat(row.merge(5, 60, Quality.ESTIMATED.bit())).isEqualTo(DayRow.Outcome.KEPT);
        assertThat(row.merge(5, 70, Quality.EDITED.bit() | Quality.ESTIMATED.bit())).as("a person's re-estimate")
                .isEqualTo(DayRow.Outcome.CHANGED);
        assertThat(row.values[5]).isEqualTo(70);
    }
}
