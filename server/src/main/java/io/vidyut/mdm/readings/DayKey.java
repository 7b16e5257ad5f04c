package io.vidyut.mdm.readings;

import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.common.WallClock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/** Where an interval value lives in the day layout: meter, channel, tenant-local day. */
record DayKey(UUID meterId, Channel channel, LocalDate day) {

    /** Slot of the interval ending at {@code end}: intervals are numbered from local midnight. */
    static int slot(Instant end, ZoneId zone, int intervalMinutes) {
        return WallClock.secondOfDay(end.minusSeconds(intervalMinutes * 60L), zone) / 60 / intervalMinutes;
    }

    static LocalDate day(Instant end, ZoneId zone, int intervalMinutes) {
        return WallClock.day(end.minusSeconds(intervalMinutes * 60L), zone);
    }

    /** End instant of a slot of this day. */
    Instant slotEnd(int slot, int intervalMinutes, ZoneId zone) {
        return day.atStartOfDay(zone).plusMinutes((long) (slot + 1) * intervalMinutes).toInstant();
    }
}
