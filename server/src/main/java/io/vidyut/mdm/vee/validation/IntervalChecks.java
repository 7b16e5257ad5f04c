package io.vidyut.mdm.vee.validation;

import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.channels.Quality;
import io.vidyut.mdm.meters.MeterCategory;
import io.vidyut.mdm.readings.IntervalDay;
import io.vidyut.mdm.vee.VeeRule;
import io.vidyut.mdm.vee.exceptions.Finding;
import io.vidyut.mdm.vee.settings.MeterProfile;
import io.vidyut.mdm.vee.settings.VeeSettings;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.stream.IntStream;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * The interval checks over one stored day row. Only slots this write touched are judged (the spike check judges
 * the day, whose reference the write moved; the run checks the runs the write is part of), so a check costs a
 * bounded amount per reading. Run thresholds are durations, counted in the day's own intervals.
 * Estimated and edited values are people's or VEE's own and are not judged again.
 */
final class IntervalChecks {
    private final VeeSettings settings;
    private final MeterProfile meter;
    private final ZoneId zone;
    private final History history;

    /**
     * What is known of the meter channel before this day: its recent typical interval (kWh) and its usual daily
     * peak (fixed point, as stored), each when enough is known.
     */
    record History(OptionalDouble typicalKwh, OptionalInt usualPeak) {
        static final History NONE = new History(OptionalDouble.empty(), OptionalInt.empty());
    }

    IntervalChecks(VeeSettings settings, MeterProfile meter, ZoneId zone, History history) {
        this.settings = settings;
        this.meter = meter;
        this.zone = zone;
        this.history = history;
    }

    /** {@code voltage} is asked for only when a zero run needs it. */
    List<Finding> check(IntervalDay day, IntervalDay before, BitSet written, Supplier<Optional<IntervalDay>> voltage) {
        List<Finding> findings = new ArrayList<>();
        IntPredicate judged = slot -> day.values()[slot] != null && !day.has(slot, Quality.ESTIMATED) && !day.has(slot, Quality.EDITED);
        IntPredicate touched = slot -> written.get(slot) && judged.test(slot);
        runs(findings, day, VeeRule.POWER_FAILURE, slot -> touched.test(slot) && day.has(slot, Quality.POWER_FAIL), Map.of());
        runs(findings, day, VeeRule.CLOCK_DRIFT, slot -> touched.test(slot) && day.has(slot, Quality.REALIGNED),
                Map.of("note", "the meter's clock has drifted: its stamps were further off the interval boundary than the "
                        + "vendor's alignment tolerance, and its values were moved to the nearest boundary"));
        if (before != null && settings.checks(VeeRule.DUPLICATE)) {
            written.stream().filter(touched::test).filter(slot -> before.values()[slot] != null
                    && (before.quality()[slot] & Quality.ESTIMATED.bit()) == 0).forEach(slot -> findings.add(finding(day,
                    VeeRule.DUPLICATE, slot, slot, Finding.detail("previous_value", Finding.value(day.channel(), before.values()[slot]),
                            "value", Finding.value(day.channel(), day.values()[slot])))));
        }
        if (!day.channel().additive()) return onlyEnabled(findings);
        runs(findings, day, VeeRule.REVERSE_ENERGY, slot -> touched.test(slot) && reversed(day, slot),
                Map.of("net_metered", meter.netMetered()));
        // export is zero most of the time and comes in bursts: level checks are for consumption
        if (day.channel() != Channel.KWH_IMPORT && day.channel() != Channel.KVAH_IMPORT) return onlyEnabled(findings);
        limits(findings, day, touched);
        spikes(findings, day, written, judged);
        flatLines(findings, day, written, judged);
        zeroRuns(findings, day, written, judged, voltage);
        return onlyEnabled(findings);
    }

    private List<Finding> onlyEnabled(List<Finding> findings) {
        findings.removeIf(f -> !settings.checks(f.rule()));
        return findings;
    }

    private boolean reversed(IntervalDay day, int slot) {
        if (day.values()[slot] < 0) return true;
        boolean export = day.channel() == Channel.KWH_EXPORT || day.channel() == Channel.KVAH_EXPORT;
        return export && day.values()[slot] > 0 && meter.category() == MeterCategory.CONSUMER && !meter.netMetered();
    }

    private void limits(List<Finding> findings, IntervalDay day, IntPredicate touched) {
        if (meter.sanctionedLoadKw() == null) return;
        double fullLoad = meter.sanctionedLoadKw().doubleValue() * day.intervalMinutes() / 60.0;
        double high = fullLoad * settings.highLimitFactor();
        runs(findings, day, VeeRule.HIGH_LIMIT, slot -> touched.test(slot) && kwhOf(day, slot) > high,
                Map.of("limit_kwh", Finding.rounded(high), "sanctioned_load_kw", meter.sanctionedLoadKw(), "factor", settings.highLimitFactor()));
        if (settings.lowLimitFactor() > 0) {
            double low = fullLoad * settings.lowLimitFactor();
            runs(findings, day, VeeRule.LOW_LIMIT, slot -> touched.test(slot) && kwhOf(day, slot) < low,
                    Map.of("limit_kwh", Finding.rounded(low), "sanctioned_load_kw", meter.sanctionedLoadKw(), "factor", settings.lowLimitFactor()));
        }
    }

