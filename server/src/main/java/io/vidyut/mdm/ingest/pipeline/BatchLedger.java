package io.vidyut.mdm.ingest.pipeline;

import io.vidyut.mdm.ingest.BatchReceipt;
import io.vidyut.mdm.hes.mapping.ForeignText;
import io.vidyut.mdm.hes.mapping.RowRejection;
import io.vidyut.mdm.security.MachineClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The durable record of what HES systems delivered: every batch kept raw under its vendor and batch
 * key (the key of idempotency), the receipt a repeat gets, and the quarantine of rejected rows.
 * Callers run these inside their own transaction.
 */
@Component
class BatchLedger {
    static final int LISTED_REJECTIONS = 1000;
    /** How much of an unreadable message the quarantine keeps. */
    static final int QUARANTINED_PAYLOAD_BYTES = 65_536;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;

    BatchLedger(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
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
        quarantine(batch.vendor(), batch.id(), rejections);
    }

    Optional<BatchReceipt> receiptOf(UUID vendorId, String batchKey) {
        return jdbc.sql("""
                        select id, mapping_version, rows_total, rows_accepted, rows_rejected from ingest_batch
                         where vendor_id = ? and batch_key = ?""")
                .params(vendorId, batchKey)
                .query((rs, n) -> {
                    UUID id = rs.getObject(1, UUID.class);
                    List<BatchReceipt.Rejection> rejections = jdbc.sql(
                                    "select row_no, field, reason from quarantine_row where batch_id = ? order by row_no limit "
                                            + LISTED_REJECTIONS)
                            .param(id)
                            .query((r, i) -> new BatchReceipt.Rejection(r.getInt(1), r.getString(2), r.getString(3))).list();
                    // a repeat is answered as the first push was: a batch of which nothing was stored stays refused
                    BatchReceipt.Status status = rs.getInt(4) == 0 ? BatchReceipt.Status.REJECTED : BatchReceipt.Status.DUPLICATE;
                    return new BatchReceipt(id, batchKey, status, rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5),
                            rejections);
                })
                .optional();
    }

    /** Keeps a message that could not be read at all (no batch), with the reason (and its first 64 KiB). */
    void quarantineUnreadable(MachineClient vendor, byte[] payload, String reason) {
        jdbc.sql("""
                        insert into quarantine_row (id, tenant_id, vendor_id, batch_id, row_no, raw, field, reason)
                        values (?, ?, ?, null, 0, ?, 'payload', ?)""")
                .params(UUID.randomUUID(), vendor.tenantId(), vendor.vendorId(),
                        ForeignText.storable(new String(payload, 0, Math.min(payload.length, QUARANTINED_PAYLOAD_BYTES),
                                StandardCharsets.UTF_8)), ForeignText.storable(reason))
                .update();
    }

    private void quarantine(MachineClient vendor, UUID batchId, List<RowRejection> rejections) {
        template.batchUpdate("""
                insert into quarantine_row (id, tenant_id, vendor_id, batch_id, row_no, raw, field, reason)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", rejections, 1000, (ps, rejection) -> {
            ps.setObject(1, UUID.randomUUID());
            ps.setObject(2, vendor.tenantId());
            ps.setObject(3, vendor.vendorId());
            ps.setObject(4, batchId);
            ps.setInt(5, rejection.row());
            ps.setString(6, rejection.raw());
            ps.setString(7, rejection.field());
            ps.setString(8, rejection.reason());
        });
    }

    /** The answer to a batch stored now: accepted when anything of it can be stored, else rejected. */
    static BatchReceipt firstReceipt(NewBatch batch, List<RowRejection> rejections) {
        BatchReceipt.Status status = batch.accepted() > 0 ? BatchReceipt.Status.ACCEPTED : BatchReceipt.Status.REJECTED;
        return new BatchReceipt(batch.id(), batch.batchKey(), status, batch.mappingVersion(),
                batch.rows(), batch.accepted(), batch.rejected(), rejections.stream().limit(LISTED_REJECTIONS)
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
