package io.vidyut.mdm.vee;

import io.vidyut.mdm.common.FieldErrorsException;
import java.util.Locale;
import java.util.Map;

/**
 * The order of the exceptions queue: one column of a fixed set, ascending or descending, ties broken
 * by the exception's id, so paging through a sorted queue never repeats or skips an exception.
 */
public record VeeExceptionSort(String column, boolean descending) {
    private static final Map<String, String> COLUMNS = Map.of(
            "meter_serial", "m.serial",
            "rule", "e.rule",
            "channel", "e.channel",
            "first_at", "e.first_at",
            "blocking", "e.blocking",
            // the queue's own order: open work first
            "status", "array_position(array['OPEN', 'RESOLVED'], e.status)",
            "assigned_to", "e.assigned_to",
            "detected_at", "e.detected_at");

    /** Oldest detection first: the queue's default order. */
    public static final VeeExceptionSort BY_DETECTION = new VeeExceptionSort("detected_at", false);

    /** {@code detected_at}, {@code -first_at} …; null or blank: oldest detection first. */
    public static VeeExceptionSort parse(String text) {
        if (text == null || text.isBlank()) return BY_DETECTION;
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        boolean descending = trimmed.startsWith("-");
        String column = descending ? trimmed.substring(1) : trimmed;
        if (!COLUMNS.containsKey(column)) {
            throw FieldErrorsException.of("sort", "one of " + String.join(", ", COLUMNS.keySet().stream().sorted().toList())
                    + ", optionally with a leading '-'");
        }
        return new VeeExceptionSort(column, descending);
    }

    /** The SQL order-by clause (from the fixed set above, never from the caller's text). */
    String orderBy() {
        String direction = descending ? " desc" : "";
        return COLUMNS.get(column) + direction + ", e.id" + direction;
    }
}
