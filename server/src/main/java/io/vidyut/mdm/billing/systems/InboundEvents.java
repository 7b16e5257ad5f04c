package io.vidyut.mdm.billing.systems;

import io.vidyut.mdm.billing.systems.InboundEvent.BillGenerated;
import io.vidyut.mdm.billing.systems.InboundEvent.PaymentReceived;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.FieldErrorsException.FieldError;
import io.vidyut.mdm.common.MalformedInputException;
import io.vidyut.mdm.network.ConsumerAccount;
import io.vidyut.mdm.network.ConsumerService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * An authenticated batch of the billing system's events, taken event by event: each is accepted (stored), a
 * duplicate (its event id was accepted before: acknowledged, not stored again) or rejected (kept with its reasons for
 * inspection). One bad event never sinks the batch; only a body that is no batch at all is refused whole.
 */
@Service
class InboundEvents {
    static final int MAX_EVENTS = 1000;
    /** Amounts read exactly as sent: decimals as BigDecimal, never through a double, trailing zeros kept. */
    private static final JsonMapper EXACT = JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES).build();
    private final InboundStore store;
    private final ConsumerService consumers;
    private final Clock clock;

    InboundEvents(InboundStore store, ConsumerService consumers, Clock clock) {
        this.store = store;
        this.consumers = consumers;
        this.clock = clock;
    }

    enum Outcome { ACCEPTED, DUPLICATE, REJECTED }

    /** What became of the event at {@code index} of the batch; {@code errors} say why it was rejected. */
    record BillingEventResult(int index, String eventId, Outcome outcome, List<FieldError> errors) {}

    record BillingWebhookReceipt(int accepted, int duplicates, int rejected, List<BillingEventResult> events) {}

    /** In the caller's tenant (the authenticated system's), in one transaction. */
    @Transactional
    BillingWebhookReceipt receive(UUID systemId, byte[] body) {
        JsonNode events = events(body);
        Instant now = clock.instant();
        Map<String, Optional<UUID>> accounts = new HashMap<>();
        List<BillingEventResult> results = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            results.add(take(systemId, i, events.get(i), now, accounts));
        }
        return new BillingWebhookReceipt(count(results, Outcome.ACCEPTED), count(results, Outcome.DUPLICATE),
                count(results, Outcome.REJECTED), results);
    }

    private BillingEventResult take(UUID systemId, int index, JsonNode node, Instant now, Map<String, Optional<UUID>> accounts) {
        // a replay is acknowledged as it was the first time, even if what it refers to has changed since
        String replayedId = InboundEventReader.eventId(node);
        if (replayedId != null && store.accepted(systemId, replayedId)) {
            return new BillingEventResult(index, replayedId, Outcome.DUPLICATE, List.of());
        }
        InboundEventReader.Read read = InboundEventReader.read(node, now);
        if (read.event() == null) return reject(systemId, index, node, read, read.errors(), now);
        InboundEvent event = read.event();
        Optional<UUID> consumer = accounts.computeIfAbsent(event.accountNo(),
                account -> consumers.findByAccountNo(account).map(ConsumerAccount::id));
        if (consumer.isEmpty()) {
            return reject(systemId, index, node, read, List.of(new FieldError("account_no", "no consumer has this account number")), now);
        }
        if (!store.claim(systemId, event, now)) {
            return new BillingEventResult(index, event.eventId(), Outcome.DUPLICATE, List.of());
        }
        boolean stored = event instanceof BillGenerated bill ? store.insert(systemId, consumer.get(), bill, now)
                : store.insert(systemId, consumer.get(), (PaymentReceived) event, now);
        if (!stored) {
            store.release(systemId, event.eventId());
            FieldError reason = event instanceof BillGenerated
                    ? new FieldError("bill_number", "this system sent a bill of this number before, under another event_id")
                    : new FieldError("receipt_no", "this system sent a receipt of this number before, under another event_id");
            return reject(systemId, index, node, read, List.of(reason), now);
        }
        return new BillingEventResult(index, event.eventId(), Outcome.ACCEPTED, List.of());
    }

    private BillingEventResult reject(UUID systemId, int index, JsonNode node, InboundEventReader.Read read,
                                      List<FieldError> reasons, Instant now) {
        store.reject(systemId, index, read.eventId(), read.type(), node, reasons, now);
        return new BillingEventResult(index, read.eventId(), Outcome.REJECTED, reasons);
    }

    /** The batch's events: 400 when the body is not JSON at all, 422 when it is no batch of 1–1000 events. */
    private static JsonNode events(byte[] body) {
        JsonNode root;
        try {
            root = EXACT.readTree(body);
        } catch (JacksonException e) {
            throw new MalformedInputException("The body is not JSON: " + e.getOriginalMessage());
        }
        JsonNode events = root == null || !root.isObject() ? null : root.get("events");
        if (events == null || !events.isArray() || events.isEmpty() || events.size() > MAX_EVENTS) {
            throw FieldErrorsException.of("events", "required: an array of 1–" + MAX_EVENTS + " events");
        }
        return events;
    }

    private static int count(List<BillingEventResult> results, Outcome outcome) {
        return (int) results.stream().filter(r -> r.outcome() == outcome).count();
    }
}
