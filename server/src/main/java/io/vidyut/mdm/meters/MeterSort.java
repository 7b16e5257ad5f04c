package io.vidyut.mdm.meters;

import io.vidyut.mdm.common.SortColumns;
import java.util.Map;

/**
 * The order of a meter list: one column of a fixed set, ascending or descending, ties broken by
 * serial (unique in a tenant), so paging through a sorted list never repeats or skips a meter.
 */
public record MeterSort(String column, boolean descending) {
    private static final SortColumns COLUMNS = new SortColumns(Map.of(
            "serial", "m.serial",
            "category", "m.category",
            "phase", "m.phase",
            "make", "m.make",
            // the lifecycle's own order, not the names' alphabetical one
            "lifecycle_stage", "array_position(array['IN_INVENTORY', 'SURVEYED', 'INSTALLATION_ASSIGNED', 'INSTALLED', "
                    + "'COMMISSIONED', 'IN_SERVICE', 'DECOMMISSIONED'], m.lifecycle_stage)",
            "stage_changed_at", "m.stage_changed_at"), "m.serial");

    public static final MeterSort BY_SERIAL = new MeterSort("serial", false);

    /** {@code serial}, {@code -stage_changed_at} …; null or blank: by serial. */
    public static MeterSort parse(String text) {
        return COLUMNS.parse(text).map(choice -> new MeterSort(choice.column(), choice.descending())).orElse(BY_SERIAL);
    }

    /** The SQL order-by clause (from the fixed set above, never from the caller's text). */
    String orderBy() {
        return COLUMNS.orderBy(column, descending);
    }
}
