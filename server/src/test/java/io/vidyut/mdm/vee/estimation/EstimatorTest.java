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

    static LikeDays history(Timeline line) {
        return new LikeDays(line, new LikeDays.Settings(4, 0.25, 1.0, Set.of(), java.util.EnumSet.of(java.time.DayOfWeek.SATURDAY, java.time.DayOfWeek.SUNDAY)));
    }

    /** Days from MONDAY on, each slot's value from {@code kwh(day, slot)} in Wh, all actual. */
    static List<IntervalDay> days(int count, java.util.function.BiFunction<Integer, Integer, Integer> wh) {
        List<IntervalDay> days = new ArrayList<>();
        for (int d = 0; d < count; d++) {
            IntervalDay day = day(MONDAY.plusDays(d), 0);
            for (int slot = 0; slot < 96; slot++) day.values()[slot] = wh.apply(d, slot);
            days.add(day);
        }
        return days;
    }

    static void cut(Timeline line, int first, int last) {
        for (int i = first; i <= last; i++) {
            line.values[i] = null;
            line.quality[i] = 0;
        }
    }

    @Test
    void like_day_takes_the_weighted_median_so_one_kettle_in_the_history_lifts_nothing() {
        // four weeks of 100 Wh, but the Monday a week before the gap boiled a kettle in the gap's hours
        Timeline line = line(days(29, (d, slot) -> d == 21 && slot >= 20 && slot < 36 ? 2000 : 100));
        int first = 28 * 96 + 20;
        cut(line, first, first + 15);
        assertThat(Estimator.likeDay(line, new Timeline.Gap(first, first + 15), history(line)).orElseThrow()).containsOnly(100);
        // the average keeps the kettle (over a whole day that energy is real): above the median, below the kettle
        assertThat(history(line).average(first)).isGreaterThan(100).isLessThan(2000);
        assertThat(history(line).average(first + 16)).as("an hour without the kettle").isEqualTo(100);
    }

    @Test
    void like_day_uses_estimated_history_at_a_lower_weight_than_actual_history() {
        // a meter whose history is all estimates is still estimated from it (such days used to be left out)
        Timeline estimated = line(days(8, (d, slot) -> 300));
        for (int i = 0; i < 7 * 96; i++) estimated.quality[i] = (byte) Quality.ESTIMATED.bit();
        cut(estimated, 7 * 96 + 40, 7 * 96 + 40);
        assertThat(Estimator.likeDay(estimated, new Timeline.Gap(7 * 96 + 40, 7 * 96 + 40), history(estimated)).orElseThrow())
                .containsExactly(300);
        // one actual Monday (weight 1) outweighs three estimated ones (0.25 each)
        assertThat(LikeDays.weightedMedian(new double[] {400, 100, 400, 400}, new double[] {0.25, 1, 0.25, 0.25}, 4)).isEqualTo(100);
        assertThat(LikeDays.weightedMedian(new double[] {400, 100, 400, 400}, new double[] {1, 1, 1, 1}, 4)).isEqualTo(400);
    }

    @Test
    void like_day_takes_its_history_from_the_same_day_type() {
        // weekends use 500, working days 100; the gap is on a Saturday
        Timeline line = line(days(20, (d, slot) -> MONDAY.plusDays(d).getDayOfWeek().getValue() >= 6 ? 500 : 100));
        int saturday = 19 * 96;
        assertThat(MONDAY.plusDays(19).getDayOfWeek()).isEqualTo(java.time.DayOfWeek.SATURDAY);
        cut(line, saturday + 40, saturday + 41);
        assertThat(Estimator.likeDay(line, new Timeline.Gap(saturday + 40, saturday + 41), history(line)).orElseThrow())
                .containsOnly(500);
    }

    @Test
    void a_tenant_whose_saturday_is_a_working_day_estimates_saturdays_from_working_days() {
        // Sundays use 500, every other day 100; the gap is on a Saturday
        Timeline line = line(days(20, (d, slot) -> MONDAY.plusDays(d).getDayOfWeek() == java.time.DayOfWeek.SUNDAY ? 500 : 100));
        int saturday = 19 * 96;
        cut(line, saturday + 40, saturday + 41);
        LikeDays sundayOnly = new LikeDays(line, new LikeDays.Settings(4, 0.25, 1.0, Set.of(), Set.of(java.time.DayOfWeek.SUNDAY)));
        assertThat(Estimator.likeDay(line, new Timeline.Gap(saturday + 40, saturday + 41), sundayOnly).orElseThrow())
                .containsOnly(100);
    }

    @Test
    void like_day_treats_a_holiday_as_a_sunday() {
        // Sundays use 20, other days 500; the next Monday is a holiday and behaves like a Sunday
        List<IntervalDay> days = new ArrayList<>();
        for (int d = 0; d <= 8; d++) days.add(day(MONDAY.minusDays(1).plusDays(d), d == 0 || d == 7 || d == 8 ? 20 : 500));
        IntervalDay holiday = days.get(8);
        holiday.values()[40] = null;
        Timeline line = line(days);
        long[] values = Estimator.likeDay(line, new Timeline.Gap(8 * 96 + 40, 8 * 96 + 40),
                new LikeDays(line, new LikeDays.Settings(1, 0.25, 1.0, Set.of(holiday.day()), java.util.EnumSet.of(java.time.DayOfWeek.SATURDAY, java.time.DayOfWeek.SUNDAY)))).orElseThrow();
        assertThat(values).containsExactly(20);
    }

    @Test
    void like_day_follows_the_meters_typical_level_around_the_gap_so_an_empty_house_is_estimated_empty() {
        // three weeks at 300 Wh; on the gap's day the house stands empty at 10 Wh
        Timeline line = line(days(22, (d, slot) -> d == 21 ? 10 : 300));
        int first = 21 * 96 + 40;
        cut(line, first, first + 3);
        assertThat(Estimator.likeDay(line, new Timeline.Gap(first, first + 3), history(line)).orElseThrow()).containsOnly(10);
    }

    @Test
    void like_day_scaled_keeps_the_shape_and_takes_the_mean_of_the_energy_around_the_gap_and_the_historys_average() {
        // history: 100 Wh by night, 300 by day; the gap's day and the one before use 1.5 times that
        java.util.function.BiFunction<Integer, Integer, Integer> shape = (d, slot) -> slot < 48 ? 100 : 300;
        Timeline line = line(days(15, (d, slot) -> d >= 13 ? shape.apply(d, slot) * 3 / 2 : shape.apply(d, slot)));
        int first = 14 * 96 + 30;
        cut(line, first, first + 39);
        long[] values = Estimator.likeDayScaled(line, new Timeline.Gap(first, first + 39), history(line)).orElseThrow();
        // around the gap 1.5 times the history, the history's average about 1 time it: halfway between
        assertThat(values[0]).isEqualTo(125);
        assertThat(values[39]).isEqualTo(375);
        // ten times the history around the gap is more likely a one-off than the new normal: at most twice it counts
        Timeline busy = line(days(15, (d, slot) -> d >= 13 ? shape.apply(d, slot) * 10 : shape.apply(d, slot)));
        cut(busy, first, first + 39);
        LikeDays busyHistory = history(busy);
        long[] busyValues = Estimator.likeDayScaled(busy, new Timeline.Gap(first, first + 39), busyHistory).orElseThrow();
        assertThat(busyValues[39]).isEqualTo(Math.round((2 * 300 + busyHistory.average(first + 39)) / 2));
    }

    @Test
    void like_day_needs_history_for_every_slot_of_the_gap() {
        Timeline line = line(days(1, (d, slot) -> 100));
        cut(line, 10, 11);
        assertThat(Estimator.likeDay(line, new Timeline.Gap(10, 11), history(line))).isEmpty();
        assertThat(Estimator.likeDayScaled(line, new Timeline.Gap(10, 11), history(line))).isEmpty();
    }

    @Test
    void register_scaling_spreads_the_residual_over_every_estimate_of_the_span_in_proportion_to_the_like_day_shape() {
        // a week of history (100 Wh by night, 300 by day); the eighth day has two estimated gaps, one by night, one by day
        Timeline line = line(days(8, (d, slot) -> slot < 48 ? 100 : 300));
        int day = 7 * 96;
        for (int slot : new int[] {10, 11, 12, 13, 60, 61, 62, 63}) {
            line.values[day + slot] = 50; // as first estimated, say by a line between low neighbours
            line.quality[day + slot] = (byte) Quality.ESTIMATED.bit();
        }
        long actual = 48 * 100 + 48 * 300 - 4 * 100 - 4 * 300;
        java.util.function.IntPredicate estimated = i -> line.has(i, Quality.ESTIMATED);
        // the register says the gaps held twice their like-day energy: each interval twice its slot's like-day value
        Estimator.Rescaled twice = Estimator.toRegister(line, day, day + 95, actual + 2 * 1600, estimated, history(line)).orElseThrow();
        assertThat(twice.likeDayShape()).isTrue();
        assertThat(twice.indices()).hasSize(8);
        assertThat(twice.values()).containsExactly(200, 200, 200, 200, 600, 600, 600, 600);
        // five times: the register demands it, and every interval takes the same factor (none carries the others' share)
        assertThat(Estimator.toRegister(line, day, day + 95, actual + 5 * 1600, estimated, history(line)).orElseThrow().values())
                .containsExactly(500, 500, 500, 500, 1500, 1500, 1500, 1500);
        // without history the estimates' own shape is scaled
        assertThat(Estimator.toRegister(line, day, day + 95, actual + 800, estimated, null).orElseThrow().values()).containsOnly(100);
        // actual intervals alone above the advance, or an interval still missing: nothing to scale
        assertThat(Estimator.toRegister(line, day, day + 95, actual - 1, estimated, history(line))).isEmpty();
        cut(line, day + 20, day + 20);
        assertThat(Estimator.toRegister(line, day, day + 95, actual + 3200, estimated, history(line))).isEmpty();
    }

    @Test
    void scaling_hands_the_rounding_remainder_to_the_largest_remainders() {
        assertThat(Estimator.scaledTo(new long[] {1, 1, 1}, 5)).containsExactly(2, 2, 1);
        assertThat(Estimator.scaledTo(new long[] {10, 30}, 5)).containsExactly(1, 4);
        assertThat(Estimator.scaledTo(new long[] {0, 0}, 3)).containsExactly(2, 1);
    }

    @Test
    void the_default_order_uses_like_day_up_to_eight_hours_and_its_scaled_shape_beyond() {
        io.vidyut.mdm.vee.settings.VeeSettings settings = io.vidyut.mdm.vee.settings.VeeSettings.defaults();
        assertThat(settings.estimationMethodsFor(30).get(0)).isEqualTo(io.vidyut.mdm.vee.EstimationMethod.LIKE_DAY);
        assertThat(settings.estimationMethodsFor(480).get(0)).isEqualTo(io.vidyut.mdm.vee.EstimationMethod.LIKE_DAY);
        assertThat(settings.estimationMethodsFor(510).get(0)).isEqualTo(io.vidyut.mdm.vee.EstimationMethod.LIKE_DAY_SCALED);
        assertThat(settings.estimationMethodsFor(1440)).contains(io.vidyut.mdm.vee.EstimationMethod.PROFILE);
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
