package io.vidyut.mdm.dlms;

import java.time.DateTimeException;
import java.time.LocalTime;

/** COSEM {@code time} (4 bytes): hour, minute, second, hundredths; each 0xFF when not specified. */
public record CosemTime(int hour, int minute, int second, int hundredths) {
    public static final int SIZE = 4;
    public static final int NOT_SPECIFIED = 0xFF;

    public CosemTime {
        Checks.inRange("hour", hour, 0, 0xFF);
        Checks.inRange("minute", minute, 0, 0xFF);
        Checks.inRange("second", second, 0, 0xFF);
        Checks.inRange("hundredths", hundredths, 0, 0xFF);
    }

    public static CosemTime of(LocalTime time) {
        return new CosemTime(time.getHour(), time.getMinute(), time.getSecond(), time.getNano() / 10_000_000);
    }

    public static CosemTime fromBytes(byte[] bytes) {
        Checks.length("COSEM time", bytes, SIZE);
        return new CosemTime(bytes[0] & 0xFF, bytes[1] & 0xFF, bytes[2] & 0xFF, bytes[3] & 0xFF);
    }

    public byte[] toBytes() {
        return new byte[] {(byte) hour, (byte) minute, (byte) second, (byte) hundredths};
    }

    /**
     * The time of day. Hour and minute must be specified; an unspecified second or hundredths counts as 0,
     * since interval stamps are whole minutes and many meters send 0xFF there.
     */
    public LocalTime toLocalTime() {
        if (hour > 23) {
            throw new DateTimeException("COSEM time " + this + " has no concrete hour (" + hour + ")");
        }
        if (minute > 59) {
            throw new DateTimeException("COSEM time " + this + " has no concrete minute (" + minute + ")");
        }
        int s = second == NOT_SPECIFIED ? 0 : second;
        int h = hundredths == NOT_SPECIFIED ? 0 : hundredths;
        if (s > 59 || h > 99) {
            throw new DateTimeException("COSEM time " + this + " has an invalid second or hundredths");
        }
        return LocalTime.of(hour, minute, s, h * 10_000_000);
    }

    @Override
    public String toString() {
        return CosemDate.field(hour) + ":" + CosemDate.field(minute) + ":" + CosemDate.field(second)
                + "." + CosemDate.field(hundredths);
    }
}
