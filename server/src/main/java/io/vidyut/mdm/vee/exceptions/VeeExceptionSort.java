package io.vidyut.mdm.vee.exceptions;

import io.vidyut.mdm.common.SortColumns;
import java.util.Map;

/**
 * The order of the exceptions queue: one column of a fixed set, ascending or descending, ties broken
 * by the exception's id, so paging through a sorted queue never repeats or skips an exception.
 */
record VeeExceptionSort(String column, boolean descending) {
    private static final SortColumns COLUMNS = new SortColumns(Map.of(
            "meter_serial", "e.meter_serial",
            "rule", "e.rule",
            "channel", "e.channel",
            "first_at", "e.first_at",
            "blocking", "e.blocking",
            // the queue's own order: open work first
            "status", "array_position(array['OPEN', 'RESOLVED'], e.status)",
            "assigned_to", "e.assigned_to",
            "detected_at", "e.detected_at"), "e.id");

    /** Oldest detection first: the queue's default order. */
    static final VeeExceptionSort BY_DETECTION = new VeeExceptionSort("detected_at", false);

    /** {@code detected_at}, {@code -first_at} …; null or blank: oldest detection first. */
    static VeeExceptionSort parse(String text) {
        return COLUMNS.parse(text).map(choice -> new VeeExceptionSort(choice.column(), choice.descending())).orElse(BY_DETECTION);
    }

    /** The SQL order-by clause (from the fixed set above, never from the caller's text). */
    String orderBy() {
        return COLUMNS.orderBy(column, descending);
    }
}
