package io.vidyut.mdm.vee.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.channels.Quality;
import io.vidyut.mdm.meters.MeterCategory;
import io.vidyut.mdm.readings.IntervalDay;
import io.vidyut.mdm.vee.VeeRule;
import io.vidyut.mdm.vee.exceptions.Finding;
import io.vidyut.mdm.vee.settings.MeterProfile;
import io.vidyut.mdm.vee.settings.VeeSettings;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.BitSet;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** What each interval rule finds in a day of 15-minute values, and what it leaves alone. */
class IntervalChecksTest {
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    static final UUID METER = UUID.randomUUID();
    static final MeterProfile CONSUMER = new MeterProfile(METER, "C-1", MeterCategory.CONSUMER, BigDecimal.ONE, UUID.randomUUID(),
            new BigDecimal("5"), false, null);

    /** A full day of {@code kwh} per interval, all actual. */
    static IntervalDay day(Channel channel, double kwh) {
        Integer[] values = new Integer[96];
        byte[] quality = new byte[96];
        Arrays.fill(values, channel.toUnits(BigDecimal.valueOf(kwh)).intValueExact());
        Arrays.fill(quality, (byte) Quality.ACTUAL.bit());
        return new IntervalDay(METER, channel, DAY, 15, values, quality);
    }

    /** Whole Wh in the stored fixed point (tenths of a Wh). */
    static int wh(int wh) {
        return wh * 10;
    }

    static BitSet all() {
        BitSet written = new BitSet();
        written.set(0, 96);
        return written;
    }

    static List<Finding> check(IntervalDay day, VeeSettings settings, MeterProfile meter) {
        return new IntervalChecks(settings, meter, IST, IntervalChecks.History.NONE).check(day, null, all(), Optional::empty);
    }

    /** Settings as the API takes them: only what differs from the defaults. */
    static VeeSettings settings(String json) {
        return JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build().readValue(json, VeeSettings.class);
    }

    static List<VeeRule> rules(List<Finding> findings) {
        return findings.stream().map(Finding::rule).toList();
    }

    static void vary(IntervalDay day) {
        for (int slot = 0; slot < 96; slot++) day.values()[slot] += wh(slot % 7); // no flat line
    }

    @Nested
    class Spike {
        @Test
        void the_days_peak_more_than_the_tolerance_above_its_next_interval_is_a_spike_with_the_reference_recorded() {
            IntervalDay day = day(Channel.KWH_IMPORT, 0.2);
            vary(day);
            day.values()[40] = wh(1500);
            List<Finding> findings = check(day, VeeSettings.defaults(), CONSUMER);
            assertThat(rules(findings)).containsExactly(VeeRule.SPIKE);
            assertThat(findings.get(0).firstAt()).isEqualTo(DAY.atTime(10, 15).atZone(IST).toInstant());
            assertThat(findings.get(0).blocking()).isTrue();
            assertThat(findings.get(0).detail()).containsEntry("reference_kwh", new BigDecimal("0.206"))
                    .containsEntry("reference_rank", 2).containsEntry("tolerance_percent", 300.0).containsEntry("basis", "day");
        }

        @Test
        void a_value_on_the_threshold_is_no_spike_and_a_peak_that_recurs_is_none() {
            IntervalDay day = day(Channel.KWH_IMPORT, 0.1);
            day.values()[30] = wh(400); // 0.4 kWh: the day's second-highest, the reference
            day.values()[40] = wh(1600); // 4 × 0.4 = the threshold at 300 %
            assertThat(rules(check(day, VeeSettings.defaults(), CONSUMER))).doesNotContain(VeeRule.SPIKE);
            day.values()[40] = wh(1601);
            assertThat(rules(check(day, VeeSettings.defaults(), CONSUMER))).contains(VeeRule.SPIKE);
            day.values()[30] = wh(1601); // the same load twice in a day is the household's, not the meter's
            assertThat(rules(check(day, VeeSettings.defaults(), CONSUMER))).doesNotContain(VeeRule.SPIKE);
        }

