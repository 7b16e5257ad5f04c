package io.vidyut.mdm.dlms;

/**
 * How to read the signed {@code deviation} minutes of a COSEM date-time.
 *
 * <p>The Blue Book (IEC 62056-6-2, "Date and time formats") defines deviation as "-720..+720 in minutes
 * of local time to UTC", i.e. the minutes to add to local time to get UTC: {@code UTC = local + deviation}.
 * For India (UTC+05:30) that is -330, for Paris in winter -60. Several national companion specifications,
 * reportedly including India's IS 15959, send the opposite sign (the ISO-8601 offset, +330 for IST), so
 * the convention is a per-vendor / per-meter-class setting rather than a guess.
 */
public enum DeviationConvention {
    /** {@code UTC = local + deviation}: IST is sent as -330 (the Blue Book definition). */
    BLUE_BOOK,
    /** {@code local = UTC + deviation}: IST is sent as +330 (ISO-8601 offset sign). */
    UTC_OFFSET;

    /** The ISO-8601 offset (local − UTC) in minutes for a deviation value sent by the meter. */
    public int utcOffsetMinutes(int deviation) {
        return this == BLUE_BOOK ? -deviation : deviation;
    }

    /** The deviation value to send for an ISO-8601 offset (local − UTC) in minutes. */
    public int deviationFor(int utcOffsetMinutes) {
        return this == BLUE_BOOK ? -utcOffsetMinutes : utcOffsetMinutes;
    }
}
