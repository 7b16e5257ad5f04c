package io.vidyut.mdm.meters;

import io.vidyut.mdm.common.FieldErrorsException;
import java.util.Locale;
import java.util.Map;

/**
 * The order of a meter list: one column of a fixed set, ascending or descending, ties broken by
 * serial (unique in a tenant), so paging through a sorted list never repeats or skips a meter.
 */
public record MeterSort(String column, boolean descending) {
    private static final Map<String, String> COLUMNS = Map.of(
            "serial", "m.serial",
            "category", "m.category",
            "phase", "m.phase",
            "make", "m.make",
            // the lifecycle's own order, not the names' alphabetical one
            "lifecycle_stage", "array_position(array['IN_INVENTORY', 'SURVEYED', 'INSTALLATION_ASSIGNED', 'INSTALLED', "
                    + "'COMMISSIONED', 'IN_SERVICE', 'DECOMMISSIONED'], m.lifecycle_stage)",
            "stage_changed_at", "m.stage_changed_at");

    public static final MeterSort BY_SERIAL = new MeterSort("serial", false);

    /** {@code serial}, {@code -stage_changed_at} …; null or blank: by serial. */
    public static MeterSort parse(String text) {
        if (text == null || text.isBlank()) return BY_SERIAL;
        String trimmed = text.trim().toLowerCase(Locale.ROOT);
        boolean descending = trimmed.startsWith("-");
        String column = descending ? trimmed.substring(1) : trimmed;
        if (!COLUMNS.containsKey(column)) {
            throw FieldErrorsException.of("sort", "one of " + String.join(", ", COLUMNS.keySet().stream().sorted().toList())
                    + ", optionally with a leading '-'");
        }
        return new MeterSort(column, descending);
    }

    /** The SQL order-by clause (from the fixed set above, never from the caller's text). */
    String orderBy() {
        String direction = descending ? " desc" : "";
        String expression = COLUMNS.get(column);
        return column.equals("serial") ? expression + direction : expression + direction + ", m.serial" + direction;
    }
}
