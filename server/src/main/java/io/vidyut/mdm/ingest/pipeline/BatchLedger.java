package io.vidyut.mdm.ingest.pipeline;

import io.vidyut.mdm.ingest.BatchReceipt;
import io.vidyut.mdm.hes.mapping.RowRejection;
import io.vidyut.mdm.ingest.quarantine.Quarantine;
import io.vidyut.mdm.security.MachineClient;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The durable record of what HES systems delivered: every batch kept raw under its vendor and batch
 * key (the key of idempotency), the receipt a repeat gets, and the quarantine of rejected rows.
 * Callers run these inside their own transaction.
 */
@Component
class BatchLedger {
    private final JdbcClient jdbc;
    private final Quarantine quarantine;
    private final Clock clock;

    BatchLedger(JdbcClient jdbc, Quarantine quarantine, Clock clock) {
        this.jdbc = jdbc;
        this.quarantine = quarantine;
        this.clock = clock;
    }

    /** A batch as stored: {@code parts} still to be stored by the pipeline (0: complete at once). */
    record NewBatch(UUID id, MachineClient vendor, String batchKey, String protocol, int mappingVersion, byte[] payload,
                    int rows, int accepted, int rejected, int parts) {}

    /** The Idempotency-Key header, else the payload's own batch id, else the payload's SHA-256. */
    static String batchKey(String hint, String payloadBatchId, byte[] payload) {
        if (hint != null && !hint.isBlank()) return hint;
        return payloadBatchId != null ? payloadBatchId : "sha256:" + sha256(payload);
    }

    void record(NewBatch batch, List<RowRejection> rejections) {
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into ingest_batch (id, tenant_id, vendor_id, batch_key, protocol, mapping_version, payload,
                                                  rows_total, rows_accepted, rows_rejected, parts, received_at, completed_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(batch.id(), batch.vendor().tenantId(), batch.vendor().vendorId(), batch.batchKey(), batch.protocol(),
                        batch.mappingVersion(), batch.payload(), batch.rows(), batch.accepted(), batch.rejected(),
                        batch.parts(), now, batch.parts() == 0 ? now : null)
                .update();
        quarantine.keepRows(batch.vendor(), batch.id(), rejections);
    }

    Optional<BatchReceipt> receiptOf(UUID vendorId, String batchKey) {
        return jdbc.sql("""
                        select id, mapping_version, rows_total, rows_accepted, rows_rejected from ingest_batch
                         where vendor_id = ? and batch_key = ?""")
                .params(vendorId, batchKey)
                .query((rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    List<BatchReceipt.Rejection> rejections = quarantine.rejectionsOf(id);
                    // a repeat is answered as the first push was: a batch of which nothing was stored stays refused
                    BatchReceipt.Status status = rs.getInt(4) == 0 ? BatchReceipt.Status.REJECTED : BatchReceipt.Status.DUPLICATE;
                    return new BatchReceipt(id, batchKey, status, rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                            rejections);
                })
                .optional();
    }

    /** Keeps a message that could not be read at all (no batch), with the reason. */
    void quarantineUnreadable(MachineClient vendor, byte[] payload, String reason) {
        quarantine.keepUnreadable(vendor, payload, reason);
    }

    /** The answer to a batch stored now: accepted when anything of it can be stored, else rejected. */
    static BatchReceipt firstReceipt(NewBatch batch, List<RowRejection> rejections) {
        BatchReceipt.Status status = batch.accepted() > 0 ? BatchReceipt.Status.ACCEPTED : BatchReceipt.Status.REJECTED;
        return new BatchReceipt(batch.id(), batch.batchKey(), status, batch.mappingVersion(),
                batch.rows(), batch.accepted(), batch.rejected(), rejections.stream().limit(Quarantine.LISTED_REJECTIONS)
                .map(r -> new BatchReceipt.Rejection(r.row(), r.field(), r.reason())).toList());
    }

    private static String sha256(byte[] payload) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(payload));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
