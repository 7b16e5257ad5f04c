package io.vidyut.mdm.notifications;

import io.vidyut.mdm.outbox.KindSettings;
import io.vidyut.mdm.outbox.OutboxHandler;
import io.vidyut.mdm.outbox.OutboxMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers {@code notice-sms} messages: each names one SMS delivery, which is handed to the tenant's gateway as it is
 * now configured ({@link SmsSender}) and marked SENT with the gateway's id, or FAILED when the gateway refuses it for
 * good or every attempt ({@code mdm.notifications.max-attempts}, doubling from {@code mdm.notifications.backoff}) has
 * failed. The delivery's id is the request's {@code reference}, the same on every attempt, for the gateway to dedupe
 * on: at least once, like everything the outbox sends. A message an operator redrives sends a FAILED delivery again.
 */
@Component
class NoticeSms implements OutboxHandler {
    static final String KIND = "notice-sms";
    private static final Logger log = LoggerFactory.getLogger(NoticeSms.class);

    private final NoticeStore store;
    private final SmsGateways gateways;
    private final SmsSender sender;
    private final NotificationSettings settings;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    NoticeSms(NoticeStore store, SmsGateways gateways, SmsSender sender, NotificationSettings settings,
              TransactionTemplate transactions, JsonMapper json, Clock clock) {
        this.store = store;
        this.gateways = gateways;
        this.sender = sender;
        this.settings = settings;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    /** What a {@code notice-sms} or {@code notice-email} message carries: the delivery it is. */
    record DeliveryRef(UUID deliveryId) {}

    @Override
    public String kind() {
        return KIND;
    }

    /** A claimed SMS is left to its call for the call's bounds and 30 s more before another attempt may take it. */
    @Override
    public KindSettings defaults() {
        return new KindSettings(settings.maxAttempts(), settings.backoff(), Duration.ofHours(1),
                settings.smsConnectTimeout().plus(settings.smsTimeout()).plusSeconds(30), null);
    }

    @Override
    public Outcome deliver(OutboxMessage message) {
        UUID id = json.treeToValue(message.payload(), DeliveryRef.class).deliveryId();
        record Attempt(NoticeStore.Delivery delivery, Optional<SmsGateways.Opened> gateway) {}
        Attempt attempt = transactions.execute(status -> {
            Optional<NoticeStore.Delivery> delivery = store.delivery(id);
            if (delivery.isEmpty() || delivery.get().status() == DeliveryStatus.SENT
                    || delivery.get().status() == DeliveryStatus.SKIPPED) return null;
            Optional<SmsGateways.Opened> gateway = gateways.forSending();
            if (gateway.isPresent()) store.attempting(id, clock.instant());
            return new Attempt(delivery.get(), gateway);
        });
        if (attempt == null) {
            log.info("SMS delivery {} is gone or no longer pending; nothing to send", id);
            return Outcome.delivered();
        }
        if (attempt.gateway().isEmpty()) return Outcome.permanentFailure("not sent: the tenant's SMS gateway is not configured or disabled");
        SmsGateways.Opened gateway = attempt.gateway().get();
        NoticeStore.Delivery delivery = attempt.delivery();
        SmsSender.Result result = sender.send(gateway, new SmsSender.SmsRequest(delivery.to(), gateway.senderId(),
                delivery.body(), gateway.dltEntityId(), delivery.dltTemplateId(), id.toString()));
        if (result instanceof SmsSender.Sent sent) {
            transactions.executeWithoutResult(status -> store.sent(id, sent.messageId(), clock.instant()));
            return Outcome.delivered();
        }
        if (result instanceof SmsSender.Retry retry) {
            transactions.executeWithoutResult(status -> store.attemptFailed(id, retry.reason(), clock.instant()));
            return retry.after() == null ? Outcome.retry(retry.reason()) : Outcome.retryAfter(retry.reason(), retry.after());
        }
        return Outcome.permanentFailure(((SmsSender.Failed) result).reason());
    }

    /** The message died: its delivery is FAILED with the reason, in the transaction that marks the message DEAD. */
    @Override
    public void dead(OutboxMessage message, String reason) {
        store.failed(json.treeToValue(message.payload(), DeliveryRef.class).deliveryId(), reason, clock.instant());
    }
}
