package io.vidyut.mdm.readings;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import io.vidyut.mdm.channels.Channel;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes merged day rows in the caller's transaction. New rows, the bulk of any ingest, are copied:
 * {@code COPY FROM} refuses tables under row-level security, so they are copied into a
 * session's staging table (emptied at every commit) and moved with one {@code INSERT … SELECT},
 * which the tenant policy checks row by row as any insert. Changed rows are few and go as batched statements.
 */
@Component
class DayRowWriter {
    private static final String STAGING_TABLE = """
            create temporary table if not exists interval_day_staged (
              tenant_id uuid, meter_id uuid, channel smallint, day date, interval_minutes smallint,
              vals int[], quality bytea, version int
            ) on commit delete rows""";

    private final JdbcTemplate template;

    DayRowWriter(JdbcTemplate template) {
        this.template = template;
    }

    /**
     * Inserts new rows; returns the keys of those another transaction inserted first (after the caller read them as
     * absent), which this write left alone: the caller merges onto them instead.
     */
    Set<DayKey> insert(UUID tenant, List<DayRow> rows) {
        if (rows.isEmpty()) return Set.of();
        return template.execute((ConnectionCallback<Set<DayKey>>) connection -> {
            try (var statement = connection.createStatement()) {
                statement.execute(STAGING_TABLE);
                connection.unwrap(PGConnection.class).getCopyAPI().copyIn(
                        "copy interval_day_staged (" + DayRowCopy.COLUMNS + ") from stdin (format binary)",
                        new ByteArrayInputStream(DayRowCopy.encode(tenant, rows)));
                // emptied as it is read, so a second write in the same transaction starts clean; a row inserted
                // meanwhile by another transaction waits for it to commit, then is skipped rather than failing the write
                Set<DayKey> ours = new HashSet<>(rows.size() * 2);
                try (var inserted = statement.executeQuery("with staged as (delete from interval_day_staged returning *) insert into interval_day ("
                        + DayRowCopy.COLUMNS + ") select " + DayRowCopy.COLUMNS + " from staged on conflict (meter_id, channel, day) do nothing"
                        + " returning meter_id, channel, day")) {
                    while (inserted.next()) {
                        ours.add(new DayKey(inserted.getObject(1, UUID.class), Channel.ofCode(inserted.getInt(2)),
                                inserted.getObject(3, LocalDate.class)));
                    }
                }
                if (ours.size() == rows.size()) return Set.of();
                Set<DayKey> taken = new HashSet<>();
                for (DayRow row : rows) if (!ours.contains(row.key)) taken.add(row.key);
                return taken;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not copy " + rows.size() + " day rows", e);
            }
        });
    }

    void update(List<DayRow> rows) {
        if (rows.isEmpty()) return;
        template.batchUpdate("""
                update interval_day set vals = ?, quality = ?, version = ?, updated_at = now()
                 where meter_id = ? and channel = ? and day = ?""", rows, 500, (ps, row) -> {
            ps.setArray(1, ps.getConnection().createArrayOf("int4", row.values));
            ps.setBytes(2, row.storedQuality());
            ps.setInt(3, row.version);
            bindKey(ps, 4, row);
        });
    }

    /** Copies the rows about to change into history, valid from when the current version was written. */
    void archive(UUID tenant, List<DayRow> rows, String source) {
        insertHistory(tenant, rows, source, true);
    }

    /**
     * Writes versions of rows that existed only inside this write (an interval sent twice in it: the row as the first
     * value left it) straight into history, valid from this transaction's time like the version that follows them.
     */
    void archiveInterim(UUID tenant, List<DayRow> rows, String source) {
        insertHistory(tenant, rows, source, false);
    }

    /** History rows valid from the stored row's last write ({@code fromStoredRow}) or from now. */
    private void insertHistory(UUID tenant, List<DayRow> rows, String source, boolean fromStoredRow) {
        if (rows.isEmpty()) return;
        String validFrom = fromStoredRow ? """
                select ?, ?, ?, ?, ?, ?, ?, ?, d.updated_at, ? from interval_day d
                 where d.meter_id = ? and d.channel = ? and d.day = ?""" : "values (?, ?, ?, ?, ?, ?, ?, ?, now(), ?)";
        template.batchUpdate("""
                insert into interval_day_history (tenant_id, meter_id, channel, day, interval_minutes, vals, quality,
                                                  version, valid_from, superseded_by)
                """ + validFrom, rows, 500, (ps, row) -> {
            ps.setObject(1, tenant);
            bindKey(ps, 2, row);
            ps.setShort(5, (short) row.intervalMinutes);
            ps.setArray(6, ps.getConnection().createArrayOf("int4", row.values));
            ps.setBytes(7, row.storedQuality());
            ps.setInt(8, row.version);
            ps.setString(9, source);
            if (fromStoredRow) bindKey(ps, 10, row);
        });
    }

    /** Meter, channel and day from parameter {@code first} on. */
    private static void bindKey(PreparedStatement ps, int first, DayRow row) throws SQLException {
        ps.setObject(first, row.key.meterId());
        ps.setShort(first + 1, (short) row.key.channel().code());
        ps.setObject(first + 2, row.key.day());
    }
}
