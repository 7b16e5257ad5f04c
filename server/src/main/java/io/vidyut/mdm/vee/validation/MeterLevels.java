package io.vidyut.mdm.vee.validation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.channels.Quality;
import io.vidyut.mdm.readings.IntervalDay;
import java.util.BitSet;
import java.util.OptionalDouble;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Each meter channel's typical interval over roughly the last week, kept in memory and updated in
 * O(1) per stored value: the history the spike check falls back on when an interval arrives before
 * its neighbours. Not persisted; after a restart it is learnt again from the next days' data.
 */
@Component
class MeterLevels {
    /** Values averaged over: a week of 15-minute intervals. */
    static final int SPAN = 7 * 96;
    /** Values needed before the level is trusted: three days. */
    static final int TRUSTED_AFTER = 3 * 96;

    private record Key(UUID tenantId, UUID meterId, Channel channel) {}

    /** A running mean over the last {@code SPAN} values (exponentially weighted once full). */
    private static final class Level {
        double mean;
        long count;

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
    }

    private final Cache<Key, Level> levels = Caffeine.newBuilder().maximumSize(2_000_000).build();

    OptionalDouble typical(UUID tenantId, IntervalDay day) {
        Level level = levels.getIfPresent(new Key(tenantId, day.meterId(), day.channel()));
        return level == null ? OptionalDouble.empty() : level.typical();
    }

    /** Learns from the actual values just written (estimates and edits are not the meter's own). */
    void learn(UUID tenantId, IntervalDay day, BitSet written) {
        levels.get(new Key(tenantId, day.meterId(), day.channel()), key -> new Level()).addActual(day, written);
    }
}
