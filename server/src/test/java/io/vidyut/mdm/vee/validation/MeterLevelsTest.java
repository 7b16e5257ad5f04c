package io.vidyut.mdm.vee.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.channels.Quality;
import io.vidyut.mdm.readings.IntervalDay;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.OptionalInt;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MeterLevelsTest {
    static final UUID TENANT = UUID.randomUUID();
    static final UUID METER = UUID.randomUUID();
    static final LocalDate TODAY = LocalDate.of(2026, 11, 26);

    final MeterLevels levels = new MeterLevels();

    static IntervalDay day(UUID meter, LocalDate date, int peak) {
        Integer[] values = new Integer[48];
        Arrays.fill(values, 100);
        values[30] = peak;
        byte[] quality = new byte[48];
        Arrays.fill(quality, (byte) Quality.ACTUAL.bit());
        return new IntervalDay(meter, Channel.KWH_IMPORT, date, 30, values, quality);
    }

    @Test
    void the_usual_daily_peak_is_the_median_of_the_four_weeks_before_once_a_week_of_complete_days_is_known() {
        for (int back = 1; back <= 6; back++) levels.notePeak(TENANT, day(METER, TODAY.minusDays(back), 1000 + back));
        assertThat(levels.usualPeak(TENANT, day(METER, TODAY, 0))).as("six days are not enough").isEmpty();
        levels.notePeak(TENANT, day(METER, TODAY.minusDays(7), 9000)); // one huge day does not move a median
        assertThat(levels.usualPeak(TENANT, day(METER, TODAY, 0))).hasValue(1004);
        levels.notePeak(TENANT, day(METER, TODAY, 50_000));
        assertThat(levels.usualPeak(TENANT, day(METER, TODAY, 0))).as("a day is not its own history").hasValue(1004);
        assertThat(levels.usualPeak(TENANT, day(METER, TODAY.plusDays(28), 0))).as("only today is within four weeks").isEmpty();
    }

    @Test
    void an_incomplete_day_has_no_peak_yet_and_peaks_are_kept_per_tenant_and_meter() {
        IntervalDay partial = day(METER, TODAY.minusDays(1), 5000);
        partial.values()[0] = null;
        for (int back = 1; back <= 7; back++) levels.notePeak(TENANT, back == 1 ? partial : day(METER, TODAY.minusDays(back), 1000));
        assertThat(levels.usualPeak(TENANT, day(METER, TODAY, 0))).isEmpty();
        levels.notePeak(TENANT, day(METER, TODAY.minusDays(8), 1000));
        assertThat(levels.usualPeak(TENANT, day(METER, TODAY, 0))).hasValue(1000);
        assertThat(levels.usualPeak(UUID.randomUUID(), day(METER, TODAY, 0))).isEqualTo(OptionalInt.empty());
        assertThat(levels.usualPeak(TENANT, day(UUID.randomUUID(), TODAY, 0))).isEmpty();
    }

    @Test
    void an_estimated_peak_is_not_the_meters_own() {
        for (int back = 1; back <= 7; back++) {
            IntervalDay day = day(METER, TODAY.minusDays(back), 1000);
            if (back <= 4) { // most of the week: the median would be an estimate's if estimates counted
                day.values()[40] = 9000;
                day.quality()[40] = (byte) Quality.ESTIMATED.bit();
            }
            levels.notePeak(TENANT, day);
        }
        assertThat(levels.usualPeak(TENANT, day(METER, TODAY, 0))).hasValue(1000);
    }

    @Test
    void earlier_peaks_are_loaded_from_the_store_once_per_meter_channel() {
        IntervalDay today = day(METER, TODAY, 0);
        assertThat(levels.needsPeaks(TENANT, today)).isTrue();
        assertThat(levels.needsPeaks(TENANT, today)).isFalse();
        assertThat(levels.needsPeaks(UUID.randomUUID(), today)).isTrue();
    }
}
