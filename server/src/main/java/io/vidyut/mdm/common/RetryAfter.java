package io.vidyut.mdm.common;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** A receiver's {@code Retry-After} header (RFC 9110): delay seconds or an HTTP date. */
public final class RetryAfter {
    private RetryAfter() {}

    /** The wait it asks for, from {@code now}; zero for a date already past, null when the value is neither form. */
    public static Duration parse(String value, Instant now) {
        String text = value.strip();
        try {
            if (text.matches("\\d{1,9}")) return Duration.ofSeconds(Long.parseLong(text));
            Instant at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return wait.isNegative() ? Duration.ZERO : wait;
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
