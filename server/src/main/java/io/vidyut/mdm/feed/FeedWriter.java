package io.vidyut.mdm.feed;

import io.vidyut.mdm.alarms.AlarmChanged;
import io.vidyut.mdm.billing.CorrectionAnnounced;
import io.vidyut.mdm.commands.CommandCompleted;
import io.vidyut.mdm.events.MeterEvent;
import io.vidyut.mdm.events.MeterEventsRecorded;
import io.vidyut.mdm.vee.IntervalsCorrected;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends to the feed in the transaction of each change (plain {@link EventListener}s run while it is open): a
 * change that rolls back leaves no entry, one that commits cannot lose it. One statement per change, however
 * many events it recorded.
 */
@Component
class FeedWriter {
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final Clock clock;

    FeedWriter(JdbcTemplate jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    private record Row(FeedType type, UUID meterId, Instant occurredAt, Object data) {}

    /** First among the listeners, so an event comes before the alarm it raises. */
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void on(MeterEventsRecorded recorded) {
        append(recorded.tenantId(), recorded.events().stream()
                .map(event -> new Row(FeedType.METER_EVENT, event.meterId(), event.occurredAt(), event)).toList());
    }

    @EventListener
    void on(AlarmChanged changed) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("change", changed.change().name());
        data.put("alarm", changed.alarm());
        append(changed.tenantId(), List.of(new Row(FeedType.ALARM_CHANGED, changed.alarm().meterId(), clock.instant(), data)));
    }

    /** The correction as published (snake_case fields of {@link IntervalsCorrected}). */
    @EventListener
    void on(IntervalsCorrected corrected) {
        append(corrected.tenantId(), List.of(new Row(FeedType.DATA_CORRECTED, corrected.meterId(), clock.instant(), corrected)));
    }

    /** The correction notice as listed by {@code GET /billing/corrections}. */
    @EventListener
    void on(CorrectionAnnounced announced) {
        append(announced.tenantId(), List.of(new Row(FeedType.BILLING_CORRECTION, announced.notice().meterId(),
                announced.notice().announcedAt(), announced.notice())));
    }

    @EventListener
    void on(CommandCompleted completed) {
        Instant at = completed.completedAt() == null ? clock.instant() : completed.completedAt();
        append(completed.tenantId(), List.of(new Row(FeedType.COMMAND_COMPLETED, completed.meterId(), at, completed)));
    }

    private void append(UUID tenantId, List<Row> rows) {
        int n = rows.size();
        String[] types = new String[n], data = new String[n];
        Object[] meters = new Object[n];
        Timestamp[] times = new Timestamp[n];
        for (int i = 0; i < n; i++) {
            Row row = rows.get(i);
            types[i] = row.type().wireName;
            meters[i] = row.meterId();
            times[i] = Timestamp.from(row.occurredAt());
            data[i] = json.writeValueAsString(row.data());
        }
        jdbc.execute((ConnectionCallback<Integer>) connection -> {
            try (var statement = connection.prepareStatement("""
                    insert into feed_event (tenant_id, created_at, type, meter_id, occurred_at, data)
                    select ?, ?, * from unnest(?::text[], ?::uuid[], ?::timestamptz[], ?::text[])""")) {
                statement.setObject(1, tenantId);
                statement.setTimestamp(2, Timestamp.from(clock.instant()));
                statement.setArray(3, connection.createArrayOf("text", types));
                statement.setArray(4, connection.createArrayOf("uuid", meters));
                statement.setArray(5, connection.createArrayOf("timestamptz", times));
                statement.setArray(6, connection.createArrayOf("text", data));
                return statement.executeUpdate();
            }
        });
    }
}
