package io.vidyut.mdm.vee.estimation;

import io.vidyut.mdm.channels.Quality;
import java.util.List;
import java.util.Optional;
import java.util.function.IntPredicate;

/**
 * The estimation methods as pure functions over a timeline: each returns the values for a gap, or
 * nothing when its preconditions do not hold (the caller then tries the next method).
 */
final class Estimator {
    private Estimator() {}

    /** Straight line between the known values either side; never from an interval that held a power failure. */
    static Optional<long[]> linear(Timeline line, Timeline.Gap gap) {
        int before = gap.first() - 1, after = gap.last() + 1;
        if (!line.known(before) || !line.known(after)) return Optional.empty();
        if (line.has(before, Quality.POWER_FAIL) || line.has(after, Quality.POWER_FAIL)) return Optional.empty();
        double a = line.values[before], b = line.values[after];
        long[] values = new long[gap.length()];
        for (int i = 0; i < values.length; i++) values[i] = Math.round(a + (b - a) * (i + 1) / (values.length + 1));
        return Optional.of(values);
    }

    /** A level above this many times the history's is more likely a one-off than the meter's new normal. */
    static final double MAXIMUM_LEVEL = 2;

    /**
     * The shape scaled so its sum is {@code total} exactly: each value floored, the remaining units to the values
     * with the largest remainders. An all-zero shape shares the total evenly.
     */
    static long[] scaledTo(long[] shape, long total) {
        long sum = 0;
        for (long v : shape) sum += v;
        long[] scaled = new long[shape.length];
        if (sum <= 0) {
            for (int i = 0; i < shape.length; i++) scaled[i] = total / shape.length + (i < total % shape.length ? 1 : 0);
            return scaled;
        }
        double[] remainders = new double[shape.length];
        long assigned = 0;
        for (int i = 0; i < shape.length; i++) {
            double exact = (double) shape[i] * total / sum;
            scaled[i] = (long) Math.floor(exact);
            remainders[i] = exact - scaled[i];
            assigned += scaled[i];
        }
        Integer[] byRemainder = new Integer[shape.length];
        for (int i = 0; i < shape.length; i++) byRemainder[i] = i;
        java.util.Arrays.sort(byRemainder, (a, b) -> Double.compare(remainders[b], remainders[a]));
        for (int k = 0; assigned < total; k = (k + 1) % shape.length, assigned++) scaled[byRemainder[k]]++;
        return scaled;
    }

    /**
     * Each missing slot's typical like-day value ({@link LikeDays}), adjusted to the meter's typical level around the
     * gap: the median of the actual intervals near it over the median of their own like-day values (so a house
     * standing empty next to the gap is estimated empty, and one kettle beside it lifts nothing).
     */
    static Optional<long[]> likeDay(Timeline line, Timeline.Gap gap, LikeDays history) {
        return shape(gap, history).map(shape -> times(shape, level(line, gap, history, false)));
    }

    /**
     * The like-day shape holding the gap's likely energy: the mean of two estimates of it, each wrong in its own way
     * — the energy the actual intervals around the gap imply (their energy over their like-day values', which a
     * one-off day next to the gap misleads) and the like-day history's average energy for these slots (which misses
     * a change of level). For long gaps, where the gap's energy is what billing feels.
     */
    static Optional<long[]> likeDayScaled(Timeline line, Timeline.Gap gap, LikeDays history) {
        return shape(gap, history).map(shape -> {
            double shapeEnergy = 0, averageEnergy = 0;
            for (int i = 0; i < shape.length; i++) {
                shapeEnergy += shape[i];
                averageEnergy += history.average(gap.first() + i);
            }
            double aroundEnergy = shapeEnergy * level(line, gap, history, true);
            double energy = (aroundEnergy + averageEnergy) / 2;
            return times(shape, shapeEnergy > 0 ? energy / shapeEnergy : 1);
        });
    }

    /** The typical like-day value of each slot of the gap; empty when a slot has no history. */
    static Optional<double[]> shape(Timeline.Gap gap, LikeDays history) {
        double[] shape = new double[gap.length()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = history.typical(gap.first() + i);
            if (Double.isNaN(shape[i])) return Optional.empty();
        }
        return Optional.of(shape);
    }

    /**
     * The meter's level against its like-day history, from the actual intervals (no estimate, no power failure)
     * within reach of the gap on either side: as far as the gap is long, at least two hours, at most a day. By
     * energy (sums) or by typical value (medians); 1 when nothing can be compared, never above {@link #MAXIMUM_LEVEL}.
     */
    static double level(Timeline line, Timeline.Gap gap, LikeDays history, boolean energy) {
        int perHour = 60 / line.intervalMinutes;
        int reach = Math.min(Math.max(gap.length(), 2 * perHour), 24 * perHour);
        double[] actual = new double[2 * reach], typical = new double[2 * reach];
        int used = 0;
        for (int offset = 1; offset <= reach; offset++) {
            for (int index : new int[] {gap.first() - offset, gap.last() + offset}) {
                if (!line.known(index) || line.has(index, Quality.ESTIMATED) || line.has(index, Quality.POWER_FAIL)) continue;
                double expected = history.typical(index);
                if (Double.isNaN(expected)) continue;
                actual[used] = line.values[index];
                typical[used++] = expected;
            }
        }
        if (used == 0) return 1;
        double own = energy ? sum(actual, used) : median(actual, used);
        double theirs = energy ? sum(typical, used) : median(typical, used);
        if (theirs <= 0) return 1;
        return Math.min(MAXIMUM_LEVEL, Math.max(0, own / theirs));
    }