    /**
     * The check utility MDMs ship: an interval is a spike when it lies more than the tolerance above the day's n-th
     * highest interval and above the minimum power. Ordinary peaks (a kettle, a heater) recur within a day and lift
     * the reference with them; a spike does not. It must also stand above the meter's usual daily peak times the
     * peak factor, once that is known: a household's occasional big day (a washing day, guests) recurs over the
     * weeks, a fault does not. The reference moves as the day fills, so the whole day is judged
     * again on each write (an exception found again is extended, not repeated). Until the day is complete
     * (estimates count), only gross spikes against the meter's recent typical interval are found: half a day's upper
     * intervals are not the day's, and a morning kettle would be a spike against the night.
     */
    private void spikes(List<Finding> findings, IntervalDay day, BitSet written, IntPredicate judged) {
        double resolution = day.channel().resolution().doubleValue();
        double floorKwh = settings.spikeMinimumKw() * day.intervalMinutes() / 60.0;
        OptionalInt reference = dayReference(day);
        if (reference.isPresent()) {
            double referenceKwh = reference.getAsInt() * resolution;
            double threshold = Math.max(referenceKwh * (1 + settings.spikeTolerancePercent() / 100.0), floorKwh);
            OptionalDouble usualPeakKwh = settings.spikePeakFactor() > 0 && history.usualPeak().isPresent()
                    ? OptionalDouble.of(history.usualPeak().getAsInt() * resolution) : OptionalDouble.empty();
            if (usualPeakKwh.isPresent()) threshold = Math.max(threshold, usualPeakKwh.getAsDouble() * settings.spikePeakFactor());
            for (int slot = 0; slot < day.slots(); slot++) {
                if (!judged.test(slot) || kwhOf(day, slot) <= threshold) continue;
                Map<String, Object> detail = Finding.detail("value", Finding.value(day.channel(), day.values()[slot]),
                        "reference_kwh", Finding.rounded(referenceKwh), "reference_rank", settings.spikeReferenceRank(),
                        "threshold_kwh", Finding.rounded(threshold), "tolerance_percent", settings.spikeTolerancePercent(),
                        "basis", "day");
                if (usualPeakKwh.isPresent()) {
                    detail.put("usual_daily_peak_kwh", Finding.rounded(usualPeakKwh.getAsDouble()));
                    detail.put("peak_factor", settings.spikePeakFactor());
                }
                findings.add(finding(day, VeeRule.SPIKE, slot, slot, detail));
            }
            return;
        }
        OptionalDouble typicalKwh = history.typicalKwh();
        if (typicalKwh.isEmpty()) return;
        double threshold = Math.max(settings.spikeHistoryFactor() * typicalKwh.getAsDouble(), floorKwh);
        for (int slot = written.nextSetBit(0); slot >= 0; slot = written.nextSetBit(slot + 1)) {
            if (!judged.test(slot) || kwhOf(day, slot) <= threshold) continue;
            findings.add(finding(day, VeeRule.SPIKE, slot, slot, Finding.detail("value", Finding.value(day.channel(), day.values()[slot]),
                    "typical_kwh", Finding.rounded(typicalKwh.getAsDouble()), "threshold_kwh", Finding.rounded(threshold),
                    "factor", settings.spikeHistoryFactor(), "basis", "history")));
        }
    }

    /** The complete day's n-th highest value (fixed point). A top-n array, not a sort: this runs for every stored day row. */
    private OptionalInt dayReference(IntervalDay day) {
        int rank = settings.spikeReferenceRank();
        int[] top = new int[rank]; // descending
        int present = 0;
        for (Integer value : day.values()) {
            if (value == null) continue;
            int at = Math.min(present++, rank);
            while (at > 0 && top[at - 1] < value) {
                if (at < rank) top[at] = top[at - 1];
                at--;
            }
            if (at < rank) top[at] = value;
        }
        return present == day.slots() && present >= rank ? OptionalInt.of(top[rank - 1]) : OptionalInt.empty();
    }

