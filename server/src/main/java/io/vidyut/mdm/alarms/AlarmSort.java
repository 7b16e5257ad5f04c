package io.vidyut.mdm.alarms;

import io.vidyut.mdm.common.SortColumns;
import java.util.Map;

/**
 * The order of an alarm list: one column of a fixed set, ascending or descending, ties broken by the
 * alarm's id, so paging through a sorted list never repeats or skips an alarm.
 */
public record AlarmSort(String column, boolean descending) {
    private static final SortColumns COLUMNS = new SortColumns(Map.ofEntries(
            Map.entry("kind", "a.kind"),
            Map.entry("place", "coalesce(a.meter_serial, a.node_code)"),
            // the lifecycle's own order and the severities' rank, not the names' alphabetical one
            Map.entry("status", "array_position(array['OPEN', 'ACKNOWLEDGED', 'RESOLVED'], a.status)"),
            Map.entry("severity", "array_position(array['INFO', 'MINOR', 'MAJOR', 'CRITICAL'], a.severity)"),
            Map.entry("acknowledged_by", "a.acknowledged_by"),
            Map.entry("title", "a.title"),
            Map.entry("occurrences", "a.occurrences"),
            Map.entry("first_at", "a.first_at"),
            Map.entry("last_at", "a.last_at"),
            Map.entry("raised_at", "a.raised_at")), "a.id");

    /** Newest first: the list's default order. */
    public static final AlarmSort NEWEST_FIRST = new AlarmSort("raised_at", true);

    /** {@code -raised_at}, {@code severity} …; null or blank: newest first. */
    public static AlarmSort parse(String text) {
        return COLUMNS.parse(text).map(choice -> new AlarmSort(choice.column(), choice.descending())).orElse(NEWEST_FIRST);
    }

    /** The SQL order-by clause (from the fixed set above, never from the caller's text). */
    String orderBy() {
        return COLUMNS.orderBy(column, descending);
    }
}
