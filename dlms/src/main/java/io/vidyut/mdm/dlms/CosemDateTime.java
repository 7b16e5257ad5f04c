package io.vidyut.mdm.dlms;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * COSEM {@code date-time} (12 bytes, Blue Book "Date and time formats"): year (uint16), month, day of month,
 * day of week, hour, minute, second, hundredths, deviation (int16 minutes, 0x8000 = not specified) and
 * clock status. Fields hold the raw values so that "not specified" (0xFF, 0xFFFF) survives a round trip.
 *
 * <p>Conversion to an instant needs the offset: a specified deviation is read with a {@link DeviationConvention}
 * (Blue Book by default); an unspecified one (what most Indian meters send, with IST wall-clock time) falls back
 * to the given zone.
 */
public record CosemDateTime(int year, int month, int dayOfMonth, int dayOfWeek,
                            int hour, int minute, int second, int hundredths,
                            int deviation, int clockStatus) {
    public static final int SIZE = 12;
    public static final int YEAR_NOT_SPECIFIED = 0xFFFF;
    public static final int NOT_SPECIFIED = 0xFF;
    /** 0x8000 read as a signed 16-bit value. */
    public static final int DEVIATION_NOT_SPECIFIED = Short.MIN_VALUE;

    public static final int STATUS_INVALID_VALUE = 0x01;
    public static final int STATUS_DOUBTFUL_VALUE = 0x02;
    public static final int STATUS_DIFFERENT_CLOCK_BASE = 0x04;
    public static final int STATUS_INVALID_CLOCK_STATUS = 0x08;
    public static final int STATUS_DAYLIGHT_SAVING_ACTIVE = 0x80;

    public CosemDateTime {
        Checks.inRange("year", year, 0, 0xFFFF);
        Checks.inRange("month", month, 0, 0xFF);
        Checks.inRange("day of month", dayOfMonth, 0, 0xFF);
        Checks.inRange("day of week", dayOfWeek, 0, 0xFF);
        Checks.inRange("hour", hour, 0, 0xFF);
        Checks.inRange("minute", minute, 0, 0xFF);
        Checks.inRange("second", second, 0, 0xFF);
        Checks.inRange("hundredths", hundredths, 0, 0xFF);
        Checks.inRange("deviation", deviation, Short.MIN_VALUE, Short.MAX_VALUE);
        Checks.inRange("clock status", clockStatus, 0, 0xFF);
    }

    /** Wall-clock time without deviation (0x8000) and clock status 0x00, as Indian meters typically send. */
    public static CosemDateTime ofLocal(LocalDateTime local) {
        return of(CosemDate.of(local.toLocalDate()), CosemTime.of(local.toLocalTime()), DEVIATION_NOT_SPECIFIED, 0);
    }

    /** Local fields of {@code time} with its offset written as deviation in the given convention. */
    public static CosemDateTime of(OffsetDateTime time, DeviationConvention convention) {
        int offsetMinutes = time.getOffset().getTotalSeconds() / 60;
        return of(CosemDate.of(time.toLocalDate()), CosemTime.of(time.toLocalTime()),
                convention.deviationFor(offsetMinutes), 0);
    }

    public static CosemDateTime of(CosemDate date, CosemTime time, int deviation, int clockStatus) {
        return new CosemDateTime(date.year(), date.month(), date.dayOfMonth(), date.dayOfWeek(),
                time.hour(), time.minute(), time.second(), time.hundredths(), deviation, clockStatus);
    }

    public static CosemDateTime fromBytes(byte[] bytes) {
        Checks.length("COSEM date-time", bytes, SIZE);
        return new CosemDateTime(
                ((bytes[0] & 0xFF) << 8) | (bytes[1] & 0xFF),
                bytes[2] & 0xFF, bytes[3] & 0xFF, bytes[4] & 0xFF,
                bytes[5] & 0xFF, bytes[6] & 0xFF, bytes[7] & 0xFF, bytes[8] & 0xFF,
                (short) (((bytes[9] & 0xFF) << 8) | (bytes[10] & 0xFF)),
                bytes[11] & 0xFF);
    }

    public byte[] toBytes() {
        return new byte[] {(byte) (year >> 8), (byte) year, (byte) month, (byte) dayOfMonth, (byte) dayOfWeek,
                (byte) hour, (byte) minute, (byte) second, (byte) hundredths,
                (byte) (deviation >> 8), (byte) deviation, (byte) clockStatus};
    }

    public CosemDate date() {
        return new CosemDate(year, month, dayOfMonth, dayOfWeek);
    }

    public CosemTime time() {
        return new CosemTime(hour, minute, second, hundredths);
    }

    public boolean isDeviationSpecified() {
        return deviation != DEVIATION_NOT_SPECIFIED;
    }

    public boolean isClockStatusSpecified() {
        return clockStatus != NOT_SPECIFIED;
    }

    /** True when the clock status is specified and has the given bit set, e.g. {@link #STATUS_INVALID_VALUE}. */
    public boolean hasStatus(int statusBit) {
        return isClockStatusSpecified() && (clockStatus & statusBit) != 0;
    }

    /** Wall-clock time as sent; fails with {@link DateTimeException} when a needed field is not specified. */
    public LocalDateTime toLocalDateTime() {
        return LocalDateTime.of(date().toLocalDate(), time().toLocalTime());
    }

    /** As {@link #toOffsetDateTime(ZoneId, DeviationConvention)} with the Blue Book sign. */
    public OffsetDateTime toOffsetDateTime(ZoneId fallbackZone) {
        return toOffsetDateTime(fallbackZone, DeviationConvention.BLUE_BOOK);
    }

    /**
     * The absolute time: with a specified deviation, its offset (read per {@code convention}); otherwise the
     * wall-clock time in {@code fallbackZone}, where the daylight-saving status bit (if specified) picks the
     * offset in an autumn overlap.
     */
    public OffsetDateTime toOffsetDateTime(ZoneId fallbackZone, DeviationConvention convention) {
        LocalDateTime local = toLocalDateTime();
        if (isDeviationSpecified()) {
            int offsetMinutes = convention.utcOffsetMinutes(deviation);
            if (Math.abs(offsetMinutes) > 18 * 60) {
                throw new DateTimeException("deviation " + deviation + " minutes is not a usable UTC offset");
            }
            return local.atOffset(ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
        }
        if (fallbackZone == null) {
            throw new DateTimeException("date-time " + this + " has no deviation and no fallback zone was given");
        }
        ZonedDateTime zoned = local.atZone(fallbackZone);
        if (isClockStatusSpecified()) {
            zoned = hasStatus(STATUS_DAYLIGHT_SAVING_ACTIVE)
                    ? zoned.withEarlierOffsetAtOverlap() : zoned.withLaterOffsetAtOverlap();
        }
        return zoned.toOffsetDateTime();
    }

    public Instant toInstant(ZoneId fallbackZone) {
        return toOffsetDateTime(fallbackZone).toInstant();
    }

    public Instant toInstant(ZoneId fallbackZone, DeviationConvention convention) {
        return toOffsetDateTime(fallbackZone, convention).toInstant();
    }

    @Override
    public String toString() {
        return date() + " " + time()
                + " deviation=" + (isDeviationSpecified() ? Integer.toString(deviation) : "unspecified")
                + " status=" + (isClockStatusSpecified() ? String.format("0x%02X", clockStatus) : "unspecified");
    }
}
