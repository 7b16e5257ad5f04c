package io.vidyut.mdm.simulator.load;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * 15-minute intervals identified by their end (PRODUCT §4.7), meter-days in Indian Standard Time. IST has no
 * daylight saving and its +05:30 offset is a multiple of 15 minutes, so interval boundaries are the same in UTC
 * and every day has exactly 96 intervals. A day's intervals end at 00:15 … 24:00 local time.
 *
 * <p>A <em>slot</em> numbers intervals globally: slot = interval end in epoch seconds / 900.
 */
public final class IntervalClock {
    public static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    public static final int MINUTES = 15;
    public static final int SECONDS = MINUTES * 60;
    public static final int PER_DAY = 24 * 60 / MINUTES;
    public static final double HOURS = MINUTES / 60.0;

    private IntervalClock() {
    }

    public static Instant dayStart(LocalDate day) {
        return day.atStartOfDay(IST).toInstant();
    }

    /** End of interval {@code index} (0 … 95) of the day. */
    public static Instant intervalEnd(LocalDate day, int index) {
        return dayStart(day).plusSeconds((long) (index + 1) * SECONDS);
    }

    public static long slot(Instant intervalEnd) {
        return Math.floorDiv(intervalEnd.getEpochSecond(), SECONDS);
    }

    public static long firstSlot(LocalDate day) {
        return slot(dayStart(day)) + 1;
    }

    public static Instant endOfSlot(long slot) {
        return Instant.ofEpochSecond(slot * SECONDS);
    }

    /** The meter-day an interval belongs to: the one it ends in, midnight counting as the previous day's 24:00. */
    public static LocalDate dayOf(Instant intervalEnd) {
        return LocalDate.ofInstant(intervalEnd.minusSeconds(1), IST);
    }

    public static int indexOf(Instant intervalEnd) {
        return (int) (slot(intervalEnd) - firstSlot(dayOf(intervalEnd)));
    }

    /** The latest interval boundary at or before {@code time}. */
    public static Instant floorToBoundary(Instant time) {
        return Instant.ofEpochSecond(Math.floorDiv(time.getEpochSecond(), SECONDS) * SECONDS);
    }

    /** Local hour of the middle of interval {@code index}, e.g. 0.125 for 00:00–00:15. */
    public static double midHour(int index) {
        return (index + 0.5) * HOURS;
    }
}
