package io.vidyut.mdm.vee.validation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.channels.Quality;
import io.vidyut.mdm.readings.IntervalDay;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.BitSet;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What the spike check knows of each meter channel's history, kept in memory and updated in O(1)
 * per stored value: its typical interval over roughly the last week (the fallback when an interval
 * arrives before its neighbours), and its highest interval on each complete day of the last four
 * weeks (a big day is only a spike when it is far above the meter's usual big days). The typical
 * interval is learnt again after a restart; the daily peaks are loaded from the store once
 * ({@link #needsPeaks}).
 */
@Component
class MeterLevels {
    /** Values averaged over: a week of 15-minute intervals. */
    static final int SPAN = 7 * 96;
    /** Values needed before the level is trusted: three days. */
    static final int TRUSTED_AFTER = 3 * 96;
    /** Days of daily peaks looked back over, and how many of them make a usual peak. */
    static final int PEAK_DAYS = 28;
    static final int PEAKS_TRUSTED_AFTER = 7;
    /** Ring of daily peaks by epoch day (a power of two above PEAK_DAYS). */
    private static final int RING = 32;

    private record Key(UUID tenantId, UUID meterId, Channel channel) {}

    /** A running mean over the last {@code SPAN} values (exponentially weighted once full), and the daily peaks. */
    private static final class Level {
        double mean;
        long count;
        /** Epoch day and peak (fixed point) packed per ring slot; allocated with the first peak. */
        long[] peaks;
        boolean peaksLoaded;

        /** The day's actual values among the written slots, under one lock. */
        synchronized void addActual(IntervalDay day, BitSet written) {
            double resolution = day.channel().resolution().doubleValue();
            for (int slot = written.nextSetBit(0); slot >= 0; slot = written.nextSetBit(slot + 1)) {
                if (day.values()[slot] != null && !day.has(slot, Quality.ESTIMATED) && !day.has(slot, Quality.EDITED)) {
                    count++;
                    mean += (day.values()[slot] * resolution - mean) / Math.min(count, SPAN);
                }
            }
        }

        synchronized OptionalDouble typical() {
            return count >= TRUSTED_AFTER ? OptionalDouble.of(mean) : OptionalDouble.empty();
        }

        synchronized void notePeak(LocalDate day, int peak) {
            if (peaks == null) {
                peaks = new long[RING];
                Arrays.fill(peaks, Long.MIN_VALUE);
            }
            long epochDay = day.toEpochDay();
            peaks[(int) (epochDay & (RING - 1))] = epochDay << 32 | (peak & 0xFFFFFFFFL);
        }

        /** The median of the peaks of the {@code PEAK_DAYS} days before {@code day}, once enough are known. */
        synchronized OptionalInt usualPeak(LocalDate day) {
            if (peaks == null) return OptionalInt.empty();
            long last = day.toEpochDay() - 1, first = last - PEAK_DAYS + 1;
            int[] known = new int[RING];
            int n = 0;
            for (long packed : peaks) {
                if (packed == Long.MIN_VALUE) continue;
                long epochDay = packed >> 32;
                if (epochDay >= first && epochDay <= last) known[n++] = (int) packed;
            }
            if (n < PEAKS_TRUSTED_AFTER) return OptionalInt.empty();
            Arrays.sort(known, 0, n);
            return OptionalInt.of(n % 2 == 1 ? known[n / 2] : (int) (((long) known[n / 2 - 1] + known[n / 2]) / 2));
        }
    }

    private final Cache<Key, Level> levels = Caffeine.newBuilder().maximumSize(2_000_000).build();

    OptionalDouble typical(UUID tenantId, IntervalDay day) {
        Level level = levels.getIfPresent(new Key(tenantId, day.meterId(), day.channel()));
        return level == null ? OptionalDouble.empty() : level.typical();
    }

    /** Learns from the actual values just written (estimates and edits are not the meter's own). */
    void learn(UUID tenantId, IntervalDay day, BitSet written) {
        level(tenantId, day).addActual(day, written);
    }

    /** The meter's usual daily peak before {@code day} (fixed point), once a week of complete days is known. */
    OptionalInt usualPeak(UUID tenantId, IntervalDay day) {
        Level level = levels.getIfPresent(new Key(tenantId, day.meterId(), day.channel()));
        return level == null ? OptionalInt.empty() : level.usualPeak(day.day());
    }

    /** Notes a complete day's highest actual value (estimates and edits are not the meter's own). */
    void notePeak(UUID tenantId, IntervalDay day) {
        if (!complete(day)) return;
        int peak = Integer.MIN_VALUE;
        for (int slot = 0; slot < day.slots(); slot++) {
            if (!day.has(slot, Quality.ESTIMATED) && !day.has(slot, Quality.EDITED)) peak = Math.max(peak, day.values()[slot]);
        }
        if (peak > Integer.MIN_VALUE) level(tenantId, day).notePeak(day.day(), peak);
    }

    /** Whether this process has not yet loaded the meter channel's earlier daily peaks from the store; marks them loaded. */
    boolean needsPeaks(UUID tenantId, IntervalDay day) {
        Level level = level(tenantId, day);
        synchronized (level) {
            if (level.peaksLoaded) return false;
            level.peaksLoaded = true;
            return true;
        }
    }

    static boolean complete(IntervalDay day) {
        for (Integer value : day.values()) {
            if (value == null) return false;
        }
        return true;
    }

    private Level level(UUID tenantId, IntervalDay day) {
        return levels.get(new Key(tenantId, day.meterId(), day.channel()), key -> new Level());
    }
}