        @Test
        void the_tolerance_and_reference_rank_are_the_classes_settings() {
            IntervalDay day = day(Channel.KWH_IMPORT, 0.1);
            vary(day);
            day.values()[30] = wh(800);
            day.values()[40] = wh(1000);
            assertThat(rules(check(day, VeeSettings.defaults(), CONSUMER))).doesNotContain(VeeRule.SPIKE);
            assertThat(rules(check(day, settings("{\"spike_reference_rank\": 3}"), CONSUMER)))
                    .as("against the third-highest (0.106 kWh) both peaks are spikes").containsExactly(VeeRule.SPIKE, VeeRule.SPIKE);
            assertThat(rules(check(day, settings("{\"spike_tolerance_percent\": 20}"), CONSUMER))).containsExactly(VeeRule.SPIKE);
        }

        @Test
        void an_incomplete_day_is_not_judged_by_its_upper_intervals_but_only_against_the_meters_recent_typical_interval() {
            IntervalDay day = day(Channel.KWH_IMPORT, 0.2);
            vary(day);
            Arrays.fill(day.values(), 0, 40, null);
            day.values()[41] = wh(1500); // a morning kettle against a day that has only just begun
            assertThat(check(day, VeeSettings.defaults(), CONSUMER)).isEmpty();
            day.values()[41] = wh(6100);
            List<Finding> findings = new IntervalChecks(VeeSettings.defaults(), CONSUMER, IST, new IntervalChecks.History(OptionalDouble.of(0.2), java.util.OptionalInt.empty()))
                    .check(day, null, all(), Optional::empty);
            assertThat(rules(findings)).as("above 30 × 0.2 kWh").containsExactlyInAnyOrder(VeeRule.SPIKE, VeeRule.HIGH_LIMIT);
            assertThat(findings).filteredOn(f -> f.rule() == VeeRule.SPIKE).singleElement()
                    .satisfies(spike -> assertThat(spike.detail()).containsEntry("basis", "history"));
            day.values()[41] = wh(5900);
            assertThat(new IntervalChecks(VeeSettings.defaults(), CONSUMER, IST, new IntervalChecks.History(OptionalDouble.of(0.2), java.util.OptionalInt.empty()))
                    .check(day, null, all(), Optional::empty)).extracting(Finding::rule).doesNotContain(VeeRule.SPIKE);
        }

        @Test
        void a_big_day_is_no_spike_when_the_meters_usual_daily_peak_is_as_big_but_a_fault_far_above_it_is() {
            IntervalDay day = day(Channel.KWH_IMPORT, 0.1);
            vary(day);
            day.values()[40] = wh(900); // 0.1 kWh intervals and one of 0.9 kWh: a spike by the day alone
            assertThat(rules(check(day, VeeSettings.defaults(), CONSUMER))).containsExactly(VeeRule.SPIKE);
            IntervalChecks.History oftenThisBig = new IntervalChecks.History(OptionalDouble.empty(), java.util.OptionalInt.of(wh(600)));
            assertThat(new IntervalChecks(VeeSettings.defaults(), CONSUMER, IST, oftenThisBig).check(day, null, all(), Optional::empty))
                    .as("0.9 kWh is under 2 × the usual 0.6 kWh daily peak").isEmpty();
            day.values()[40] = wh(1300);
            List<Finding> findings = new IntervalChecks(VeeSettings.defaults(), CONSUMER, IST, oftenThisBig)
                    .check(day, null, all(), Optional::empty);
            assertThat(rules(findings)).containsExactly(VeeRule.SPIKE);
            assertThat(findings.get(0).detail()).containsEntry("usual_daily_peak_kwh", new BigDecimal("0.600"))
                    .containsEntry("peak_factor", 2.0).containsEntry("threshold_kwh", new BigDecimal("1.200"));
            assertThat(new IntervalChecks(settings("{\"spike_peak_factor\": 0}"), CONSUMER, IST, oftenThisBig)
                    .check(day, null, all(), Optional::empty)).as("factor 0: the day alone decides")
                    .extracting(Finding::rule).containsExactly(VeeRule.SPIKE);
        }

        @Test
        void near_zero_load_never_spikes() {
            IntervalDay day = day(Channel.KWH_IMPORT, 0.0);
            vary(day);
            day.values()[40] = wh(300); // 0.3 kWh (1.2 kW) after a night of almost nothing: below the 1.5 kW minimum
            assertThat(rules(check(day, VeeSettings.defaults(), CONSUMER))).doesNotContain(VeeRule.SPIKE);
        }
    }

