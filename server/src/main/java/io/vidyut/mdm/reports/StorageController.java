package io.vidyut.mdm.reports;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.common.Roles;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Storage used by meter data, across tenants and per tenant, for the platform administrator: read through the
 * definer functions {@code mdm_storage_stats} and {@code mdm_storage_by_tenant}, which look at the interval and
 * register tables of every tenant.
 */
@RestController
@Tag(name = "Reports")
class StorageController {
    private final JdbcClient jdbc;

    StorageController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Disk used by meter data and what it holds; bytes per interval value include indexes and history. */
    record StorageStats(long intervalBytes, long intervalHistoryBytes, long registerBytes, long intervalRows,
                        long intervalValues, long registerValues, BigDecimal bytesPerIntervalValue) {}

    @GetMapping("/api/v1/platform/storage")
    @Roles.PlatformAdmin
    @Operation(summary = "Storage used by meter data across tenants (scans the interval store: not for every minute)")
    StorageStats storage() {
        return jdbc.sql("select * from mdm_storage_stats()").query((rs, n) -> {
            long values = rs.getLong("interval_values");
            long bytes = rs.getLong("interval_bytes") + rs.getLong("interval_history_bytes");
            return new StorageStats(rs.getLong("interval_bytes"), rs.getLong("interval_history_bytes"),
                    rs.getLong("register_bytes"), rs.getLong("interval_rows"), values, rs.getLong("register_values"),
                    values == 0 ? null : BigDecimal.valueOf(bytes).divide(BigDecimal.valueOf(values), 2, RoundingMode.HALF_UP));
        }).single();
    }

    /** One tenant's meter data: what it holds, and its share of the disk (tenants share tables, so an estimate). */
    record TenantStorage(String tenantCode, long intervalValues, long registerValues, long estimatedBytes) {}

    @GetMapping("/api/v1/platform/storage/tenants")
    @Roles.PlatformAdmin
    @Operation(summary = "Storage used by each tenant's meter data (scans the interval store: not for every minute)",
            description = "Every tenant, by code. estimated_bytes is each table's bytes on disk "
                    + "in proportion to the values the tenant holds in it; the tenants' shares add up to the total.")
    List<TenantStorage> byTenant() {
        return jdbc.sql("select * from mdm_storage_by_tenant()").query((rs, n) -> new TenantStorage(
                rs.getString("tenant_code"), rs.getLong("interval_values"), rs.getLong("register_values"),
                rs.getLong("estimated_bytes"))).list();
    }
}
