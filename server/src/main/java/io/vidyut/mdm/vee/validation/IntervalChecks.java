package io.vidyut.mdm.vee.validation;

import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.channels.Quality;
import io.vidyut.mdm.meters.MeterCategory;
import io.vidyut.mdm.readings.IntervalDay;
import io.vidyut.mdm.vee.VeeRule;
import io.vidyut.mdm.vee.exceptions.Finding;
import io.vidyut.mdm.vee.settings.MeterProfile;
import io.vidyut.mdm.vee.settings.VeeSettings;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * The interval checks over one stored day row. Only slots this write touched are judged (and, for
 * the spike and run checks, their neighbourhood), so a check costs a bounded amount per reading.
 * Estimated and edited values are people's or VEE's own and are not judged again.
 */
final class IntervalChecks {
    private final VeeSettings settings;
    private final MeterProfile meter;
    private final ZoneId zone;
    private final java.util.OptionalDouble typicalKwh;

    /** {@code typicalKwh}: the meter's recent typical interval on this channel, when enough is known. */
    IntervalChecks(VeeSettings settings, MeterProfile meter, ZoneId zone, java.util.OptionalDouble typicalKwh) {
        this.settings = settings;
        this.meter = meter;
        this.zone = zone;
        this.typicalKwh = typicalKwh;
    }

    /** {@code voltage} is asked for only when a zero run needs it. */
    List<Finding> check(IntervalDay day, IntervalDay before, BitSet written, Supplier<Optional<IntervalDay>> voltage) {
        List<Finding> findings = new ArrayList<>();
        IntPredicate judged = slot -> day.values()[slot] != null && !day.has(slot, Quality.ESTIMATED) && !day.has(slot, Quality.EDITED);
        IntPredicate touched = slot -> written.get(slot) && judged.test(slot);
        runs(findings, day, VeeRule.POWER_FAILURE, slot -> touched.test(slot) && day.has(slot, Quality.POWER_FAIL), Map.of());
        runs(findings, day, VeeRule.CLOCK_DRIFT, slot -> touched.test(slot) && day.has(slot, Quality.CLOCK_ADJUSTED),
                Map.of("note", "the HES stamp was off the interval boundary and was snapped to it"));
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
     * A slot is judged against the median of its neighbours once enough of them are there (a
     * touched slot re-judges its window); before that, against the meter's recent typical interval.
     */
    private void spikes(List<Finding> findings, IntervalDay day, BitSet written, IntPredicate judged) {
        int window = settings.spikeWindow();
        BitSet candidates = new BitSet(day.slots());
        written.stream().forEach(slot -> candidates.set(Math.max(0, slot - window), Math.min(day.slots(), slot + window + 1)));
        double floor = settings.spikeMinimumKwh();
        double resolution = day.channel().resolution().doubleValue();
        int[] neighbours = new int[2 * window]; // fixed-point values: this runs for every stored day row
        // no threshold is below this, so most ordinary intervals are passed without looking further
        double neverAbove = Math.min(settings.spikeFactor(), settings.spikeHistoryFactor()) * floor;
        for (int slot = candidates.nextSetBit(0); slot >= 0; slot = candidates.nextSetBit(slot + 1)) {
            if (!judged.test(slot)) continue;
            double kwh = day.values()[slot] * resolution;
            if (kwh < floor || kwh <= neverAbove) continue;
            int count = 0;
            for (int n = Math.max(0, slot - window); n <= Math.min(day.slots() - 1, slot + window); n++) {
                if (n != slot && day.values()[n] != null) neighbours[count++] = day.values()[n];
            }
            if (count < window) {
                if (typicalKwh.isEmpty()) continue;
                double threshold = settings.spikeHistoryFactor() * Math.max(typicalKwh.getAsDouble(), floor);
                if (kwh > threshold) {
                    findings.add(finding(day, VeeRule.SPIKE, slot, slot, Finding.detail("value", Finding.value(day.channel(), day.values()[slot]),
                            "typical_kwh", Finding.rounded(typicalKwh.getAsDouble()), "threshold_kwh", Finding.rounded(threshold),
                            "factor", settings.spikeHistoryFactor(), "basis", "history")));
                }
                continue;
            }
            if (!medianBelow(neighbours, count, kwh / settings.spikeFactor() / resolution)) continue;
            Arrays.sort(neighbours, 0, count);
            double median = neighbours[count / 2] * resolution;
            double threshold = settings.spikeFactor() * Math.max(median, floor);
            if (kwh > threshold) {
                findings.add(finding(day, VeeRule.SPIKE, slot, slot, Finding.detail("value", Finding.value(day.channel(), day.values()[slot]),
                        "neighbour_median_kwh", Finding.rounded(median), "threshold_kwh", Finding.rounded(threshold),
                        "factor", settings.spikeFactor(), "basis", "neighbours")));
            }
        }
    }

    /**
     * Whether the median (the upper one of an even count) lies below {@code limit}: more than half
     * the values do. A count instead of a sort; the sort is left for the few that are spikes. The
     * limit is widened a little so rounding can only send a slot on to the exact test, never past it.
     */
    private static boolean medianBelow(int[] values, int count, double limit) {
        double widened = limit * (1 + 1e-9);
        int below = 0;
        for (int i = 0; i < count; i++) if (values[i] < widened) below++;
        return below > count / 2;
    }

    private void flatLines(List<Finding> findings, IntervalDay day, BitSet written, IntPredicate judged) {
        for (int[] run : equalRuns(day, written, judged, value -> value != 0)) {
            if (run[1] - run[0] + 1 >= settings.flatLineIntervals()) {
                findings.add(finding(day, VeeRule.FLAT_LINE, run[0], run[1], Finding.detail("value", Finding.value(day.channel(), day.values()[run[0]]),
                        "intervals", run[1] - run[0] + 1, "threshold_intervals", settings.flatLineIntervals())));
            }
        }
    }

    private void zeroRuns(List<Finding> findings, IntervalDay day, BitSet written, IntPredicate judged,
                          Supplier<Optional<IntervalDay>> voltage) {
        if (meter.netMetered()) return; // no import while the roof covers the load is what net metering is for
        for (int[] run : equalRuns(day, written, judged, value -> value == 0)) {
            int length = run[1] - run[0] + 1;
            if (length < settings.zeroRunIntervals()) continue;
            Optional<IntervalDay> volts = voltage.get();
            if (volts.isEmpty() || volts.get().intervalMinutes() != day.intervalMinutes()) continue;
            long present = java.util.stream.IntStream.rangeClosed(run[0], run[1])
                    .filter(slot -> volts.get().values()[slot] != null
                            && volts.get().values()[slot] * 0.01 >= settings.zeroRunMinimumVolts()).count();
            if (present * 2 > length) {
                findings.add(finding(day, VeeRule.ZERO_RUN, run[0], run[1], Finding.detail("intervals", length,
                        "intervals_with_voltage", present, "threshold_intervals", settings.zeroRunIntervals(),
                        "minimum_volts", settings.zeroRunMinimumVolts())));
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
        return new Finding(day.meterId(), day.channel(), rule, day.slotEnd(first, zone), day.slotEnd(last, zone), detail);
    }


    private static double kwhOf(IntervalDay day, int slot) {
        return day.values()[slot] * day.channel().resolution().doubleValue();
    }


}
