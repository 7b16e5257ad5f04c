package io.vidyut.mdm.ingest;

import io.vidyut.mdm.readings.ReadingRetention;
import io.vidyut.mdm.tenancy.RetentionPolicy;
import io.vidyut.mdm.tenancy.Tenant;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantDirectory;
import io.vidyut.mdm.tenancy.TenantScope;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Nightly, per tenant: drops raw HES payloads of completed batches past the tenant's raw-batch
 * retention (the batch record stays, so a late repeat is still recognised) and, through the store's own
 * {@link ReadingRetention}, meter data past its interval retention, history included; both in one transaction.
 */
@Component
class RetentionJob {
    private static final Logger log = LoggerFactory.getLogger(RetentionJob.class);
    private final TenantDirectory tenants;
    private final JdbcClient jdbc;
    private final ReadingRetention readings;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RetentionJob(TenantDirectory tenants, JdbcClient jdbc, ReadingRetention readings, TransactionTemplate transactions, Clock clock) {
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.readings = readings;
        this.transactions = transactions;
        this.clock = clock;
    }

    record Purged(int payloads, int dayRows, int registerReads) {}

    @Scheduled(cron = "${mdm.retention.cron:0 30 2 * * *}")
    void nightly() {
        for (Tenant tenant : tenants.all()) {
            try {
                Purged purged = apply(tenant, clock.instant());
                if (purged.payloads() + purged.dayRows() + purged.registerReads() > 0) {
                    log.info("Retention for {}: {} raw payloads, {} day rows, {} register reads removed", tenant.code(),
                            purged.payloads(), purged.dayRows(), purged.registerReads());
                }
            } catch (RuntimeException e) {
                log.error("Retention for tenant {} failed", tenant.code(), e);
            }
        }
    }

    Purged apply(Tenant tenant, Instant now) {
        RetentionPolicy policy = RetentionPolicy.of(tenant.settings());
        Instant rawBefore = now.minus(policy.rawBatchDays(), ChronoUnit.DAYS);
        LocalDate dataBefore = now.atZone(tenant.timeZone()).toLocalDate().minusDays(policy.intervalDays());
        return TenantContext.callAs(TenantScope.of(tenant.id(), tenant.code()), () -> transactions.execute(status -> {
            int payloads = jdbc.sql("""
                    update ingest_batch set payload = ''::bytea
                     where received_at < ? and completed_at is not null and length(payload) > 0""")
                    .param(java.sql.Timestamp.from(rawBefore)).update();
            ReadingRetention.Purged data = readings.purgeBefore(dataBefore, tenant.timeZone());
            return new Purged(payloads, data.dayRows(), data.registerReads());
        }));
    }
}