    private void flatLines(List<Finding> findings, IntervalDay day, BitSet written, IntPredicate judged) {
        int threshold = VeeSettings.intervalsIn(settings.flatLineMinutes(), day.intervalMinutes());
        // a steady standby load (a fridge, a router) repeats exactly at the source's resolution (often whole Wh): not a stuck meter
        double minimum = settings.flatLineMinimumKw() * day.intervalMinutes() / 60.0 / day.channel().resolution().doubleValue();
        for (int[] run : equalRuns(day, written, judged, value -> value != 0 && Math.abs(value) >= minimum)) {
            int length = run[1] - run[0] + 1;
            if (length >= threshold) {
                findings.add(finding(day, VeeRule.FLAT_LINE, run[0], run[1], Finding.detail("value", Finding.value(day.channel(), day.values()[run[0]]),
                        "intervals", length, "minutes", length * day.intervalMinutes(), "threshold_minutes", settings.flatLineMinutes(),
                        "minimum_kw", settings.flatLineMinimumKw())));
            }
        }
    }

    /**
     * With the day's voltage, a zero run while the supply was there is a fault (and one while it was off is an
     * outage, not an exception). Without voltage data a long zero run cannot be told from a vacant house or an
     * outage: it is raised after its own, longer duration, blocking only where the settings say so.
     */
    private void zeroRuns(List<Finding> findings, IntervalDay day, BitSet written, IntPredicate judged,
                          Supplier<Optional<IntervalDay>> voltage) {
        if (meter.netMetered()) return; // no import while the roof covers the load is what net metering is for
        int withVoltage = VeeSettings.intervalsIn(settings.zeroRunMinutes(), day.intervalMinutes());
        int withoutVoltage = VeeSettings.intervalsIn(settings.zeroRunWithoutVoltageMinutes(), day.intervalMinutes());
        for (int[] run : equalRuns(day, written, judged, value -> value == 0)) {
            int length = run[1] - run[0] + 1;
            if (length < Math.min(withVoltage, withoutVoltage)) continue;
            Optional<IntervalDay> volts = voltage.get().filter(v -> v.intervalMinutes() == day.intervalMinutes());
            if (volts.isPresent()) {
                long present = IntStream.rangeClosed(run[0], run[1]).filter(slot -> volts.get().values()[slot] != null
                        && volts.get().values()[slot] * 0.01 >= settings.zeroRunMinimumVolts()).count();
                if (length >= withVoltage && present * 2 > length) {
                    findings.add(finding(day, VeeRule.ZERO_RUN, run[0], run[1], Finding.detail("intervals", length,
                            "minutes", length * day.intervalMinutes(), "intervals_with_voltage", present,
                            "threshold_minutes", settings.zeroRunMinutes(), "minimum_volts", settings.zeroRunMinimumVolts(),
                            "basis", "voltage")));
                }
            } else if (length >= withoutVoltage) {
                findings.add(finding(day, VeeRule.ZERO_RUN, run[0], run[1], Finding.detail("intervals", length,
                        "minutes", length * day.intervalMinutes(), "threshold_minutes", settings.zeroRunWithoutVoltageMinutes(),
                        "basis", "no_voltage"), settings.zeroRunWithoutVoltageBlocking()));
            }
        }
    }

    /** Maximal runs of one repeated value (matching {@code kind}) that contain a written slot. */
    private static List<int[]> equalRuns(IntervalDay day, BitSet written, IntPredicate judged, IntPredicate kind) {
        List<int[]> runs = new ArrayList<>();
        int slot = 0;
        while (slot < day.slots()) {
            if (!judged.test(slot) || !kind.test(day.values()[slot])) {
                slot++;
                continue;
            }
            int start = slot;
            while (slot + 1 < day.slots() && judged.test(slot + 1) && day.values()[slot + 1].equals(day.values()[start])) slot++;
            if (written.get(start, slot + 1).cardinality() > 0) runs.add(new int[] {start, slot});
            slot++;
        }
        return runs;
    }

    /** One finding per run of consecutive slots matching {@code test}. */
    private void runs(List<Finding> findings, IntervalDay day, VeeRule rule, IntPredicate test, Map<String, Object> detail) {
        int slot = 0;
        while (slot < day.slots()) {
            if (!test.test(slot)) {
                slot++;
                continue;
            }
            int start = slot;
            while (slot + 1 < day.slots() && test.test(slot + 1)) slot++;
            Map<String, Object> withValues = new LinkedHashMap<>(detail);
            withValues.put("values", Arrays.stream(day.values(), start, slot + 1).map(v -> Finding.value(day.channel(), v)).toList());
            findings.add(finding(day, rule, start, slot, withValues));
            slot++;
        }
    }

    private Finding finding(IntervalDay day, VeeRule rule, int first, int last, Map<String, Object> detail) {
        return finding(day, rule, first, last, detail, settings.blocks(rule));
    }

    private Finding finding(IntervalDay day, VeeRule rule, int first, int last, Map<String, Object> detail, boolean blocking) {
        return new Finding(day.meterId(), day.channel(), rule, day.slotEnd(first, zone), day.slotEnd(last, zone), detail, blocking);
    }


    private static double kwhOf(IntervalDay day, int slot) {
        return day.values()[slot] * day.channel().resolution().doubleValue();
    }


}
