package io.vidyut.mdm.vee.estimation;

import io.vidyut.mdm.channels.Quality;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    /** The shape scaled so its sum is {@code total} exactly (rounding remainders go to the largest values). */
    static long[] scaledTo(long[] shape, long total) {
        long sum = 0;
        for (long v : shape) sum += v;
        long[] scaled = new long[shape.length];
        if (sum <= 0) {
            for (int i = 0; i < shape.length; i++) scaled[i] = total / shape.length + (i < total % shape.length ? 1 : 0);
            return scaled;
        }
        long assigned = 0;
        for (int i = 0; i < shape.length; i++) {
            scaled[i] = (long) Math.floor((double) shape[i] * total / sum);
            assigned += scaled[i];
        }
        for (int i = 0; assigned < total; i = (i + 1) % shape.length, assigned++) scaled[i]++;
        return scaled;
    }

    /**
     * Each missing slot as the average of the same slot on like days of the last {@code weeks} weeks:
     * the same weekday, holidays counted as Sundays. Days holding an estimate or a power failure in
     * that slot's day are left out, as are days missing the slot.
     */
    static Optional<long[]> likeDay(Timeline line, Timeline.Gap gap, int weeks, Set<LocalDate> holidays, ZoneId zone) {
        int perDay = 24 * 60 / line.intervalMinutes;
        long[] values = new long[gap.length()];
        for (int i = 0; i < values.length; i++) {
            int index = gap.first() + i;
            LocalDate day = line.firstDay.plusDays(index / perDay);
            DayOfWeek type = dayType(day, holidays);
            long sum = 0;
            int used = 0;
            for (int back = 1; back <= weeks * 7; back++) {
                LocalDate candidate = day.minusDays(back);
                if (dayType(candidate, holidays) != type) continue;
                int other = index - back * perDay;
                if (other < 0 || !line.known(other) || !cleanDay(line, other / perDay, perDay)) continue;
                sum += line.values[other];
                used++;
            }
            if (used == 0) return Optional.empty();
            values[i] = Math.round((double) sum / used);
        }
        return Optional.of(values);
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

    private static boolean cleanDay(Timeline line, int dayIndex, int perDay) {
        for (int i = dayIndex * perDay; i < (dayIndex + 1) * perDay; i++) {
            if (line.has(i, Quality.ESTIMATED) || line.has(i, Quality.POWER_FAIL)) return false;
        }
        return true;
    }

    private static DayOfWeek dayType(LocalDate day, Set<LocalDate> holidays) {
        return holidays.contains(day) ? DayOfWeek.SUNDAY : day.getDayOfWeek();
    }
}
