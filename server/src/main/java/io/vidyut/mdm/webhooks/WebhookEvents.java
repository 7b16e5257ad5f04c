package io.vidyut.mdm.webhooks;

import io.vidyut.mdm.alarms.AlarmChanged;
import io.vidyut.mdm.billing.CorrectionAnnounced;
import io.vidyut.mdm.outbox.Outbox;
import io.vidyut.mdm.vee.IntervalsCorrected;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Enqueues what each subscription must receive as {@code webhook} outbox messages, in the transaction of the change
 * (the listeners are plain {@link EventListener}s, called while that transaction is open): a change that rolls back
 * leaves no message, and one that commits cannot lose its message. One message per subscription that wants the type;
 * its id is the {@code Webhook-Id} the receiver sees, and its payload keeps the exact text that is signed and sent.
 */
@Component
class WebhookEvents {
    static final String KIND = "webhook";

    private final JdbcClient jdbc;
    private final Outbox outbox;
    private final JsonMapper json;
    private final Clock clock;

    WebhookEvents(JdbcClient jdbc, Outbox outbox, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
    }

    /** What a {@code webhook} message carries: the subscription, the event type and the body as sent. */
    record Payload(UUID subscriptionId, String eventType, String body) {}

    @EventListener
    void on(AlarmChanged change) {
        WebhookEventType type = change.change() == AlarmChanged.Change.RAISED
                ? WebhookEventType.ALARM_RAISED : WebhookEventType.ALARM_CHANGED;
        enqueue(type, Map.of("change", change.change().name(), "alarm", change.alarm()));
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
        enqueue(WebhookEventType.DATA_CORRECTED, data);
    }

    @EventListener
    void on(CorrectionAnnounced announced) {
        enqueue(WebhookEventType.BILLING_CORRECTION, announced.notice());
    }

    private void enqueue(WebhookEventType type, Object data) {
        List<UUID> subscribers = jdbc.sql("select id from webhook_subscription where ? = any(event_types) order by created_at, id")
                .param(type.wireName).query(UUID.class).list();
        if (subscribers.isEmpty()) return;
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("type", type.wireName);
        envelope.put("occurred_at", clock.instant());
        envelope.put("data", data);
        String body = json.writeValueAsString(envelope);
        outbox.enqueueAll(subscribers.stream().map(subscription -> Outbox.Message.of(KIND,
                new Payload(subscription, type.wireName, body)).about(subscription.toString())).toList());
    }
}