    @Nested
    class Runs {
        @Test
        void twelve_equal_non_zero_intervals_are_a_flat_line_eleven_are_not() {
            IntervalDay day = day(Channel.KWH_IMPORT, 0.2);
            vary(day);
            for (int slot = 10; slot < 22; slot++) day.values()[slot] = wh(333);
            assertThat(rules(check(day, VeeSettings.defaults(), CONSUMER))).containsExactly(VeeRule.FLAT_LINE);
            day.values()[21] = wh(334);
            assertThat(check(day, VeeSettings.defaults(), CONSUMER)).isEmpty();
        }

        @Test
        void a_long_zero_run_fails_only_while_voltage_is_present() {
            IntervalDay day = day(Channel.KWH_IMPORT, 0.2);
            vary(day);
            for (int slot = 20; slot < 40; slot++) day.values()[slot] = wh(0);
            IntervalDay voltage = day(Channel.VOLTAGE_R_AVG, 0);
            Arrays.fill(voltage.values(), 23_000);
            List<Finding> findings = new IntervalChecks(VeeSettings.defaults(), CONSUMER, IST, IntervalChecks.History.NONE)
                    .check(day, null, all(), () -> Optional.of(voltage));
            assertThat(rules(findings)).containsExactly(VeeRule.ZERO_RUN);
            assertThat(findings.get(0).detail()).containsEntry("intervals", 20);

            Arrays.fill(voltage.values(), 0); // an outage: zero consumption is right
            assertThat(new IntervalChecks(VeeSettings.defaults(), CONSUMER, IST, IntervalChecks.History.NONE).check(day, null, all(), () -> Optional.of(voltage)))
                    .isEmpty();
            assertThat(check(day, VeeSettings.defaults(), CONSUMER)).as("no voltage known: not judged").isEmpty();
        }
    }

    /** Run thresholds are durations: the same hours at 15 and at 30 minutes. */
    @Nested
    class RunDurations {
        /** A varied day of {@code intervalMinutes} intervals with a run of {@code hours} of one value from 02:00. */
        IntervalDay dayWithRun(int intervalMinutes, double hours, int value) {
            int slots = 24 * 60 / intervalMinutes;
            Integer[] values = new Integer[slots];
            byte[] quality = new byte[slots];
            for (int slot = 0; slot < slots; slot++) values[slot] = wh(200 + slot % 7);
            Arrays.fill(quality, (byte) Quality.ACTUAL.bit());
            int first = 120 / intervalMinutes;
            Arrays.fill(values, first, first + (int) Math.round(hours * 60 / intervalMinutes), wh(value));
            return new IntervalDay(METER, Channel.KWH_IMPORT, DAY, intervalMinutes, values, quality);
        }

        List<Finding> checkWithVoltage(IntervalDay day) {
            Integer[] volts = new Integer[day.slots()];
            Arrays.fill(volts, 23_000);
            IntervalDay voltage = new IntervalDay(METER, Channel.VOLTAGE_R_AVG, DAY, day.intervalMinutes(), volts, new byte[day.slots()]);
            BitSet written = new BitSet();
            written.set(0, day.slots());
            return new IntervalChecks(VeeSettings.defaults(), CONSUMER, IST, IntervalChecks.History.NONE)
                    .check(day, null, written, () -> Optional.of(voltage));
        }

        List<Finding> checkWithoutVoltage(IntervalDay day, VeeSettings settings) {
            BitSet written = new BitSet();
            written.set(0, day.slots());
            return new IntervalChecks(settings, CONSUMER, IST, IntervalChecks.History.NONE).check(day, null, written, Optional::empty);
        }

