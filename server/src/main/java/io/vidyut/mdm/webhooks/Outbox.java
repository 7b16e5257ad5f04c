package io.vidyut.mdm.webhooks;

import io.vidyut.mdm.alarms.AlarmChanged;
import io.vidyut.mdm.vee.IntervalsCorrected;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes what each subscription must receive into the outbox, in the transaction of the change (the
 * listeners are plain {@link EventListener}s, called while that transaction is open): a change that
 * rolls back leaves no message, and one that commits cannot lose its message. One statement per change.
 */
@Component
class Outbox {
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    Outbox(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void on(AlarmChanged change) {
        WebhookEventType type = change.change() == AlarmChanged.Change.RAISED
                ? WebhookEventType.ALARM_RAISED : WebhookEventType.ALARM_CHANGED;
        enqueue(change.tenantId(), type, Map.of("change", change.change().name(), "alarm", change.alarm()));
    }

    @EventListener
    void on(IntervalsCorrected corrected) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("meter_id", corrected.meterId());
        data.put("channel", corrected.channel().name());
        data.put("first_at", corrected.firstAt());
        data.put("last_at", corrected.lastAt());
        data.put("edit_id", corrected.editId());
        data.put("corrected_by", corrected.correctedBy());
        enqueue(corrected.tenantId(), WebhookEventType.DATA_CORRECTED, data);
    }

    /**
     * One row per subscription of the tenant that wants this type; the row's id is the message id the
     * receiver sees (and dedupes on), so it is generated per row inside the statement.
     */
    private void enqueue(UUID tenantId, WebhookEventType type, Object data) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("type", type.wireName);
        Instant now = clock.instant();
        envelope.put("occurred_at", now);
        envelope.put("data", data);
        String payload = json.writeValueAsString(envelope);
        jdbc.sql("""
                        insert into outbox (id, tenant_id, subscription_id, event_type, payload, next_attempt_at, created_at)
                        select gen_random_uuid(), ?, s.id, ?, ?, ?, ? from webhook_subscription s
                         where s.tenant_id = ? and ? = any(s.event_types)""")
                .params(tenantId, type.wireName, payload, Timestamp.from(now), Timestamp.from(now), tenantId, type.wireName)
                .update();
    }
}