    /** Values for the estimated intervals of a register span, and whether their shape was the like-day history. */
    record Rescaled(int[] indices, long[] values, boolean likeDayShape) {}

    /**
     * The {@code adjustable} intervals of the span [first, last] rescaled so the span holds exactly the register's
     * {@code advance}: the residual is spread over all of them in proportion to their like-day shape (their own
     * values when {@code history} is null or lacks a slot), never left in one gap; so a value rises above its like-day
     * value only as far as the register demands. Empty when an interval of the span is missing, none is adjustable, or the fixed
     * ones alone exceed the advance (the sum check speaks for that).
     */
    static Optional<Rescaled> toRegister(Timeline line, int first, int last, long advance, IntPredicate adjustable, LikeDays history) {
        List<Integer> indices = new java.util.ArrayList<>();
        long fixed = 0;
        for (int index = first; index <= last; index++) {
            if (!line.known(index)) return Optional.empty();
            if (adjustable.test(index)) indices.add(index);
            else fixed += line.values[index];
        }
        long total = advance - fixed;
        if (indices.isEmpty() || total < 0) return Optional.empty();
        long[] likeDay = new long[indices.size()], own = new long[indices.size()];
        boolean historyComplete = history != null;
        for (int i = 0; i < indices.size(); i++) {
            double typical = history == null ? Double.NaN : history.typical(indices.get(i));
            historyComplete &= !Double.isNaN(typical);
            likeDay[i] = Double.isNaN(typical) ? 0 : Math.round(typical);
            own[i] = line.values[indices.get(i)];
        }
        boolean useHistory = historyComplete && sum(likeDay) > 0;
        return Optional.of(new Rescaled(indices.stream().mapToInt(Integer::intValue).toArray(),
                scaledTo(useHistory ? likeDay : own, total), useHistory));
    }

    private static long[] times(double[] shape, double level) {
        long[] values = new long[shape.length];
        for (int i = 0; i < shape.length; i++) values[i] = Math.round(shape[i] * level);
        return values;
    }

    private static double sum(double[] values, int count) {
        double sum = 0;
        for (int i = 0; i < count; i++) sum += values[i];
        return sum;
    }

    private static long sum(long[] values) {
        long sum = 0;
        for (long v : values) sum += v;
        return sum;
    }

    private static double median(double[] values, int count) {
        double[] sorted = java.util.Arrays.copyOf(values, count);
        java.util.Arrays.sort(sorted);
        return count % 2 == 1 ? sorted[count / 2] : (sorted[count / 2 - 1] + sorted[count / 2]) / 2;
    }

    /** The average of up to four known values next to the gap, on whichever side is known. */
    static Optional<long[]> flat(Timeline line, Timeline.Gap gap) {
        long sum = 0;
        int used = 0;
        for (int i = 1; i <= 4; i++) {
            if (line.known(gap.first() - i)) { sum += line.values[gap.first() - i]; used++; }
            if (line.known(gap.last() + i)) { sum += line.values[gap.last() + i]; used++; }
        }
        if (used == 0) return Optional.empty();
        long[] values = new long[gap.length()];
        java.util.Arrays.fill(values, Math.round((double) sum / used));
        return Optional.of(values);
    }

    /**
     * The neighbours' average at each missing slot, scaled by how this meter compares with them on
     * the known slots around the gap (as many on each side as the gap is long, at least four
     * hours' worth), so a short gap takes the meter's level at that time of day and a long one its
     * level over the surrounding days. {@code neighbours} are timelines over the same days.
     */
    static Optional<long[]> profile(Timeline line, Timeline.Gap gap, List<Timeline> neighbours) {
        if (neighbours.isEmpty()) return Optional.empty();
        int reach = Math.max(gap.length(), 4 * 60 / line.intervalMinutes);
        int from = Math.max(0, gap.first() - reach), to = Math.min(line.size(), gap.last() + 1 + reach);
        double own = 0, theirs = 0;
        for (int index = from; index < to; index++) {
            if (!line.known(index)) continue;
            double average = neighbourAverage(neighbours, index);
            if (Double.isNaN(average)) continue;
            own += line.values[index];
            theirs += average;
        }
        if (theirs <= 0) return Optional.empty();
        double scale = own / theirs;
        long[] values = new long[gap.length()];
        for (int i = 0; i < values.length; i++) {
            double average = neighbourAverage(neighbours, gap.first() + i);
            if (Double.isNaN(average)) return Optional.empty();
            values[i] = Math.round(average * scale);
        }
        return Optional.of(values);
    }

    private static double neighbourAverage(List<Timeline> neighbours, int index) {
        double sum = 0;
        int used = 0;
        for (Timeline n : neighbours) {
            if (n.known(index) && !n.has(index, Quality.ESTIMATED)) {
                sum += n.values[index];
                used++;
            }
        }
        return used == 0 ? Double.NaN : sum / used;
    }
}
