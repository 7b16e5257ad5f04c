package io.vidyut.mdm.webhooks;

import io.vidyut.mdm.outbox.KindSettings;
import io.vidyut.mdm.outbox.OutboxHandler;
import io.vidyut.mdm.outbox.OutboxMessage;
import io.vidyut.mdm.secrets.SecretBox;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers {@code webhook} messages: one signed POST to the subscription's URL per attempt ({@link WebhookSender}).
 * A 2xx delivers it; anything else is retried by the outbox with doubling delays ({@code mdm.webhooks.backoff}, at
 * most an hour, {@code mdm.webhooks.max-attempts} in all), or after the receiver's {@code Retry-After} on a 429 or 503.
 * Delivered messages are kept {@code mdm.webhooks.retention}.
 */
@Component
class WebhookDelivery implements OutboxHandler {
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final WebhookSender sender;
    private final WebhookSettings settings;
    private final SecretBox box;
    private final JsonMapper json;

    WebhookDelivery(JdbcClient jdbc, TransactionTemplate transactions, WebhookSender sender, WebhookSettings settings,
                    SecretBox box, JsonMapper json) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.sender = sender;
        this.settings = settings;
        this.box = box;
        this.json = json;
    }

    @Override
    public String kind() {
        return WebhookEvents.KIND;
    }

    /** Attempts and backoff as {@code mdm.webhooks.*} says; a claimed message is left to its call for its timeout + 30 s. */
    @Override
    public KindSettings defaults() {
        return new KindSettings(settings.maxAttempts(), settings.backoff(), null, settings.timeout().plusSeconds(30),
                settings.retention());
    }

    private record Target(String url, String secret) {}

    @Override
    public Outcome deliver(OutboxMessage message) {
        WebhookEvents.Payload payload = json.treeToValue(message.payload(), WebhookEvents.Payload.class);
        Optional<Target> target = transactions.execute(status -> jdbc.sql("select url, secret from webhook_subscription where id = ?")
                .param(payload.subscriptionId()).query((rs, n) -> new Target(rs.getString(1), box.open(rs.getString(2))))
                .optional());
        if (target.isEmpty()) return Outcome.permanentFailure("the subscription " + payload.subscriptionId() + " is gone");
        WebhookSender.Outcome outcome = sender.send(target.get().url(), target.get().secret(), message.id(),
                payload.eventType(), payload.body());
        if (outcome.delivered()) return Outcome.delivered();
        if (outcome.retryAfter() != null) return Outcome.retryAfter(outcome.error(), outcome.retryAfter());
        return Outcome.retry(outcome.error());
    }
}
