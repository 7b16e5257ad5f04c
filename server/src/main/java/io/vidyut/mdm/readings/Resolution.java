package io.vidyut.mdm.readings;

import com.fasterxml.jackson.annotation.JsonValue;
import io.vidyut.mdm.common.FieldErrorsException;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

/** Buckets of a consumption series; days and months follow the tenant's time zone. */
public enum Resolution {
    MIN_15("15m", 15), MIN_30("30m", 30), HOUR("1h", 60), DAY("1d", 1440), MONTH("1mo", 0);

    private final String code;
    private final int minutes;

    Resolution(String code, int minutes) {
        this.code = code;
        this.minutes = minutes;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static Resolution parse(String code) {
        for (Resolution resolution : values()) {
            if (resolution.code.equals(code)) return resolution;
        }
        throw FieldErrorsException.of("resolution", "one of 15m, 30m, 1h, 1d, 1mo; not " + code);
    }

    /** Start of the bucket holding the interval that starts at {@code intervalStart}. */
    public ZonedDateTime bucketStart(ZonedDateTime intervalStart) {
        return switch (this) {
            case MONTH -> intervalStart.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
            case DAY -> intervalStart.truncatedTo(ChronoUnit.DAYS);
            default -> {
                ZonedDateTime day = intervalStart.truncatedTo(ChronoUnit.DAYS);
                long minutesIntoDay = ChronoUnit.MINUTES.between(day, intervalStart);
                yield day.plusMinutes(minutesIntoDay / minutes * minutes);
            }
        };
    }

    public ZonedDateTime next(ZonedDateTime bucketStart) {
        return this == MONTH ? bucketStart.plusMonths(1) : bucketStart.plusMinutes(minutes);
    }

    /** Whether buckets of this resolution can be built from intervals of the given length. */
    public boolean coarserOrEqual(int intervalMinutes) {
        return this == MONTH || (minutes >= intervalMinutes && minutes % intervalMinutes == 0);
    }
}
