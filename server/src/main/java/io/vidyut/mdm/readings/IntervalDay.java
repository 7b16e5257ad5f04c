package io.vidyut.mdm.readings;

import io.vidyut.mdm.channels.Channel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A stored day of one meter's interval channel as other modules see it: a value (fixed-point, the
 * channel's resolution) and a quality mask per slot, slot 0 ending {@code intervalMinutes} after
 * local midnight; a null value is a missing interval. The arrays are copies the reader may keep.
 * {@code version} is the stored row's (1 on first arrival, one more per change: billing records which data it used),
 * 0 for a day not read from the store.
 */
public record IntervalDay(UUID meterId, Channel channel, LocalDate day, int intervalMinutes, Integer[] values,
                          byte[] quality, int version) {

    public IntervalDay(UUID meterId, Channel channel, LocalDate day, int intervalMinutes, Integer[] values, byte[] quality) {
        this(meterId, channel, day, intervalMinutes, values, quality, 0);
    }

    public int slots() {
        return values.length;
    }

    /** End instant of a slot. */
    public Instant slotEnd(int slot, ZoneId zone) {
        return day.atStartOfDay(zone).plusMinutes((long) (slot + 1) * intervalMinutes).toInstant();
    }

    /** How many of the day's slots had ended by {@code at}: 0 before the day, all of them after it. */
    public int slotsEndedBy(Instant at, ZoneId zone) {
        long minutes = java.time.Duration.between(day.atStartOfDay(zone).toInstant(), at).toMinutes();
        return (int) Math.max(0, Math.min(slots(), Math.floorDiv(minutes, intervalMinutes)));
    }

    /** Slot of the interval ending at {@code end}, which must lie in this day. */
    public int slotOf(Instant end, ZoneId zone) {
        return DayKey.slot(end, zone, intervalMinutes);
    }

    public boolean has(int slot, io.vidyut.mdm.channels.Quality flag) {
        return (quality[slot] & flag.bit()) != 0;
    }

    /** The local day holding the interval that ends at {@code end}. */
    public static LocalDate dayOf(Instant end, ZoneId zone, int intervalMinutes) {
        return DayKey.day(end, zone, intervalMinutes);
    }

    static IntervalDay of(DayRow row) {
        return new IntervalDay(row.key.meterId(), row.key.channel(), row.key.day(), row.intervalMinutes,
                row.values.clone(), row.quality.clone(), row.version);
    }
}
