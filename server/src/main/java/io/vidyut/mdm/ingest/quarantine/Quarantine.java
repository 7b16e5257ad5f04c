package io.vidyut.mdm.ingest.quarantine;

import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.hes.mapping.ForeignText;
import io.vidyut.mdm.hes.mapping.RowRejection;
import io.vidyut.mdm.ingest.BatchReceipt;
import io.vidyut.mdm.security.MachineClient;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The quarantine: rows an HES sent that could not be stored, each kept with its reason and raw text until it is
 * re-driven or discarded, and messages that could not be read at all. The one place the {@code quarantine_row} table
 * is read and written; every call joins the caller's transaction (the tenant's row-level security applies).
 */
@Component
public class Quarantine {
    /** The rejections a batch receipt lists; the rest are counted and kept here. */
    public static final int LISTED_REJECTIONS = 1000;
    /** How much of an unreadable message is kept. */
    static final int KEPT_PAYLOAD_BYTES = 65_536;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    Quarantine(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** A row kept in the quarantine. */
    public record QuarantinedRow(UUID id, UUID vendorId, UUID batchId, int rowNo, String field, String reason, String raw,
                                 Instant receivedAt, String status, Instant resolvedAt, String resolvedBy) {}

    /** Keeps the rejected rows of a batch. */
    public void keepRows(MachineClient vendor, UUID batchId, List<RowRejection> rejections) {
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

    /** Keeps a message that could not be read at all (no batch), with the reason and its first 64 KiB. */
    public void keepUnreadable(MachineClient vendor, byte[] payload, String reason) {
        jdbc.sql("""
                        insert into quarantine_row (id, tenant_id, vendor_id, batch_id, row_no, raw, field, reason)
                        values (?, ?, ?, null, 0, ?, 'payload', ?)""")
                .params(UUID.randomUUID(), vendor.tenantId(), vendor.vendorId(),
                        ForeignText.storable(new String(payload, 0, Math.min(payload.length, KEPT_PAYLOAD_BYTES),
                                StandardCharsets.UTF_8)), ForeignText.storable(reason))
                .update();
    }

    /** Keeps values of a stored batch that the store refused (on the batch's row 0, with the value as raw text). */
    public void keepRefusedValue(UUID batchId, String value, String field, String reason) {
        jdbc.sql("""
                        insert into quarantine_row (id, tenant_id, vendor_id, batch_id, row_no, raw, field, reason)
                        select ?, b.tenant_id, b.vendor_id, b.id, 0, ?, ?, ? from ingest_batch b where b.id = ?""")
                .params(UUID.randomUUID(), value, field, reason, batchId).update();
    }

    /** The first rejections of a batch, as its receipt lists them. */
    public List<BatchReceipt.Rejection> rejectionsOf(UUID batchId) {
        return jdbc.sql("select row_no, field, reason from quarantine_row where batch_id = ? order by row_no limit "
                        + LISTED_REJECTIONS)
                .param(batchId)
                .query((rs, n) -> new BatchReceipt.Rejection(rs.getInt(1), rs.getString(2), rs.getString(3))).list();
    }

    /** Batches of a vendor with rows still open, a bounded number at a time. */
    public List<UUID> batchesWithOpenRows(UUID vendorId, int limit) {
        return jdbc.sql("""
                        select distinct batch_id from quarantine_row
                         where vendor_id = ? and status = 'OPEN' and batch_id is not null limit ?""")
                .params(vendorId, limit).query(UUID.class).list();
    }

    /** The row numbers of a batch still open. */
    public Set<Integer> openRows(UUID batchId) {
        return jdbc.sql("select row_no from quarantine_row where batch_id = ? and status = 'OPEN'")
                .param(batchId).query(Integer.class).set();
    }

    /** Says on a batch's open rows that they can no longer be re-read (its raw payload is past retention). */
    public void notePastRetention(UUID batchId) {
        jdbc.sql("""
                        update quarantine_row set reason = reason || ' (raw batch past retention: cannot be re-driven)'
                         where batch_id = ? and status = 'OPEN' and reason not like '%past retention%'""")
                .param(batchId).update();
    }

    /** An open row that still fails, with today's reason. */
    public void stillRejected(UUID batchId, int row, String reason) {
        jdbc.sql("update quarantine_row set reason = ? where batch_id = ? and row_no = ? and status = 'OPEN'")
                .params(reason, batchId, row).update();
    }

    /** An open row that passed this time and went to the store. */
    public void redriven(UUID batchId, int row, Instant at, String by) {
        jdbc.sql("""
                        update quarantine_row set status = 'REDRIVEN', resolved_at = ?, resolved_by = ?
                         where batch_id = ? and row_no = ? and status = 'OPEN'""")
                .params(Timestamp.from(at), by, batchId, row).update();
    }

    /** Open rows marked discarded (kept, no longer open); how many were. */
    int discard(Collection<UUID> ids, Instant at, String by) {
        return jdbc.sql("""
                        update quarantine_row set status = 'DISCARDED', resolved_at = ?, resolved_by = ?
                         where id = any(?) and status = 'OPEN'""")
                .params(Timestamp.from(at), by, ids.toArray(UUID[]::new)).update();
    }

    /** Rows of a status, of one vendor or all, newest first. */
    Page<QuarantinedRow> list(UUID vendorId, String status, PageRequest page) {
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("status", status);
        String where = " where status = :status" + (vendorId == null ? "" : " and vendor_id = :vendor");
        if (vendorId != null) params.put("vendor", vendorId);
        List<QuarantinedRow> rows = jdbc.sql("select * from quarantine_row" + where
                        + " order by received_at desc, row_no limit :limit offset :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query(Quarantine::row).list();
        long total = jdbc.sql("select count(*) from quarantine_row" + where).params(params).query(Long.class).single();
        return Page.of(rows, page, total);
    }

    private static QuarantinedRow row(ResultSet rs, int n) throws SQLException {
        Timestamp resolved = rs.getTimestamp("resolved_at");
        return new QuarantinedRow(rs.getObject("id", UUID.class), rs.getObject("vendor_id", UUID.class),
                rs.getObject("batch_id", UUID.class), rs.getInt("row_no"), rs.getString("field"), rs.getString("reason"),
                rs.getString("raw"), rs.getTimestamp("received_at").toInstant(), rs.getString("status"),
                resolved == null ? null : resolved.toInstant(), rs.getString("resolved_by"));
    }
}
