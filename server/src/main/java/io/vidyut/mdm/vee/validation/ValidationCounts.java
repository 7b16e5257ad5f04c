package io.vidyut.mdm.vee.validation;

import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import io.vidyut.mdm.vee.settings.VeeProperties;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Values validated and values failed per tenant, day and vendor: counted in memory on the hot path
 * and added to the table every few seconds by one thread, so ingest threads never queue on a
 * counter row. A crash loses at most the last few seconds of counts (statistics, not data).
 */
@Component
class ValidationCounts implements SchedulingConfigurer {
    private record Key(TenantScope tenant, LocalDate day, UUID vendorId) {}

    /** Only touched inside the map's compute and remove, which lock the key's bin: no count slips between add and flush. */
    private static final class Tally {
        long validated;
        long failed;
    }

    private final Map<Key, Tally> pending = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Duration flushEvery;

    ValidationCounts(JdbcClient jdbc, TransactionTemplate transactions, VeeProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.flushEvery = Duration.ofMillis(properties.countFlushMs());
    }

    /** Flushes every {@code mdm.vee.count-flush-ms}. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::flush, flushEvery, Duration.ZERO));
    }

    /** Counts for the current tenant. */
    void add(LocalDate day, UUID vendorId, int validated, int failed) {
        if (vendorId == null || validated + failed == 0) return;
        TenantScope tenant = TenantContext.current().orElseThrow();
        pending.compute(new Key(tenant, day, vendorId), (key, tally) -> {
            Tally counted = tally == null ? new Tally() : tally;
            counted.validated += validated;
            counted.failed += failed;
            return counted;
        });
    }

    void flush() {
        for (Key key : pending.keySet()) {
            Tally tally = pending.remove(key);
            if (tally == null) continue;
            long validated = tally.validated;
            long failed = tally.failed;
            TenantContext.runAs(key.tenant(), () -> transactions.executeWithoutResult(status ->
                    jdbc.sql("""
                            insert into vee_daily_count (tenant_id, day, vendor_id, validated, failed) values (?, ?, ?, ?, ?)
                            on conflict (tenant_id, day, vendor_id) do update
                               set validated = vee_daily_count.validated + excluded.validated,
                                   failed = vee_daily_count.failed + excluded.failed""")
                            .params(key.tenant().tenantId(), key.day(), key.vendorId(), validated, failed).update()));
        }
    }
}
