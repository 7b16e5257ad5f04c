package io.vidyut.mdm.vee.estimation;

import io.vidyut.mdm.channels.Quality;
import io.vidyut.mdm.vee.settings.VeeSettings;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Set;

/**
 * The like-day history of a timeline: what a slot typically holds, from the same slot on earlier days of the same
 * day type (working day or weekend: the tenant's weekend days, and holidays) within the last weeks. The same weekday
 * counts most, estimated values count less than actual ones, older weeks optionally less; days that held a power failure
 * are left out (an outage day is no like day). The typical value is the weighted median, not the mean: household
 * intervals are skewed by appliances that run on some days only, and one kettle in the history should not lift
 * every estimate of its slot.
 */
final class LikeDays {
    /** Another weekday of the same day type (Tuesday for a Monday) counts half as much as the same weekday. */
    static final double OTHER_WEEKDAY_WEIGHT = 0.5;

    /** What the history is made of. */
    record Settings(int weeks, double estimatedWeight, double weeklyWeight, Set<LocalDate> holidays, Set<DayOfWeek> weekendDays) {
        static Settings of(VeeSettings settings) {
            return new Settings(settings.likeDayWeeks(), settings.likeDayEstimatedWeight(), settings.likeDayWeeklyWeight(),
                    settings.holidays(), settings.weekendDays());
        }
    }

    private final Timeline line;
    private final Settings settings;
    private final int perDay;
    /** Per day of the timeline: 0 not yet looked at, 1 clean, 2 held a power failure. */
    private final byte[] outage;

    LikeDays(Timeline line, Settings settings) {
        this.line = line;
        this.settings = settings;
        this.perDay = 24 * 60 / line.intervalMinutes;
        this.outage = new byte[line.size() / perDay + 1];
    }

    /** The weighted median of the slot's like-day history, or NaN when it has none. */
    double typical(int index) {
        Samples samples = samples(index);
        return samples.count() == 0 ? Double.NaN : weightedMedian(samples.values(), samples.weights(), samples.count());
    }

    /**
     * The weighted mean of the slot's like-day history, or NaN when it has none: what the slot holds on average,
     * appliances that run on some days only included (the median leaves them out, so over a whole day it falls short).
     */
    double average(int index) {
        Samples samples = samples(index);
        if (samples.count() == 0) return Double.NaN;
        double sum = 0, weight = 0;
        for (int i = 0; i < samples.count(); i++) {
            sum += samples.values()[i] * samples.weights()[i];
            weight += samples.weights()[i];
        }
        return sum / weight;
    }

    private record Samples(double[] values, double[] weights, int count) {}

    private Samples samples(int index) {
        int day = index / perDay, slot = index % perDay;
        LocalDate date = line.firstDay.plusDays(day);
        DayOfWeek weekday = weekday(date);
        boolean weekend = weekend(date);
        int most = settings.weeks() * 7;
        double[] values = new double[most];
        double[] weights = new double[most];
        int used = 0;
        for (int back = 1; back <= most && back <= day; back++) {
            DayOfWeek other = weekday(date.minusDays(back));
            if (weekend(date.minusDays(back)) != weekend) continue;
            int candidate = (day - back) * perDay + slot;
            if (!line.known(candidate) || heldOutage(day - back)) continue;
            double weight = (other == weekday ? 1 : OTHER_WEEKDAY_WEIGHT) * Math.pow(settings.weeklyWeight(), back / 7.0);
            if (line.has(candidate, Quality.ESTIMATED)) weight *= settings.estimatedWeight();
            if (weight <= 0) continue;
            values[used] = line.values[candidate];
            weights[used++] = weight;
        }
        return new Samples(values, weights, used);
    }

    /** The smallest value with at least half the total weight at or below it. */
    static double weightedMedian(double[] values, double[] weights, int count) {
        Integer[] order = new Integer[count];
        double total = 0;
        for (int i = 0; i < count; i++) {
            order[i] = i;
            total += weights[i];
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double cumulative = 0;
        for (Integer i : order) {
            cumulative += weights[i];
            if (cumulative >= total / 2) return values[i];
        }
        return values[order[count - 1]];
    }

    private DayOfWeek weekday(LocalDate date) {
        return settings.holidays().contains(date) ? DayOfWeek.SUNDAY : date.getDayOfWeek();
    }

    /** A weekend day of the tenant, or a holiday. */
    private boolean weekend(LocalDate date) {
        return settings.holidays().contains(date) || settings.weekendDays().contains(date.getDayOfWeek());
    }

    private boolean heldOutage(int day) {
        if (outage[day] == 0) {
            outage[day] = 1;
            for (int i = day * perDay; i < (day + 1) * perDay && i < line.size(); i++) {
                if (line.known(i) && line.has(i, Quality.POWER_FAIL)) outage[day] = 2;
            }
        }
        return outage[day] == 2;
    }
}
