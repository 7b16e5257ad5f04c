package io.vidyut.mdm.ingest.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vidyut.mdm.channels.Quality;
import io.vidyut.mdm.ingest.quarantine.Quarantine;
import io.vidyut.mdm.readings.Reading;
import io.vidyut.mdm.readings.ReadingStore;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Stores one part of a batch and records the part as done in the same transaction; the batch is
 * complete when all its parts are. Safe to repeat: the store and the part record are idempotent.
 */
@Component
class StoreWriter {
    private final ReadingStore store;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Counter stored;
    private final Counter unchanged;
    private final Timer storing;
    private final Clock clock;
    private final Quarantine quarantine;

    StoreWriter(ReadingStore store, JdbcClient jdbc, TransactionTemplate transactions, MeterRegistry metrics, Clock clock,
                Quarantine quarantine) {
        this.store = store;
        this.quarantine = quarantine;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.stored = metrics.counter("mdm.ingest.values.stored");
        this.unchanged = metrics.counter("mdm.ingest.values.unchanged");
        this.storing = Timer.builder("mdm.ingest.part.store")
                .description("Storing one part of a batch: its transaction, validation included").register(metrics);
        this.clock = clock;
    }

    /** Readings the store refused go to the quarantine of the batch's vendor, so the part still completes. */
    private void quarantine(IngestWork work, java.util.List<ReadingStore.Refused> refused) {
        for (ReadingStore.Refused r : refused) {
            quarantine.keepRefusedValue(work.batchId(), r.reading().toString(), "interval_minutes", r.reason());
        }
    }

    /**
     * The months the part writes into exist before its transaction takes a connection (made inside it, each
     * consumer would hold one connection while waiting for a second, and enough consumers starve the pool).
     */
    private void prepareMonths(IngestWork work) {
        Instant first = null, last = null;
        for (Reading reading : work.readings()) {
            if (first == null || reading.at().isBefore(first)) first = reading.at();
            if (last == null || reading.at().isAfter(last)) last = reading.at();
        }
        if (first == null) return;
        // an interval ending at midnight belongs to the day before
        store.prepareDays(LocalDate.ofInstant(first, work.zone()).minusDays(1), LocalDate.ofInstant(last, work.zone()));
    }

    /**
     * The part's readings and the intervals derived from registers stored before it (an earlier
     * batch of the same meter went through this partition first, so its read is in the store now),
     * derived ones first: the store keeps the last value a write brings for a slot and records the
     * others, and an interval the meter sent outranks one the MDM worked out from its registers.
     */
    private List<Reading> withDerived(IngestWork work) {
        List<Reading> derived = new ArrayList<>(IntervalDerivation.resolve(work.pending(), store));
        List<Reading> sent = new ArrayList<>(work.readings().size());
        for (Reading reading : work.readings()) {
            ((reading.quality() & Quality.DERIVED.bit()) != 0 ? derived : sent).add(reading);
        }
        if (derived.isEmpty()) return work.readings();
        derived.addAll(sent);
        return derived;
    }

    void store(IngestWork work) {
        storing.record(() -> storeTimed(work));
    }

    private void storeTimed(IngestWork work) {
        prepareMonths(work);
        TenantContext.runAs(TenantScope.of(work.tenantId(), work.tenantCode()), () -> transactions.executeWithoutResult(status -> {
            ReadingStore.WriteResult result = store.write(withDerived(work), work.zone(), "batch:" + work.batchId());
            jdbc.sql("insert into ingest_batch_part (tenant_id, batch_id, part) values (?, ?, ?) on conflict do nothing")
                    .params(work.tenantId(), work.batchId(), work.part()).update();
            jdbc.sql("""
                    update ingest_batch b set completed_at = ?
                     where b.id = ? and b.completed_at is null
                       and (select count(*) from ingest_batch_part p
                             where p.batch_id = b.id and p.part < ?) >= b.parts""")
                    .params(java.sql.Timestamp.from(clock.instant()), work.batchId(), IngestService.REDRIVE_PART_BASE).update();
            quarantine(work, result.refused());
            stored.increment(result.stored());
            unchanged.increment(result.unchanged());
        }));
    }
}
