package io.vidyut.mdm.vee.estimation;

import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.channels.Quality;
import io.vidyut.mdm.readings.IntervalDay;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * A meter channel's intervals over consecutive days as one array, so a gap over midnight is one
 * gap. Index i is the interval ending at {@code start + (i + 1) × interval}.
 */
final class Timeline {
    final Channel channel;
    final LocalDate firstDay;
    final int intervalMinutes;
    final Integer[] values;
    final byte[] quality;
    private final ZoneId zone;

    private Timeline(Channel channel, LocalDate firstDay, int intervalMinutes, Integer[] values, byte[] quality, ZoneId zone) {
        this.channel = channel;
        this.firstDay = firstDay;
        this.intervalMinutes = intervalMinutes;
        this.values = values;
        this.quality = quality;
        this.zone = zone;
    }

    /** Days from first to last; days without a row are all missing. Null when the rows disagree on interval length. */
    static Timeline of(Channel channel, LocalDate first, LocalDate last, List<IntervalDay> rows, ZoneId zone) {
        int minutes = rows.isEmpty() ? 15 : rows.get(0).intervalMinutes();
        if (rows.stream().anyMatch(r -> r.intervalMinutes() != minutes)) return null;
        int perDay = 24 * 60 / minutes;
        int days = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
        Integer[] values = new Integer[days * perDay];
        byte[] quality = new byte[days * perDay];
        for (IntervalDay row : rows) {
            int offset = (int) (row.day().toEpochDay() - first.toEpochDay()) * perDay;
            if (offset < 0 || offset >= values.length) continue;
            System.arraycopy(row.values(), 0, values, offset, perDay);
            System.arraycopy(row.quality(), 0, quality, offset, perDay);
        }
        return new Timeline(channel, first, minutes, values, quality, zone);
    }

    int size() {
        return values.length;
    }

    Instant end(int index) {
        return firstDay.atStartOfDay(zone).plusMinutes((long) (index + 1) * intervalMinutes).toInstant();
    }

    /** Index of the interval ending at {@code end}, or -1 outside the timeline. */
    int indexOf(Instant end) {
        long minutes = java.time.Duration.between(firstDay.atStartOfDay(zone).toInstant(), end).toMinutes();
        long index = minutes / intervalMinutes - 1;
        return index < 0 || index >= values.length || minutes % intervalMinutes != 0 ? -1 : (int) index;
    }

    boolean known(int index) {
        return index >= 0 && index < values.length && values[index] != null;
    }

    boolean has(int index, Quality flag) {
        return (quality[index] & flag.bit()) != 0;
    }

    /** A run of missing intervals, inclusive. */
    record Gap(int first, int last) {
        int length() {
            return last - first + 1;
        }
    }

    /**
     * Missing runs, with a known value before them, that ended by {@code edge}. A run still open at
     * the edge waits for its data, unless a whole day of it is already older than the edge (a meter
     * that stopped sending): then the part before the edge is a gap.
     */
    List<Gap> gaps(Instant edge) {
        int perDay = 24 * 60 / intervalMinutes;
        int lastAllowed = -1;
        for (int i = 0; i < values.length && !end(i).isAfter(edge); i++) lastAllowed = i;
        List<Gap> gaps = new ArrayList<>();
        int i = 0;
        while (i <= lastAllowed) {
            if (values[i] != null) {
                i++;
                continue;
            }
            int start = i;
            while (i + 1 < values.length && values[i + 1] == null) i++;
            if (start > 0) {
                if (i <= lastAllowed) gaps.add(new Gap(start, i));
                else if (lastAllowed - start + 1 >= perDay) gaps.add(new Gap(start, lastAllowed));
            }
            i++;
        }
        return gaps;
    }
}
