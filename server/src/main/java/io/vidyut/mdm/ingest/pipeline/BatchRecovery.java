package io.vidyut.mdm.ingest.pipeline;

import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Batches acknowledged to an HES but not wholly stored — the process died, or the pipeline was
 * full — are put through the pipeline again: at start, within seconds for a batch that found the pipeline full,
 * and every few minutes for stragglers.
 */
@Component
public class BatchRecovery implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(BatchRecovery.class);
    /** A batch younger than this may still be on its way through the pipeline. */
    static final Duration GRACE = Duration.ofMinutes(5);

    private final JdbcClient jdbc;
    private final IngestService ingest;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final StalledBatches stalled;

    BatchRecovery(JdbcClient jdbc, IngestService ingest, TransactionTemplate transactions, Clock clock,
                  StalledBatches stalled) {
        this.jdbc = jdbc;
        this.ingest = ingest;
        this.transactions = transactions;
        this.clock = clock;
        this.stalled = stalled;
    }

    /** Batches that found the pipeline full a moment ago: through again as soon as it has room. */
    @Scheduled(fixedDelayString = "${mdm.ingest.stalled-redrive:PT2S}")
    void redriveStalled() {
        for (StalledBatches.Stalled batch : stalled.takeAll()) {
            try {
                TenantContext.runAs(TenantScope.of(batch.tenantId(), batch.tenantCode()), () -> ingest.redrive(batch.batchId()));
            } catch (RuntimeException e) {
                log.warn("Re-drive of stalled batch {} failed; the sweep for open batches takes it later", batch.batchId(), e);
            }
        }
    }

    private record OpenBatch(UUID batchId, UUID tenantId, String tenantCode) {}

    @Override
    public void run(ApplicationArguments args) {
        redriveOpenBatches(clock.instant());
    }

    @Scheduled(fixedDelayString = "PT5M", initialDelayString = "PT5M")
    void sweep() {
        redriveOpenBatches(clock.instant().minus(GRACE));
    }

    /** Re-drives batches received before {@code receivedBefore} that are not complete. */
    public int redriveOpenBatches(Instant receivedBefore) {
        List<OpenBatch> open = jdbc.sql("select * from mdm_open_ingest_batches(?)")
                .param(java.sql.Timestamp.from(receivedBefore))
                .query((rs, n) -> new OpenBatch(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3)))
                .list();
        for (OpenBatch batch : open) {
            try {
                TenantContext.runAs(TenantScope.of(batch.tenantId(), batch.tenantCode()), () -> ingest.redrive(batch.batchId()));
            } catch (RuntimeException e) {
                log.error("Re-drive of batch {} failed; it stays open", batch.batchId(), e);
                recordFailure(batch, e);
            }
        }
        if (!open.isEmpty()) log.info("Re-drove {} open ingest batches", open.size());
        return open.size();
    }

    /** Keeps the reason on the batch, where operators see it, for a batch that cannot be re-driven as it is. */
    private void recordFailure(OpenBatch batch, RuntimeException e) {
        try {
            TenantContext.runAs(TenantScope.of(batch.tenantId(), batch.tenantCode()), () -> transactions.executeWithoutResult(status ->
                    jdbc.sql("update ingest_batch set last_error = ? where id = ?")
                            .params("re-drive failed: " + e.getMessage(), batch.batchId()).update()));
        } catch (RuntimeException again) {
            log.warn("Could not record the re-drive failure of batch {}", batch.batchId(), again);
        }
    }
}
