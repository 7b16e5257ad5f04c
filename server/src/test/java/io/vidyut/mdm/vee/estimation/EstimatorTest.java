package io.vidyut.mdm.vee.estimation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.channels.Quality;
import io.vidyut.mdm.readings.IntervalDay;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The estimation methods on hand-made timelines, including their edge cases. */
class EstimatorTest {
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    static final UUID METER = UUID.randomUUID();
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 2);

    static IntervalDay day(LocalDate date, int value) {
        Integer[] values = new Integer[96];
        byte[] quality = new byte[96];
        Arrays.fill(values, value);
        Arrays.fill(quality, (byte) Quality.ACTUAL.bit());
        return new IntervalDay(METER, Channel.KWH_IMPORT, date, 15, values, quality);
    }

    static Timeline line(List<IntervalDay> days) {
        return Timeline.of(Channel.KWH_IMPORT, days.get(0).day(), days.get(days.size() - 1).day(), days, IST);
    }

    @Test
    void linear_interpolation_draws_a_straight_line_between_the_known_sides() {
        IntervalDay day = day(MONDAY, 100);
        day.values()[10] = 100;
        day.values()[14] = 200;
        for (int slot = 11; slot <= 13; slot++) day.values()[slot] = null;
        Timeline line = line(List.of(day));
        assertThat(line.gaps(Instant.MAX)).containsExactly(new Timeline.Gap(11, 13));
        assertThat(Estimator.linear(line, new Timeline.Gap(11, 13)).orElseThrow()).containsExactly(125, 150, 175);
    }

    @Test
    void never_interpolates_from_an_interval_that_held_a_power_failure() {
        IntervalDay day = day(MONDAY, 100);
        day.values()[11] = null;
        day.quality()[12] |= (byte) Quality.POWER_FAIL.bit();
        assertThat(Estimator.linear(line(List.of(day)), new Timeline.Gap(11, 11))).isEmpty();
    }

    @Test
    void a_gap_over_midnight_is_one_gap_in_the_timeline() {
        IntervalDay monday = day(MONDAY, 100);
        IntervalDay tuesday = day(MONDAY.plusDays(1), 300);
        monday.values()[94] = null;
        monday.values()[95] = null;
        tuesday.values()[0] = null;
        Timeline line = line(List.of(monday, tuesday));
        assertThat(line.gaps(Instant.MAX)).containsExactly(new Timeline.Gap(94, 96));
        assertThat(line.end(96)).isEqualTo(MONDAY.plusDays(1).atTime(0, 15).atZone(IST).toInstant());
        assertThat(Estimator.linear(line, new Timeline.Gap(94, 96)).orElseThrow()).containsExactly(150, 200, 250);
    }

    @Test
    void india_keeps_no_daylight_saving_so_every_local_day_has_96_intervals_even_when_europe_shifts() {
        LocalDate shift = LocalDate.of(2026, 3, 29);
        Timeline line = line(List.of(day(shift.minusDays(1), 1), day(shift, 1), day(shift.plusDays(1), 1)));
        assertThat(line.size()).isEqualTo(3 * 96);
        assertThat(line.end(96 + 95)).isEqualTo(shift.plusDays(1).atStartOfDay(IST).toInstant());
        assertThat(line.indexOf(shift.atTime(12, 0).atZone(IST).toInstant())).isEqualTo(96 + 47);
    }

    @Test
    void missing_intervals_before_any_known_value_are_not_gaps_and_nothing_newer_than_the_edge_is() {
        IntervalDay day = day(MONDAY, 100);
        for (int slot = 0; slot < 8; slot++) day.values()[slot] = null;
        day.values()[50] = null;
        Timeline line = line(List.of(day));
        assertThat(line.gaps(line.end(49))).isEmpty();
        assertThat(line.gaps(line.end(50))).containsExactly(new Timeline.Gap(50, 50));
    }

    @Test
    void scaling_to_a_register_total_keeps_the_shape_and_hits_the_total_exactly() {
        long[] scaled = Estimator.scaledTo(new long[] {100, 200, 300}, 1001);
        assertThat(Arrays.stream(scaled).sum()).isEqualTo(1001);
        assertThat(scaled[2]).isGreaterThan(scaled[1]).isGreaterThan(scaled[0]);
    }

    @Test
    void like_day_averages_the_same_weekday_of_earlier_weeks_leaving_out_estimated_days() {
        List<IntervalDay> days = new ArrayList<>();
        for (int d = 0; d <= 21; d++) days.add(day(MONDAY.plusDays(d), 50));
        days.set(7, day(MONDAY.plusDays(7), 400));     // the Monday a week later
        days.set(0, day(MONDAY, 200));                  // the Monday three weeks before the gap
        days.get(14).quality()[0] = (byte) Quality.ESTIMATED.bit(); // a Monday with an estimate: left out
        days.set(14, new IntervalDay(METER, Channel.KWH_IMPORT, MONDAY.plusDays(14), 15, fill(9999), days.get(14).quality()));
        IntervalDay gapDay = days.get(21);               // a Monday
        for (int slot = 20; slot < 36; slot++) gapDay.values()[slot] = null;
        Timeline line = line(days);
        int first = 21 * 96 + 20;
        long[] values = Estimator.likeDay(line, new Timeline.Gap(first, first + 15), 4, Set.of(), IST).orElseThrow();
        assertThat(values).containsOnly(300); // (200 + 400) / 2
    }

    @Test
    void like_day_treats_a_holiday_as_a_sunday() {
        List<IntervalDay> days = new ArrayList<>();
        for (int d = 0; d <= 8; d++) days.add(day(MONDAY.minusDays(1).plusDays(d), d == 0 || d == 7 ? 20 : 500)); // Sundays use 20, other days 500
        IntervalDay holiday = days.get(8); // the next Monday, declared a holiday
        holiday.values()[40] = null;
        long[] values = Estimator.likeDay(line(days), new Timeline.Gap(8 * 96 + 40, 8 * 96 + 40), 1, Set.of(holiday.day()), IST)
                .orElseThrow();
        assertThat(values).containsExactly(20);
    }

    @Test
    void flat_load_uses_the_side_that_is_known() {
        IntervalDay day = day(MONDAY, 80);
        for (int slot = 90; slot < 96; slot++) day.values()[slot] = null;
        assertThat(Estimator.flat(line(List.of(day)), new Timeline.Gap(90, 95)).orElseThrow()).containsOnly(80);
    }

    @Test
    void the_dt_profile_is_scaled_to_the_meter_level() {
        IntervalDay own = day(MONDAY, 100);
        for (int slot = 40; slot < 48; slot++) own.values()[slot] = null;
        IntervalDay neighbour = day(MONDAY, 50);
        for (int slot = 40; slot < 48; slot++) neighbour.values()[slot] = 80;
        long[] values = Estimator.profile(line(List.of(own)), new Timeline.Gap(40, 47), List.of(line(List.of(neighbour)))).orElseThrow();
        assertThat(values).containsOnly(160); // this meter uses twice what its neighbour does
    }

    @Test
    void the_dt_profile_works_for_a_meter_with_no_history_before_the_gap_day() {
        LocalDate start = MONDAY.minusDays(29);
        IntervalDay own = day(MONDAY, 200);
        for (int slot = 20; slot < 40; slot++) own.values()[slot] = null;
        IntervalDay neighbour = day(MONDAY, 100);
        for (int slot = 20; slot < 40; slot++) neighbour.values()[slot] = 500;
        Timeline line = Timeline.of(Channel.KWH_IMPORT, start, MONDAY.plusDays(1), List.of(own), IST);
        Timeline theirs = Timeline.of(Channel.KWH_IMPORT, start, MONDAY.plusDays(1), List.of(neighbour), IST);
        int first = 29 * 96 + 20;
        long[] values = Estimator.profile(line, new Timeline.Gap(first, first + 19), List.of(theirs)).orElseThrow();
        assertThat(values).containsOnly(1000);
    }

    private static Integer[] fill(int value) {
        Integer[] values = new Integer[96];
        Arrays.fill(values, value);
        return values;
    }
}
