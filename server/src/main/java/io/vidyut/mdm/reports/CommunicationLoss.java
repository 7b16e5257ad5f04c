package io.vidyut.mdm.reports;

import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The communication-loss report: meters in service that have not been heard from (readings or events) since a
 * cutoff. It reads the meter registry and the events module's last-heard times together.
 */
@Component
public class CommunicationLoss {
    private final JdbcClient jdbc;

    CommunicationLoss(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A meter in service that has not been heard from since a cutoff ({@code lastSeenAt} null: never). */
    public record SilentMeter(UUID meterId, String serial, UUID hesVendorId, Instant lastSeenAt, Instant silentSince) {}

    /** Commissioned and in-service meters silent since before the cutoff, longest silent first. */
    @Transactional(readOnly = true)
    public Page<SilentMeter> silentSince(Instant cutoff, PageRequest page) {
        String from = """
                 from meter m left join meter_last_seen s on s.meter_id = m.id
                where m.lifecycle_stage in ('COMMISSIONED', 'IN_SERVICE')
                  and coalesce(s.seen_at, m.stage_changed_at) < :cutoff""";
        List<SilentMeter> items = jdbc.sql("select m.id, m.serial, m.hes_vendor_id, s.seen_at, "
                        + "coalesce(s.seen_at, m.stage_changed_at) as silent_since" + from
                        + " order by silent_since, m.serial limit :limit offset :offset")
                .param("cutoff", Timestamp.from(cutoff)).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> new SilentMeter(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                        rs.getTimestamp(4) == null ? null : rs.getTimestamp(4).toInstant(), rs.getTimestamp(5).toInstant()))
                .list();
        long total = jdbc.sql("select count(*)" + from).param("cutoff", Timestamp.from(cutoff)).query(Long.class).single();
        return Page.of(items, page, total);
    }
}
