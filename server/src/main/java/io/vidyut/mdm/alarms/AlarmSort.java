package io.vidyut.mdm.alarms;

import io.vidyut.mdm.common.FieldErrorsException;
import java.util.Locale;
import java.util.Map;

/**
 * The order of an alarm list: one column of a fixed set, ascending or descending, ties broken by the
 * alarm's id, so paging through a sorted list never repeats or skips an alarm.
 */
public record AlarmSort(String column, boolean descending) {
    private static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("kind", "a.kind"),
            Map.entry("place", "coalesce(m.serial, n.code)"),
            // the lifecycle's own order and the severities' rank, not the names' alphabetical one
            Map.entry("status", "array_position(array['OPEN', 'ACKNOWLEDGED', 'RESOLVED'], a.status)"),
            Map.entry("severity", "array_position(array['INFO', 'MINOR', 'MAJOR', 'CRITICAL'], a.severity)"),
            Map.entry("acknowledged_by", "a.acknowledged_by"),
            Map.entry("title", "a.title"),
            Map.entry("occurrences", "a.occurrences"),
            Map.entry("first_at", "a.first_at"),
            Map.entry("last_at", "a.last_at"),
            Map.entry("raised_at", "a.raised_at"));

    /** Newest first: the list's default order. */
    public static final AlarmSort NEWEST_FIRST = new AlarmSort("raised_at", true);

    /** {@code -raised_at}, {@code severity} …; null or blank: newest first. */
    public static AlarmSort parse(String text) {
        if (text == null || text.isBlank()) return NEWEST_FIRST;
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        boolean descending = trimmed.startsWith("-");
        String column = descending ? trimmed.substring(1) : trimmed;
        if (!COLUMNS.containsKey(column)) {
            throw FieldErrorsException.of("sort", "one of " + String.join(", ", COLUMNS.keySet().stream().sorted().toList())
                    + ", optionally with a leading '-'");
        }
        return new AlarmSort(column, descending);
    }

    /** The SQL order-by clause (from the fixed set above, never from the caller's text). */
    String orderBy() {
        String direction = descending ? " desc" : "";
        return COLUMNS.get(column) + direction + ", a.id" + direction;
    }
}
