package io.vidyut.mdm.events;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** Turns stored event columns into the unified view; the catalog gives name, category and severity. */
final class EventRows {
    private EventRows() {}

    static MeterEvent unified(UUID meterId, Instant at, Integer code, String rawCode, Instant receivedAt) {
        var type = EventCatalog.lookup(code);
        return new MeterEvent(meterId, at, code, rawCode, type.map(EventType::name).orElse("Unknown event " + rawCode),
                type.map(EventType::category).orElse(EventCategory.UNKNOWN),
                type.map(EventType::severity).orElse(EventSeverity.MINOR), type.isPresent(), receivedAt);
    }

    static MeterEvent read(ResultSet rs, int row) throws SQLException {
        Integer code = rs.getObject("code", Integer.class);
        return unified(rs.getObject("meter_id", UUID.class), rs.getTimestamp("occurred_at").toInstant(),
                code, rs.getString("raw_code"), rs.getTimestamp("received_at").toInstant());
    }
}
