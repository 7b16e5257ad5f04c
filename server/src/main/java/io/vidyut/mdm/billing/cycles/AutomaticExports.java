package io.vidyut.mdm.billing.cycles;

import io.vidyut.mdm.billing.export.ExportFailure;
import io.vidyut.mdm.billing.systems.ExportTargets;
import io.vidyut.mdm.tenancy.Tenant;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantDirectory;
import io.vidyut.mdm.tenancy.TenantScope;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Billing sends finished runs by itself: on a day of a billing system's window, every CYCLE, FIRST and FINAL run that
 * finished in the last {@link #LOOK_BACK} goes to it with what it was not sent yet (the whole run the first time, then
 * exceptions accepted since). INTERIM runs are sent by hand only. A delivery that failed is tried again after
 * {@link #FIRST_RETRY}, the delay doubling up to {@link #LONGEST_RETRY}; one that cannot succeed as it stands (a
 * refused host key, a batch too large) waits for a person, who sees it at {@code /billing/export-failures}.
 */
@Component
class AutomaticExports {
    static final String USER = "automatic";
    static final Duration LOOK_BACK = Duration.ofDays(92);
    static final Duration FIRST_RETRY = Duration.ofMinutes(5), LONGEST_RETRY = Duration.ofHours(6);
    private static final int MOST_ERROR_CHARS = 500;
    private static final Logger log = LoggerFactory.getLogger(AutomaticExports.class);

    private final RunExports exports;
    private final ExportTargets targets;
    private final TenantDirectory tenants;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    AutomaticExports(RunExports exports, ExportTargets targets, TenantDirectory tenants, JdbcClient jdbc,
                     TransactionTemplate transactions, Clock clock) {
        this.exports = exports;
        this.targets = targets;
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** A failed delivery of a run to a system, and when it is tried again (never, without {@code nextAt}). */
    record Attempt(UUID runId, String systemCode, int attempts, String lastError, boolean retryable, Instant lastAt, Instant nextAt) {}

    private record Key(UUID runId, String systemCode) {}

    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "${mdm.billing.runs.export-sweep:PT5M}")
    void sweep() {
        sweep(clock.instant());
    }

    /** Every tenant's due exports at {@code now}; returns how many were made. */
    int sweep(Instant now) {
        int made = 0;
        for (Tenant tenant : tenants.all()) {
            try {
                made += TenantContext.callAs(TenantScope.of(tenant.id(), tenant.code()), () -> sweepTenant(now, tenant));
            } catch (RuntimeException e) {
                log.warn("Automatic billing exports of tenant {} failed; the next sweep tries again", tenant.code(), e);
            }
        }
        return made;
    }

    private int sweepTenant(Instant now, Tenant tenant) {
        LocalDate today = now.atZone(tenants.zoneOf(tenant.id())).toLocalDate();
        List<String> systems = targets.billingOn(today);
        if (systems.isEmpty()) return 0;
        List<UUID> finished = transactions.execute(status -> jdbc.sql("""
                        select id from billing_run where status = 'DONE' and kind <> 'INTERIM' and finished_at >= ?
                         order by finished_at""")
                .param(Timestamp.from(now.minus(LOOK_BACK))).query(UUID.class).list());
        if (finished.isEmpty()) return 0;
        Map<Key, Attempt> attempts = transactions.execute(status -> attempts("where run_id = any(?)", (Object) finished.toArray(UUID[]::new))).stream()
                .collect(Collectors.toMap(a -> new Key(a.runId(), a.systemCode()), Function.identity()));
        int made = 0;
        for (String system : systems) {
            for (UUID run : finished) {
                Attempt before = attempts.get(new Key(run, system));
                if (before != null && (before.nextAt() == null || before.nextAt().isAfter(now))) continue;
                try {
                    if (exports.exportUnsent(run, system, USER).isPresent()) made++;
                } catch (ExportFailure failure) {
                    failed(run, system, before, failure.getMessage(), failure.retryable(), now);
                } catch (RuntimeException e) {
                    log.warn("Automatic export of billing run {} to {} failed", run, system, e);
                    failed(run, system, before, String.valueOf(e.getMessage()), false, now);
                }
            }
        }
        return made;
    }

    private void failed(UUID run, String system, Attempt before, String error, boolean retryable, Instant now) {
        int attempts = before == null ? 1 : before.attempts() + 1;
        Instant next = retryable ? now.plus(retryDelay(attempts)) : null;
        String message = error.length() > MOST_ERROR_CHARS ? error.substring(0, MOST_ERROR_CHARS) : error;
        transactions.executeWithoutResult(status -> jdbc.sql("""
                        insert into billing_export_attempt (tenant_id, run_id, system_code, attempts, last_error, retryable, last_at, next_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (run_id, system_code) do update set attempts = excluded.attempts, last_error = excluded.last_error,
                               retryable = excluded.retryable, last_at = excluded.last_at, next_at = excluded.next_at""")
                .params(TenantContext.requireTenantId(), run, system, attempts, message, retryable, Timestamp.from(now),
                        next == null ? null : Timestamp.from(next))
                .update());
    }

    /** After the n-th failure: {@link #FIRST_RETRY}, doubled each time, at most {@link #LONGEST_RETRY}. */
    static Duration retryDelay(int failures) {
        Duration delay = FIRST_RETRY.multipliedBy(1L << Math.min(failures - 1, 20));
        return delay.compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : delay;
    }

    /** The current tenant's failed deliveries, the latest first; call inside a transaction. */
    List<Attempt> failures() {
        return attempts("order by last_at desc limit 500");
    }

    private List<Attempt> attempts(String where, Object... params) {
        return jdbc.sql("select * from billing_export_attempt " + where).params(params)
                .query((rs, n) -> new Attempt(rs.getObject("run_id", UUID.class), rs.getString("system_code"), rs.getInt("attempts"),
                        rs.getString("last_error"), rs.getBoolean("retryable"), rs.getTimestamp("last_at").toInstant(),
                        rs.getTimestamp("next_at") == null ? null : rs.getTimestamp("next_at").toInstant()))
                .list();
    }
}
