package io.vidyut.mdm.dlms;

import java.time.DateTimeException;
import java.time.LocalDate;

/**
 * COSEM {@code date} (5 bytes): year (uint16, 0xFFFF = not specified), month, day of month, day of week
 * (1 = Monday .. 7 = Sunday), each 0xFF when not specified. Month 0xFD/0xFE mean daylight-savings end/begin,
 * day 0xFD/0xFE mean second-last/last day of the month (used in schedules, never in measured values).
 */
public record CosemDate(int year, int month, int dayOfMonth, int dayOfWeek) {
    public static final int SIZE = 5;
    public static final int YEAR_NOT_SPECIFIED = 0xFFFF;
    public static final int NOT_SPECIFIED = 0xFF;

    public CosemDate {
        Checks.inRange("year", year, 0, 0xFFFF);
        Checks.inRange("month", month, 0, 0xFF);
        Checks.inRange("day of month", dayOfMonth, 0, 0xFF);
        Checks.inRange("day of week", dayOfWeek, 0, 0xFF);
    }

    public static CosemDate of(LocalDate date) {
        return new CosemDate(date.getYear(), date.getMonthValue(), date.getDayOfMonth(),
                date.getDayOfWeek().getValue());
    }

    public static CosemDate fromBytes(byte[] bytes) {
        Checks.length("COSEM date", bytes, SIZE);
        return new CosemDate(((bytes[0] & 0xFF) << 8) | (bytes[1] & 0xFF),
                bytes[2] & 0xFF, bytes[3] & 0xFF, bytes[4] & 0xFF);
    }

    public byte[] toBytes() {
        return new byte[] {(byte) (year >> 8), (byte) year, (byte) month, (byte) dayOfMonth, (byte) dayOfWeek};
    }

    /** The calendar date; the day of week is not checked against it (meters often send 0xFF). */
    public LocalDate toLocalDate() {
        if (year == YEAR_NOT_SPECIFIED) {
            throw new DateTimeException("COSEM date " + this + " has an unspecified year");
        }
        if (month < 1 || month > 12) {
            throw new DateTimeException("COSEM date " + this + " has no concrete month (" + month + ")");
        }
        if (dayOfMonth < 1 || dayOfMonth > 31) {
            throw new DateTimeException("COSEM date " + this + " has no concrete day of month (" + dayOfMonth + ")");
        }
        return LocalDate.of(year, month, dayOfMonth);
    }

    @Override
    public String toString() {
        return (year == YEAR_NOT_SPECIFIED ? "FFFF" : String.format("%04d", year))
                + "-" + field(month) + "-" + field(dayOfMonth) + " wd" + field(dayOfWeek);
    }

    static String field(int value) {
        return value == NOT_SPECIFIED ? "FF" : String.format("%02d", value);
    }
}
