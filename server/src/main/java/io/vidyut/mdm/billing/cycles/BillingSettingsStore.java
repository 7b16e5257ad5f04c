package io.vidyut.mdm.billing.cycles;

import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.FieldErrorsException.FieldError;
import io.vidyut.mdm.tenancy.TenantContext;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The current tenant's billing settings; {@link BillingSettings#DEFAULTS} until an administrator saves some. */
@Component
class BillingSettingsStore {
    private static final Set<Integer> INTEGRATION_MINUTES = Set.of(15, 30, 60);
    private final JdbcClient jdbc;
    private final Clock clock;

    BillingSettingsStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    BillingSettings current() {
        return jdbc.sql("""
                        select demand_integration_minutes, sliding_demand, max_estimated_share, max_missing_share,
                               sum_check_tolerance_kwh, sum_check_tolerance_percent, closing_read_hours from billing_settings""")
                .query((rs, n) -> new BillingSettings(rs.getInt(1), rs.getBoolean(2), rs.getBigDecimal(3), rs.getBigDecimal(4),
                        rs.getBigDecimal(5), rs.getBigDecimal(6), rs.getInt(7)))
                .optional().orElse(BillingSettings.DEFAULTS);
    }

    @Transactional
    BillingSettings save(BillingSettings settings, String user) {
        List<FieldError> problems = new ArrayList<>();
        if (!INTEGRATION_MINUTES.contains(settings.demandIntegrationMinutes())) {
            problems.add(new FieldError("demand_integration_minutes", "15, 30 or 60"));
        }
        share(problems, "max_estimated_share", settings.maxEstimatedShare());
        share(problems, "max_missing_share", settings.maxMissingShare());
        bounded(problems, "sum_check_tolerance_kwh", settings.sumCheckToleranceKwh(), new BigDecimal("100000"), 4);
        bounded(problems, "sum_check_tolerance_percent", settings.sumCheckTolerancePercent(), new BigDecimal("100"), 3);
        if (settings.closingReadHours() < 1 || settings.closingReadHours() > 168) {
            problems.add(new FieldError("closing_read_hours", "1 to 168"));
        }
        if (!problems.isEmpty()) throw new FieldErrorsException(problems);
        jdbc.sql("""
                        insert into billing_settings (tenant_id, demand_integration_minutes, sliding_demand, max_estimated_share,
                               max_missing_share, sum_check_tolerance_kwh, sum_check_tolerance_percent, closing_read_hours,
                               updated_by, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id) do update set demand_integration_minutes = excluded.demand_integration_minutes,
                               sliding_demand = excluded.sliding_demand, max_estimated_share = excluded.max_estimated_share,
                               max_missing_share = excluded.max_missing_share,
                               sum_check_tolerance_kwh = excluded.sum_check_tolerance_kwh,
                               sum_check_tolerance_percent = excluded.sum_check_tolerance_percent,
                               closing_read_hours = excluded.closing_read_hours, updated_by = excluded.updated_by,
                               updated_at = excluded.updated_at""")
                .params(TenantContext.requireTenantId(), settings.demandIntegrationMinutes(), settings.slidingDemand(),
                        settings.maxEstimatedShare(), settings.maxMissingShare(), settings.sumCheckToleranceKwh(),
                        settings.sumCheckTolerancePercent(), settings.closingReadHours(), user, Timestamp.from(clock.instant()))
                .update();
        return current();
    }

    private static void share(List<FieldError> problems, String field, BigDecimal value) {
        bounded(problems, field, value, BigDecimal.ONE, 4);
    }

    private static void bounded(List<FieldError> problems, String field, BigDecimal value, BigDecimal most, int decimals) {
        if (value == null || value.signum() < 0 || value.compareTo(most) > 0 || value.stripTrailingZeros().scale() > decimals) {
            problems.add(new FieldError(field, "required, 0 to " + most.toPlainString() + " with at most " + decimals + " decimals"));
        }
    }
}
