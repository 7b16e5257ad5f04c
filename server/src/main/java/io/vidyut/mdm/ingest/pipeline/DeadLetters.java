package io.vidyut.mdm.ingest.pipeline;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vidyut.mdm.common.ConflictException;
import io.vidyut.mdm.common.NotFoundException;
import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.hes.mapping.ForeignText;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The dead letters of the Kafka pipeline (table {@code ingest_dead_letter}): kept by the consumer when it gives up on
 * a record, then listed, re-driven or discarded by an operator. A dead letter of a part leaves its batch open (the
 * part is not recorded as stored), notes why on the batch, and keeps the recovery sweep off it until it is re-driven.
 */
@Component
class DeadLetters {
    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
    /**
     * How much of a record is kept: the producer's largest request (max.request.size, 1 MiB, which the transport's
     * producer keeps), so in practice the whole record; a longer one, from a producer set otherwise, is cut here.
     */
    static final int KEPT_BYTES = 1_048_576;

    /**
     * Rows of the scope itself: a platform administrator acting inside a tenant sees that tenant's dead letters only,
     * though row-level security would also show the platform's.
     */
    private static final String IN_SCOPE = "tenant_id is not distinct from mdm_current_tenant()";

    enum Status { OPEN, REDRIVEN, DISCARDED }

    /** A dead letter as the API shows it (its bytes apart: {@link #raw}). */
    record Entry(UUID id, UUID batchId, Integer part, String topic, int partition, long offset, int rawBytes, String error,
                 int attempts, Instant firstFailedAt, Instant lastFailedAt, Status status, Instant resolvedAt,
                 String resolvedBy, String discardReason) {}

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Counter kept;
    private final Clock clock;

    DeadLetters(JdbcClient jdbc, TransactionTemplate transactions, MeterRegistry metrics, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.kept = Counter.builder("mdm.ingest.dead.letters").tag("transport", "kafka")
                .description("Pipeline records given up on after every attempt and kept as dead letters").register(metrics);
    }

    /**
     * Keeps a record given up on, under its tenant, or the platform's when it could not be read; a part kept before
     * (it failed again after a re-drive) opens its row again.
     */
    void keep(DeadLetter letter) {
        IngestWork work = letter.work();
        String error = ForeignText.storable(NestedExceptionUtils.getMostSpecificCause(letter.error()).toString());
        TenantScope scope = work == null ? TenantScope.platformScope() : TenantScope.of(work.tenantId(), work.tenantCode());
        UUID id = TenantContext.callAs(scope, () -> transactions.execute(status -> {
            UUID row = insertOrReopen(letter, error);
            if (work != null) {
                jdbc.sql("update ingest_batch set last_error = ? where id = ?")
                        .params("part " + work.part() + " is dead letter " + row + ": " + error, work.batchId()).update();
            }
            return row;
        }));
        kept.increment();
        if (work == null) {
            log.error("Unreadable record at {}-{}@{} kept as dead letter {} of the platform: {}", letter.topic(),
                    letter.partition(), letter.offset(), id, error, letter.error());
        } else {
            log.error("Part {} of batch {} (tenant {}) at {}-{}@{} failed {} times; kept as dead letter {} and the batch "
                            + "stays open: {}", work.part(), work.batchId(), work.tenantCode(), letter.topic(),
                    letter.partition(), letter.offset(), letter.attempts(), id, error, letter.error());
        }
    }

    private UUID insertOrReopen(DeadLetter letter, String error) {
        IngestWork work = letter.work();
        byte[] raw = letter.value().length > KEPT_BYTES ? Arrays.copyOf(letter.value(), KEPT_BYTES) : letter.value();
        return jdbc.sql("""
                        insert into ingest_dead_letter (id, tenant_id, batch_id, part, topic, kafka_partition, kafka_offset,
                                                        raw, raw_bytes, error, attempts, first_failed_at, last_failed_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (batch_id, part) where batch_id is not null do update
                           set topic = excluded.topic, kafka_partition = excluded.kafka_partition,
                               kafka_offset = excluded.kafka_offset, raw = excluded.raw, raw_bytes = excluded.raw_bytes,
                               error = excluded.error, attempts = ingest_dead_letter.attempts + excluded.attempts,
                               last_failed_at = excluded.last_failed_at, status = 'OPEN', resolved_at = null,
                               resolved_by = null, discard_reason = null
                        returning id""")
                .params(UUID.randomUUID(), work == null ? null : work.tenantId(), work == null ? null : work.batchId(),
                        work == null ? null : work.part(), letter.topic(), letter.partition(), letter.offset(), raw,
                        letter.value().length, error, letter.attempts(), Timestamp.from(letter.firstFailedAt()),
                        Timestamp.from(clock.instant()))
                .query(UUID.class).single();
    }

