package io.vidyut.mdm.vee;

import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Values validated and values failed per tenant, day and vendor: counted in memory on the hot path
 * and added to the table every few seconds by one thread, so ingest threads never queue on a
 * counter row. A crash loses at most the last few seconds of counts (statistics, not data).
 */
@Component
class ValidationCounts {
    private record Key(TenantScope tenant, LocalDate day, UUID vendorId) {}

    private record Tally(LongAdder validated, LongAdder failed) {
        Tally() {
            this(new LongAdder(), new LongAdder());
        }
    }

    private final Map<Key, Tally> pending = new ConcurrentHashMap<>();
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    ValidationCounts(JdbcClient jdbc, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Counts for the current tenant. */
    void add(LocalDate day, UUID vendorId, int validated, int failed) {
        if (vendorId == null || validated + failed == 0) return;
        TenantScope tenant = TenantContext.current().orElseThrow();
        Tally tally = pending.computeIfAbsent(new Key(tenant, day, vendorId), k -> new Tally());
        tally.validated().add(validated);
        tally.failed().add(failed);
    }

    @Scheduled(fixedDelayString = "${mdm.vee.count-flush-ms:5000}")
    void flush() {
        for (Key key : pending.keySet()) {
            Tally tally = pending.remove(key);
            if (tally == null) continue;
            long validated = tally.validated().sum();
            long failed = tally.failed().sum();
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
