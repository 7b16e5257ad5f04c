package io.vidyut.mdm.billing.cycles;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.billing.cycles.CycleInput.Consumer;
import io.vidyut.mdm.billing.cycles.CycleInput.HeldBack;
import io.vidyut.mdm.billing.cycles.CycleInput.MeterInput;
import io.vidyut.mdm.billing.cycles.CycleInput.Period;
import io.vidyut.mdm.billing.cycles.CycleInput.Register;
import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.channels.Quality;
import io.vidyut.mdm.readings.IntervalDay;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class DeterminantCalculatorTest {
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    static final LocalDate FIRST = LocalDate.of(2026, 11, 1), LAST = LocalDate.of(2026, 11, 30);
    static final Period NOVEMBER = new Period(FIRST, LAST, IST);
    static final UUID OLD = UUID.randomUUID(), NEW = UUID.randomUUID();
    static final int ACTUAL = Quality.ACTUAL.bit();

    /** Night 22:00–06:00 (wrapping midnight), peak 18:00–22:00, normal the rest; on a 15-minute grid. */
    static SlotZones nightPeakNormal(Period period) {
        int[] zoneOfSlot = new int[period.days() * 96];
        for (int i = 0; i < zoneOfSlot.length; i++) {
            int minute = (i % 96) * 15;
            zoneOfSlot[i] = minute >= 22 * 60 || minute < 6 * 60 ? 0 : minute >= 18 * 60 ? 1 : 2;
        }
        return new SlotZones(List.of("NIGHT", "PEAK", "NORMAL"), zoneOfSlot, true, false);
    }

    /** Every 15-minute interval of every day of the range at {@code units} (0.0001 kWh), actual. */
    static List<IntervalDay> flat(UUID meter, Channel channel, LocalDate first, LocalDate last, int units) {
        List<IntervalDay> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            Integer[] values = new Integer[96];
            Arrays.fill(values, units);
            byte[] quality = new byte[96];
            Arrays.fill(quality, (byte) ACTUAL);
            days.add(new IntervalDay(meter, channel, d, 15, values, quality, 1));
        }
        return days;
    }

    static IntervalDay day(List<IntervalDay> days, LocalDate date) {
        return days.stream().filter(d -> d.day().equals(date)).findFirst().orElseThrow();
    }

    static Register read(LocalDate day, long units) {
        return new Register(day.atStartOfDay(IST).toInstant(), units);
    }

    static Consumer consumer(String loadKw, boolean netMetered) {
        return new Consumer(UUID.randomUUID(), "ACC-1", "LT-1", new BigDecimal(loadKw), netMetered, null);
    }

    /** One meter at 0.25 kWh every 15 minutes all month (1 kW), from the day before, with midnight reads that agree. */
    static MeterInput steadyMeter() {
        List<IntervalDay> days = flat(OLD, Channel.KWH_IMPORT, FIRST.minusDays(1), LAST, 2500);
        return new MeterInput(OLD, "M-1", true, days, List.of(), read(FIRST, 1_000_000), read(LAST.plusDays(1), 1_000_000 + 30L * 96 * 2500));
    }

    static CycleDeterminants calculate(CycleInput input, BillingSettings settings) {
        return DeterminantCalculator.calculate(input, NOVEMBER, settings, nightPeakNormal(NOVEMBER));
    }

    @Test
    void a_steady_month_sums_to_the_register_and_splits_across_zones_by_wall_clock() {
        var result = calculate(new CycleInput(consumer("5", false), List.of(steadyMeter()), null, 0), BillingSettings.DEFAULTS);

        assertThat(result.energy().kwhImport()).isEqualByComparingTo("720"); // 30 days × 24 h × 1 kW
        assertThat(result.zones()).extracting(CycleDeterminants.TodZoneEnergy::zone, z -> z.kwhImport().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("NIGHT", "240.0000"),
                        org.assertj.core.groups.Tuple.tuple("PEAK", "120.0000"), org.assertj.core.groups.Tuple.tuple("NORMAL", "360.0000"));
        assertThat(result.meters().get(0).difference()).isEqualByComparingTo("0");
        assertThat(result.coverage().expected()).isEqualTo(2880);
        assertThat(result.coverage().actual()).isEqualTo(2880);
        assertThat(result.exceptions()).isEmpty();
        assertThat(result.dataVersion()).isEqualTo(31); // the day before (for the sum check) and the 30 of the month
    }

    @Test
    void a_meter_that_keeps_no_kvah_gives_no_kvah_determinants_rather_than_zero() {
        var kwhOnly = calculate(new CycleInput(consumer("5", false), List.of(steadyMeter()), null, 0), BillingSettings.DEFAULTS);
        assertThat(kwhOnly.energy().kvahImport()).as("a kVAh-billed category must not be billed 0 kVAh").isNull();
        assertThat(kwhOnly.demand().mdKva()).isNull();
        assertThat(kwhOnly.zones()).allSatisfy(zone -> assertThat(zone.kvahImport()).isNull());
        assertThat(kwhOnly.powerFactor()).isNull();
        assertThat(kwhOnly.exceptions()).as("billed in kWh: nothing wanting").isEmpty();

        SlotZones billedInKvah = nightPeakNormal(NOVEMBER);
        billedInKvah = new SlotZones(billedInKvah.names(), billedInKvah.zoneOfSlot(), true, true);
        var wanting = DeterminantCalculator.calculate(new CycleInput(consumer("5", false), List.of(steadyMeter()), null, 0),
                NOVEMBER, BillingSettings.DEFAULTS, billedInKvah);
        assertThat(wanting.exceptions()).extracting(CycleDeterminants.Reason::code).containsExactly("NO_KVAH");
        assertThat(wanting.held()).isTrue();

        MeterInput both = steadyMeter();
        List<IntervalDay> days = new java.util.ArrayList<>(both.days());
        days.addAll(flat(OLD, Channel.KVAH_IMPORT, FIRST.minusDays(1), LAST, 2800));
        var withKvah = calculate(new CycleInput(consumer("5", false), List.of(new MeterInput(OLD, "M-1", true, days, List.of(),
                both.opening(), both.closing())), null, 0), BillingSettings.DEFAULTS);
        assertThat(withKvah.energy().kvahImport()).isEqualByComparingTo("806.4"); // 30 × 96 × 0.28
        assertThat(withKvah.demand().mdKva()).isEqualByComparingTo("1.12");
        assertThat(withKvah.energy().kvahExport()).as("no kVAh export kept").isNull();
    }

    @Test
    void the_interval_ending_at_midnight_belongs_to_the_day_it_started_in() {
        MeterInput meter = steadyMeter();
        day(meter.days(), FIRST.minusDays(1)).values()[95] = 999_999; // 31 Oct 23:45–1 Nov 00:00: October's
        day(meter.days(), LAST).values()[95] = 10_000; // 30 Nov 23:45–1 Dec 00:00: November's, in the night zone

        var result = calculate(new CycleInput(consumer("5", false), List.of(meter), null, 0), BillingSettings.DEFAULTS);

        assertThat(result.energy().kwhImport()).isEqualByComparingTo("720.75");
        assertThat(result.zones().get(0).kwhImport()).isEqualByComparingTo("240.75");
    }

    @Nested
    class MaximumDemand {
        /** A flat 1 kW month with 4 kW from 18:15 to 18:45 on the 10th: half in each 30-minute block. */
        MeterInput straddling() {
            MeterInput meter = steadyMeter();
            Integer[] tenth = day(meter.days(), FIRST.plusDays(9)).values();
            tenth[73] = 10_000; // 18:15–18:30
            tenth[74] = 10_000; // 18:30–18:45
            return meter;
        }

        @Test
        void block_demand_is_the_largest_half_hour_from_midnight_and_ends_at_its_block() {
            var result = calculate(new CycleInput(consumer("5", false), List.of(straddling()), null, 0), BillingSettings.DEFAULTS);

            assertThat(result.demand().mdKw()).isEqualByComparingTo("2.5"); // (0.25 + 1.0) kWh in 30 minutes
            assertThat(result.demand().mdKwAt().toString()).isEqualTo("2026-11-10T18:30+05:30");
        }

        @Test
        void sliding_demand_finds_the_half_hour_across_the_block_edge() {
            BillingSettings sliding = new BillingSettings(30, true, new BigDecimal("0.10"), BigDecimal.ZERO,
                    new BigDecimal("0.5"), BigDecimal.ONE, 24);
            var result = calculate(new CycleInput(consumer("5", false), List.of(straddling()), null, 0), sliding);

            assertThat(result.demand().mdKw()).isEqualByComparingTo("4");
            assertThat(result.demand().mdKwAt().toString()).isEqualTo("2026-11-10T18:45+05:30");
        }

        @Test
        void the_second_exceedance_of_a_financial_year_does_not_revise_the_load_and_the_third_does() {
            var second = calculate(new CycleInput(consumer("2", false), List.of(straddling()), null, 1), BillingSettings.DEFAULTS);
            var third = calculate(new CycleInput(consumer("2", false), List.of(straddling()), null, 2), BillingSettings.DEFAULTS);
            var below = calculate(new CycleInput(consumer("3", false), List.of(straddling()), null, 2), BillingSettings.DEFAULTS);

            assertThat(second.demand()).extracting(d -> d.exceedsLoad(), d -> d.exceedancesInYear(), d -> d.loadRevision())
                    .containsExactly(true, 2, false);
            assertThat(third.demand()).extracting(d -> d.exceedsLoad(), d -> d.exceedancesInYear(), d -> d.loadRevision())
                    .containsExactly(true, 3, true);
            assertThat(below.demand()).extracting(d -> d.exceedsLoad(), d -> d.exceedancesInYear(), d -> d.loadRevision())
                    .containsExactly(false, 2, false);
        }
    }

    @Test
    void a_meter_replaced_mid_cycle_adds_both_meters_each_checked_against_its_own_registers_and_md_over_both() {
        LocalDate swap = FIRST.plusDays(14); // the old meter's last day is 14 Nov, the new one's first 15 Nov
        List<IntervalDay> oldDays = flat(OLD, Channel.KWH_IMPORT, FIRST.minusDays(1), swap.minusDays(1), 2500);
        List<IntervalDay> newDays = flat(NEW, Channel.KWH_IMPORT, swap, LAST, 5000); // 2 kW, a 3-phase upgrade say
        day(oldDays, FIRST.plusDays(2)).values()[40] = 20_000; // 8 kW for a quarter: 4.25 kW over its half hour
        MeterInput old = new MeterInput(OLD, "OLD-1", false, oldDays, List.of(), read(FIRST, 500_000),
                read(swap, 500_000 + 14L * 96 * 2500 + 17_500));
        MeterInput replacement = new MeterInput(NEW, "NEW-1", true, newDays, List.of(), read(swap, 0), read(LAST.plusDays(1), 16L * 96 * 5000));

        var result = calculate(new CycleInput(consumer("5", false), List.of(old, replacement), null, 0), BillingSettings.DEFAULTS);

        assertThat(result.energy().kwhImport()).isEqualByComparingTo("1105.75"); // 14 × 24 + 1.75 + 16 × 48
        assertThat(result.meters()).extracting(CycleDeterminants.MeterRead::serial, m -> m.difference().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("OLD-1", "0.0000"), org.assertj.core.groups.Tuple.tuple("NEW-1", "0.0000"));
        assertThat(result.demand().mdKw()).isEqualByComparingTo("4.5"); // the old meter's spike, not the new meter's 2 kW
        assertThat(result.coverage().missing()).isZero();
        assertThat(result.exceptions()).isEmpty(); // the replaced meter's final read is not a missing closing read
    }

    @Nested
    class NetMetering {
        @Test
        void a_month_exporting_more_than_it_imports_banks_the_surplus() {
            MeterInput meter = steadyMeter();
            List<IntervalDay> days = new ArrayList<>(meter.days());
            days.addAll(flat(OLD, Channel.KWH_EXPORT, FIRST, LAST, 3000));
            var input = new CycleInput(consumer("5", true), List.of(withDays(meter, days)), new BigDecimal("10"), 0);

            var net = calculate(input, BillingSettings.DEFAULTS).netMetering();

            assertThat(net.netKwh()).isEqualByComparingTo("-144"); // 720 − 864
            assertThat(net.bankedClosingKwh()).isEqualByComparingTo("154");
            assertThat(net.billedKwh()).isEqualByComparingTo("0");
        }

        @Test
        void a_month_importing_more_uses_the_bank_first() {
            MeterInput meter = steadyMeter();
            List<IntervalDay> days = new ArrayList<>(meter.days());
            days.addAll(flat(OLD, Channel.KWH_EXPORT, FIRST, LAST, 2000));
            var input = new CycleInput(consumer("5", true), List.of(withDays(meter, days)), new BigDecimal("100"), 0);

            var net = calculate(input, BillingSettings.DEFAULTS).netMetering();

            assertThat(net.netKwh()).isEqualByComparingTo("144");
            assertThat(net.bankedUsedKwh()).isEqualByComparingTo("100");
            assertThat(net.bankedClosingKwh()).isEqualByComparingTo("0");
            assertThat(net.billedKwh()).isEqualByComparingTo("44");
        }

        MeterInput withDays(MeterInput meter, List<IntervalDay> days) {
            return new MeterInput(meter.meterId(), meter.serial(), meter.inService(), days, meter.withheld(), meter.opening(), meter.closing());
        }
    }

    @Nested
    class Exceptions {
        @Test
        void an_estimated_share_at_the_threshold_passes_and_above_it_is_held() {
            MeterInput meter = steadyMeter();
            estimate(meter, 288); // 10 % of 2,880
            var atThreshold = calculate(new CycleInput(consumer("5", false), List.of(meter), null, 0), BillingSettings.DEFAULTS);
            estimate(meter, 289);
            var above = calculate(new CycleInput(consumer("5", false), List.of(meter), null, 0), BillingSettings.DEFAULTS);

            assertThat(atThreshold.coverage().estimatedShare()).isEqualByComparingTo("0.1");
            assertThat(atThreshold.exceptions()).isEmpty();
            assertThat(above.exceptions()).extracting(CycleDeterminants.Reason::code).containsExactly("ESTIMATED_SHARE");
        }

        void estimate(MeterInput meter, int intervals) {
            for (int i = 0; i < intervals; i++) {
                day(meter.days(), FIRST.plusDays(i / 96)).quality()[i % 96] = (byte) (Quality.ESTIMATED.bit() | Quality.DERIVED.bit());
            }
        }

        @Test
        void intervals_vee_holds_back_are_left_out_counted_and_hold_the_cycle() {
            MeterInput meter = steadyMeter();
            Instant from = FIRST.plusDays(4).atStartOfDay(IST).toInstant().plusSeconds(900);
            MeterInput held = new MeterInput(OLD, "M-1", true, meter.days(),
                    List.of(new HeldBack(Channel.KWH_IMPORT, from, from.plusSeconds(3 * 900))), meter.opening(), meter.closing());

            var result = calculate(new CycleInput(consumer("5", false), List.of(held), null, 0), BillingSettings.DEFAULTS);

            assertThat(result.coverage().withheld()).isEqualTo(4);
            assertThat(result.energy().kwhImport()).isEqualByComparingTo("719");
            assertThat(result.exceptions()).extracting(CycleDeterminants.Reason::code).containsExactly("VEE_WITHHELD"); // the hour is inside the sum check's 1 %
        }

        @Test
        void a_missing_interval_a_failed_sum_check_a_falling_register_and_no_closing_read_are_each_named() {
            MeterInput meter = steadyMeter();
            day(meter.days(), FIRST.plusDays(3)).values()[10] = null;
            var missing = calculate(new CycleInput(consumer("5", false), List.of(meter), null, 0), BillingSettings.DEFAULTS);
            MeterInput falling = new MeterInput(OLD, "M-1", true, steadyMeter().days(), List.of(), read(FIRST, 9_000_000), read(LAST.plusDays(1), 10));
            MeterInput unread = new MeterInput(OLD, "M-1", true, steadyMeter().days(), List.of(), read(FIRST, 0),
                    read(LAST.minusDays(1), 28L * 96 * 2500)); // 48 hours before the end, the limit is 24

            assertThat(missing.exceptions()).extracting(CycleDeterminants.Reason::code).containsExactly("MISSING_INTERVALS");
            assertThat(calculate(new CycleInput(consumer("5", false), List.of(falling), null, 0), BillingSettings.DEFAULTS).exceptions())
                    .extracting(CycleDeterminants.Reason::code).containsExactly("NEGATIVE_CONSUMPTION");
            assertThat(calculate(new CycleInput(consumer("5", false), List.of(unread), null, 0), BillingSettings.DEFAULTS).exceptions())
                    .extracting(CycleDeterminants.Reason::code).containsExactly("MISSING_CLOSING_READ");
        }

        @Test
        void a_category_without_a_tariff_and_a_consumer_without_a_meter_are_held() {
            var zones = SlotZones.of(NOVEMBER, 15, day -> Optional.empty());
            var result = DeterminantCalculator.calculate(new CycleInput(consumer("5", false), List.of(), null, 0), NOVEMBER,
                    BillingSettings.DEFAULTS, zones);

            assertThat(result.exceptions()).extracting(CycleDeterminants.Reason::code).containsExactly("NO_METER", "NO_TARIFF", "MISSING_INTERVALS");
        }
    }
}
