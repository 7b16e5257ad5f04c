package io.vidyut.mdm.events;

import io.vidyut.mdm.common.ids.MeterId;
import io.vidyut.mdm.common.ids.TypedId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Whether meters have supply, as their last power event says (a failure or a restoration), read in bulk for outage
 * inference: one query however many meters, in the caller's transaction (so it sees the events that transaction is
 * recording).
 */
@Component
public class PowerEvents {
    private final JdbcClient jdbc;

    PowerEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A meter's last power event: {@link EventCatalog#POWER_FAILURE} or {@link EventCatalog#POWER_RESTORED}. */
    public record LastPowerEvent(MeterId meter, int code, Instant occurredAt) {
        public boolean isFailure() {
            return code == EventCatalog.POWER_FAILURE;
        }
    }

    /** The last power event of each of these meters after {@code after}; meters with none since are left out. */
    @Transactional(readOnly = true)
    public List<LastPowerEvent> lastOf(Collection<MeterId> meters, Instant after) {
        if (meters.isEmpty()) return List.of();
        return jdbc.sql("""
                        select distinct on (meter_id) meter_id, code, occurred_at from meter_event
                         where meter_id = any(?) and code in (?, ?) and occurred_at > ?
                         order by meter_id, occurred_at desc""")
                .params(TypedId.uuids(meters), EventCatalog.POWER_FAILURE, EventCatalog.POWER_RESTORED,
                        Timestamp.from(after))
                .query((rs, n) -> new LastPowerEvent(new MeterId(rs.getObject(1, UUID.class)), rs.getInt(2),
                        rs.getTimestamp(3).toInstant()))
                .list();
    }
}
