package io.vidyut.mdm.readings;

import io.vidyut.mdm.channels.Channel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;

/** Where an interval value lives in the day layout: meter, channel, tenant-local day. */
record DayKey(UUID meterId, Channel channel, LocalDate day) {

    /** Slot of the interval ending at {@code end}: intervals are numbered from local midnight. */
    static int slot(Instant end, ZoneId zone, int intervalMinutes) {
        ZonedDateTime start = end.atZone(zone).minusMinutes(intervalMinutes);
        return (start.getHour() * 60 + start.getMinute()) / intervalMinutes;
    }

    static LocalDate day(Instant end, ZoneId zone, int intervalMinutes) {
        return end.atZone(zone).minusMinutes(intervalMinutes).toLocalDate();
    }

    /** End instant of a slot of this day. */
    Instant slotEnd(int slot, int intervalMinutes, ZoneId zone) {
        return day.atStartOfDay(zone).plusMinutes((long) (slot + 1) * intervalMinutes).toInstant();
    }
}