    /** The current scope's dead letters in a status, the latest failure first: a tenant's, or in platform scope the platform's. */
    Page<Entry> list(Status status, PageRequest page) {
        return transactions.execute(tx -> {
            List<Entry> items = jdbc.sql("select * from ingest_dead_letter where " + IN_SCOPE + " and status = ?"
                            + " order by last_failed_at desc, id limit ? offset ?")
                    .params(status.name(), page.size(), page.offset()).query(DeadLetters::entry).list();
            long total = jdbc.sql("select count(*) from ingest_dead_letter where " + IN_SCOPE + " and status = ?")
                    .param(status.name()).query(Long.class).single();
            return Page.of(items, page, total);
        });
    }

    Entry get(UUID id) {
        return transactions.execute(tx -> jdbc.sql("select * from ingest_dead_letter where " + IN_SCOPE + " and id = ?")
                .param(id).query(DeadLetters::entry).optional().orElseThrow(() -> new NotFoundException("Dead letter", id)));
    }

    /** The bytes kept of the record (all of it unless {@link Entry#rawBytes()} says it was longer). */
    byte[] raw(UUID id) {
        return transactions.execute(tx -> jdbc.sql("select raw from ingest_dead_letter where " + IN_SCOPE + " and id = ?")
                .param(id).query(byte[].class).optional().orElseThrow(() -> new NotFoundException("Dead letter", id)));
    }

    /** Marks an open dead letter re-driven by {@code by}, before its part is put through the pipeline again. */
    Entry markRedriven(UUID id, String by) {
        return resolve(id, Status.REDRIVEN, by, null);
    }

    /** An open dead letter is given up for good: kept with the reason, and its batch stays open and unswept. */
    Entry discard(UUID id, String by, String reason) {
        Entry discarded = resolve(id, Status.DISCARDED, by, reason);
        if (discarded.batchId() != null) {
            transactions.executeWithoutResult(tx -> jdbc.sql("update ingest_batch set last_error = ? where id = ?")
                    .params("part " + discarded.part() + " discarded by " + by + ": " + reason, discarded.batchId()).update());
        }
        return discarded;
    }

    /** Opens a dead letter again whose re-drive did not reach the pipeline. */
    void reopen(UUID id) {
        transactions.executeWithoutResult(tx -> jdbc.sql("""
                        update ingest_dead_letter set status = 'OPEN', resolved_at = null, resolved_by = null
                         where id = ? and status = 'REDRIVEN'""")
                .param(id).update());
    }

    private Entry resolve(UUID id, Status to, String by, String reason) {
        return transactions.execute(tx -> {
            int changed = jdbc.sql("update ingest_dead_letter set status = ?, resolved_at = ?, resolved_by = ?, discard_reason = ?"
                            + " where " + IN_SCOPE + " and id = ? and status = 'OPEN'")
                    .params(to.name(), Timestamp.from(clock.instant()), by, reason, id).update();
            Entry entry = get(id);
            if (changed == 0) throw new ConflictException("Dead letter " + id + " is " + entry.status() + ", not OPEN");
            return entry;
        });
    }

    private static Entry entry(ResultSet rs, int row) throws SQLException {
        return new Entry(rs.getObject("id", UUID.class), rs.getObject("batch_id", UUID.class),
                rs.getObject("part", Integer.class), rs.getString("topic"), rs.getInt("kafka_partition"),
                rs.getLong("kafka_offset"), rs.getInt("raw_bytes"), rs.getString("error"), rs.getInt("attempts"),
                instant(rs, "first_failed_at"), instant(rs, "last_failed_at"), Status.valueOf(rs.getString("status")),
                instant(rs, "resolved_at"), rs.getString("resolved_by"), rs.getString("discard_reason"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