        @ParameterizedTest
        @ValueSource(ints = {15, 30})
        void a_flat_line_is_three_hours_of_one_value(int intervalMinutes) {
            assertThat(rules(checkWithoutVoltage(dayWithRun(intervalMinutes, 3, 333), VeeSettings.defaults())))
                    .containsExactly(VeeRule.FLAT_LINE);
            assertThat(checkWithoutVoltage(dayWithRun(intervalMinutes, 2.5, 333), VeeSettings.defaults())).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(ints = {15, 30})
        void standby_load_repeating_at_whole_watt_hours_is_no_flat_line(int intervalMinutes) {
            int standby = 39 * intervalMinutes / 30; // 0.078 kW, a fridge and a router
            assertThat(checkWithoutVoltage(dayWithRun(intervalMinutes, 6, standby), VeeSettings.defaults())).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(ints = {15, 30})
        void a_zero_run_with_voltage_present_is_four_hours(int intervalMinutes) {
            List<Finding> findings = checkWithVoltage(dayWithRun(intervalMinutes, 4, 0));
            assertThat(rules(findings)).containsExactly(VeeRule.ZERO_RUN);
            assertThat(findings.get(0).detail()).containsEntry("minutes", 240).containsEntry("basis", "voltage");
            assertThat(findings.get(0).blocking()).isTrue();
            assertThat(checkWithVoltage(dayWithRun(intervalMinutes, 3.5, 0))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(ints = {15, 30})
        void without_voltage_data_a_zero_run_of_eight_hours_informs_by_default_and_blocks_where_the_class_says_so(int intervalMinutes) {
            List<Finding> findings = checkWithoutVoltage(dayWithRun(intervalMinutes, 8, 0), VeeSettings.defaults());
            assertThat(rules(findings)).containsExactly(VeeRule.ZERO_RUN);
            assertThat(findings.get(0).detail()).containsEntry("minutes", 480).containsEntry("basis", "no_voltage");
            assertThat(findings.get(0).blocking()).isFalse();
            assertThat(checkWithoutVoltage(dayWithRun(intervalMinutes, 7.5, 0), VeeSettings.defaults())).isEmpty();

            VeeSettings strict = settings("{\"zero_run_without_voltage_minutes\": 360, \"zero_run_without_voltage_blocking\": true}");
            assertThat(checkWithoutVoltage(dayWithRun(intervalMinutes, 6, 0), strict)).singleElement()
                    .satisfies(zeroRun -> assertThat(zeroRun.blocking()).isTrue());
        }

        @Test
        void whether_a_rule_blocks_is_the_classes_setting() {
            VeeSettings flatLineInforms = settings("{\"blocking_rules\": [\"SPIKE\", \"ZERO_RUN\"]}");
            assertThat(checkWithoutVoltage(dayWithRun(15, 3, 333), flatLineInforms)).singleElement()
                    .satisfies(flatLine -> assertThat(flatLine.blocking()).isFalse());
        }
    }

    @Nested
    class Energy {
        @Test
        void export_on_a_consumer_without_net_metering_is_reverse_energy_with_net_metering_it_is_not() {
            IntervalDay export = day(Channel.KWH_EXPORT, 0);
            for (int slot = 50; slot < 54; slot++) export.values()[slot] = wh(150);
            List<Finding> findings = check(export, VeeSettings.defaults(), CONSUMER);
            assertThat(rules(findings)).containsExactly(VeeRule.REVERSE_ENERGY);
            assertThat(findings.get(0).lastAt()).isEqualTo(DAY.atTime(13, 30).atZone(IST).toInstant());
            MeterProfile netMetered = new MeterProfile(METER, "C-1", MeterCategory.CONSUMER, BigDecimal.ONE, null, new BigDecimal("5"), true, null);
            assertThat(check(export, VeeSettings.defaults(), netMetered)).isEmpty();
        }

        @Test
        void negative_import_is_reverse_energy() {
            IntervalDay day = day(Channel.KWH_IMPORT, 0.2);
            vary(day);
            day.values()[3] = wh(-5);
            assertThat(rules(check(day, VeeSettings.defaults(), CONSUMER))).containsExactly(VeeRule.REVERSE_ENERGY);
        }

        @Test
        void energy_above_sanctioned_load_times_the_factor_breaks_the_high_limit() {
            // 5 kW sanctioned: 1.25 kWh per 15 minutes at full load, 1.875 kWh with the default factor 1.5
            IntervalDay day = day(Channel.KWH_IMPORT, 1.8);
            vary(day);
            day.values()[60] = wh(1_900);
            List<Finding> findings = check(day, VeeSettings.defaults(), CONSUMER);
            assertThat(rules(findings)).containsExactly(VeeRule.HIGH_LIMIT);
            assertThat(findings.get(0).detail()).containsEntry("limit_kwh", new BigDecimal("1.875"));
        }

        @Test
        void the_low_limit_is_off_unless_a_factor_is_set() {
            IntervalDay day = day(Channel.KWH_IMPORT, 0.01);
            vary(day);
            assertThat(check(day, VeeSettings.defaults(), CONSUMER)).isEmpty();
            VeeSettings withLow = settings("{\"low_limit_factor\": 0.1}");
            assertThat(rules(check(day, withLow, CONSUMER))).containsOnly(VeeRule.LOW_LIMIT);
        }
    }

    @Nested
    class Flags {
        @Test
        void power_failures_and_values_realigned_from_a_drifted_clock_are_recorded_as_runs_but_a_snapped_stamp_is_not() {
            IntervalDay day = day(Channel.KWH_IMPORT, 0.2);
            vary(day);
            day.quality()[10] |= (byte) Quality.POWER_FAIL.bit();
            day.quality()[11] |= (byte) Quality.POWER_FAIL.bit();
            day.quality()[40] |= (byte) Quality.CLOCK_ADJUSTED.bit(); // jitter within the vendor's tolerance
            day.quality()[80] |= (byte) (Quality.CLOCK_ADJUSTED.bit() | Quality.REALIGNED.bit());
            List<Finding> findings = check(day, VeeSettings.defaults(), CONSUMER);
            assertThat(rules(findings)).containsExactly(VeeRule.POWER_FAILURE, VeeRule.CLOCK_DRIFT);
            assertThat(findings.get(0).firstAt()).isEqualTo(DAY.atTime(2, 45).atZone(IST).toInstant());
            assertThat(findings.get(0).lastAt()).isEqualTo(DAY.atTime(3, 0).atZone(IST).toInstant());
            assertThat(findings.get(1).firstAt()).isEqualTo(DAY.atTime(20, 15).atZone(IST).toInstant());
        }

        @Test
        void a_changed_value_is_a_duplicate_with_both_values_but_an_estimate_replaced_by_actual_data_is_not() {
            IntervalDay before = day(Channel.KWH_IMPORT, 0.2);
            vary(before);
            IntervalDay after = new IntervalDay(METER, Channel.KWH_IMPORT, DAY, 15, before.values().clone(), before.quality().clone());
            after.values()[5] = wh(250);
            BitSet written = new BitSet();
            written.set(5);
            List<Finding> findings = new IntervalChecks(VeeSettings.defaults(), CONSUMER, IST, IntervalChecks.History.NONE).check(after, before, written, Optional::empty);
            assertThat(rules(findings)).containsExactly(VeeRule.DUPLICATE);
            assertThat(findings.get(0).detail()).containsEntry("value", new BigDecimal("0.25"));

            before.quality()[5] = (byte) Quality.ESTIMATED.bit();
            assertThat(new IntervalChecks(VeeSettings.defaults(), CONSUMER, IST, IntervalChecks.History.NONE).check(after, before, written, Optional::empty)).isEmpty();
        }

        @Test
        void estimated_and_edited_values_are_not_judged_again() {
            IntervalDay day = day(Channel.KWH_IMPORT, 0.2);
            vary(day);
            day.values()[40] = wh(1500);
            day.quality()[40] = (byte) (Quality.EDITED.bit());
            day.values()[41] = wh(-1);
            day.quality()[41] = (byte) (Quality.ESTIMATED.bit());
            assertThat(check(day, VeeSettings.defaults(), CONSUMER)).isEmpty();
        }

        @Test
        void a_rule_switched_off_reports_nothing() {
            IntervalDay day = day(Channel.KWH_IMPORT, 0.2);
            vary(day);
            day.values()[40] = wh(1500);
            VeeSettings noSpikes = settings("{\"rules\": " + EnumSet.complementOf(EnumSet.of(VeeRule.SPIKE)).stream()
                    .map(rule -> "\"" + rule + "\"").toList() + "}");
            assertThat(check(day, noSpikes, CONSUMER)).isEmpty();
        }
    }
}
