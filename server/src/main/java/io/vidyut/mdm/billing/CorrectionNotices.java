package io.vidyut.mdm.billing;

import io.vidyut.mdm.vee.IntervalsCorrected;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Turns an edit of data billing already took into a "corrected data" notice, in the edit's own
 * transaction, so billing can re-bill; data billing never took needs no notice.
 */
@Component
class CorrectionNotices {
    private static final Logger log = LoggerFactory.getLogger(CorrectionNotices.class);
    private final JdbcClient jdbc;
    private final Clock clock;

    CorrectionNotices(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Notice(UUID id, UUID meterId, String channel, Instant firstAt, Instant lastAt, UUID editId, String correctedBy,
                  Instant announcedAt) {}

    @EventListener
    void on(IntervalsCorrected corrected) {
        boolean taken = jdbc.sql("""
                        select exists (select 1 from billing_data_taken where meter_id = ? and first_at <= ? and last_at >= ?)""")
                .params(corrected.meterId(), Timestamp.from(corrected.lastAt()), Timestamp.from(corrected.firstAt()))
                .query(Boolean.class).single();
        if (!taken) return;
        jdbc.sql("""
                insert into billing_correction (id, tenant_id, meter_id, channel, first_at, last_at, edit_id, corrected_by,
                                                announced_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), corrected.tenantId(), corrected.meterId(), corrected.channel().code(),
                        Timestamp.from(corrected.firstAt()), Timestamp.from(corrected.lastAt()), corrected.editId(),
                        corrected.correctedBy(), Timestamp.from(clock.instant()))
                .update();
        log.info("Corrected data announced to billing: meter {} {} {}..{}", corrected.meterId(), corrected.channel(),
                corrected.firstAt(), corrected.lastAt());
    }

    @Transactional(readOnly = true)
    List<Notice> since(Instant since) {
        return jdbc.sql("""
                        select id, meter_id, channel, first_at, last_at, edit_id, corrected_by, announced_at
                          from billing_correction where announced_at >= ? order by announced_at limit 10000""")
                .param(Timestamp.from(since))
                .query((rs, n) -> new Notice(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class),
                        io.vidyut.mdm.channels.Channel.ofCode(rs.getInt(3)).name(), rs.getTimestamp(4).toInstant(),
                        rs.getTimestamp(5).toInstant(), rs.getObject(6, UUID.class), rs.getString(7),
                        rs.getTimestamp(8).toInstant()))
                .list();
    }
}
