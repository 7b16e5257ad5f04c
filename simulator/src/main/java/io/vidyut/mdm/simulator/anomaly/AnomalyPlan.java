package io.vidyut.mdm.simulator.anomaly;

import io.vidyut.mdm.simulator.load.Noise;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides, as pure functions of (seed, meter, time), where anomalies happen. The rate is the share of
 * opportunities each kind affects: meter-intervals for gaps, spikes and reverse energy, meter-days for clock
 * drift, late data and rollover, batches for duplicates. Gaps and reverse energy come in runs, so a run starts
 * with probability rate / mean run length per meter-interval, which leaves about {@code rate} of the intervals
 * affected. Runs can start before the window being generated and reach into it, so callers ask for the runs
 * overlapping a slot range.
 */
public final class AnomalyPlan {
    public static final int GAP_MAX = 8;
    public static final int REVERSE_MIN = 4;
    public static final int REVERSE_MAX = 16;
    public static final int LATE_MIN = 4;
    public static final int LATE_MAX = 16;
    public static final int DRIFT_MINUTES = 7;
    public static final double SPIKE_FACTOR = 10;
    private static final int TAG_GAP = 401;
    private static final int TAG_GAP_LENGTH = 402;
    private static final int TAG_SPIKE = 403;
    private static final int TAG_REVERSE = 404;
    private static final int TAG_REVERSE_LENGTH = 405;
    private static final int TAG_DRIFT = 406;
    private static final int TAG_DRIFT_SIGN = 407;
    private static final int TAG_LATE = 408;
    private static final int TAG_LATE_SHAPE = 409;
    private static final int TAG_DUPLICATE = 410;
    private static final int TAG_ROLLOVER = 411;

    private final long seed;
    private final double rate;

    public AnomalyPlan(long seed, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException("anomaly rate must be within 0..1, got " + rate);
        }
        this.seed = seed;
        this.rate = rate;
    }

    public static AnomalyPlan none() {
        return new AnomalyPlan(0, 0);
    }

    public boolean enabled() {
        return rate > 0;
    }

    public double rate() {
        return rate;
    }

    /** A run of consecutive intervals, by slot (see IntervalClock). */
    public record Run(long startSlot, int length) {
        public long endSlot() {
            return startSlot + length - 1;
        }

        public boolean covers(long slot) {
            return slot >= startSlot && slot <= endSlot();
        }
    }

    /** Held-back intervals of a meter-day: indexes {@code firstIndex … firstIndex+count-1}, sent {@code delay} late. */
    public record LateRun(int firstIndex, int count, Duration delay) {
        public boolean covers(int index) {
            return index >= firstIndex && index < firstIndex + count;
        }
    }

    public List<Run> gapRuns(long meterKey, long fromSlot, long toSlot) {
        return runs(meterKey, fromSlot, toSlot, TAG_GAP, TAG_GAP_LENGTH, 1, GAP_MAX);
    }

    public List<Run> reverseRuns(long meterKey, long fromSlot, long toSlot) {
        return runs(meterKey, fromSlot, toSlot, TAG_REVERSE, TAG_REVERSE_LENGTH, REVERSE_MIN, REVERSE_MAX);
    }

    public boolean isSpike(long meterKey, long slot) {
        return draw(meterKey, slot, TAG_SPIKE);
    }

    /** 0, or ±7 minutes by which the meter's clock is off for the whole day. */
    public int clockDriftMinutes(long meterKey, LocalDate day) {
        if (!draw(meterKey, day.toEpochDay(), TAG_DRIFT)) {
            return 0;
        }
        return Noise.unit(seed, meterKey, day.toEpochDay(), TAG_DRIFT_SIGN) < 0.5 ? DRIFT_MINUTES : -DRIFT_MINUTES;
    }

    public Optional<LateRun> lateRun(long meterKey, LocalDate day, int intervalsPerDay) {
        long epochDay = day.toEpochDay();
        if (!draw(meterKey, epochDay, TAG_LATE)) {
            return Optional.empty();
        }
        long shape = Noise.hash(seed, meterKey, epochDay, TAG_LATE_SHAPE);
        int count = LATE_MIN + (int) Math.floorMod(shape, (long) (LATE_MAX - LATE_MIN + 1));
        int first = (int) Math.floorMod(shape >>> 16, (long) (intervalsPerDay - count + 1));
        Duration delay = Duration.ofMinutes(120 + Math.floorMod(shape >>> 32, 361L));
        return Optional.of(new LateRun(first, count, delay));
    }

    public boolean isDuplicate(String batchKey) {
        return draw(Noise.keyOf(batchKey), 0, TAG_DUPLICATE);
    }

    public boolean isRolloverDay(long meterKey, LocalDate day) {
        return draw(meterKey, day.toEpochDay(), TAG_ROLLOVER);
    }

    /** The first day within [from, to] on which the meter's register is to roll over, if any. */
    public Optional<LocalDate> rolloverDay(long meterKey, LocalDate from, LocalDate to) {
        if (!enabled()) {
            return Optional.empty();
        }
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            if (isRolloverDay(meterKey, day)) {
                return Optional.of(day);
            }
        }
        return Optional.empty();
    }

    private List<Run> runs(long meterKey, long fromSlot, long toSlot, int startTag, int lengthTag, int minLength,
                           int maxLength) {
        if (!enabled()) {
            return List.of();
        }
        double startRate = rate / ((minLength + maxLength) / 2.0);
        List<Run> runs = new ArrayList<>();
        for (long slot = fromSlot - maxLength + 1; slot <= toSlot; slot++) {
            if (Noise.unit(seed, meterKey, slot, startTag) >= startRate) {
                continue;
            }
            int length = minLength + (int) Math.floorMod(Noise.hash(seed, meterKey, slot, lengthTag),
                    (long) (maxLength - minLength + 1));
            Run run = new Run(slot, length);
            if (run.endSlot() >= fromSlot) {
                runs.add(run);
            }
        }
        return runs;
    }

    private boolean draw(long key, long index, int tag) {
        return rate > 0 && Noise.unit(seed, key, index, tag) < rate;
    }
}
