package io.vidyut.mdm.notifications;

import io.vidyut.mdm.common.NotFoundException;
import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.network.ConsumerAccount;
import io.vidyut.mdm.network.ConsumerService;
import io.vidyut.mdm.outbox.Outbox;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantDirectory;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sends notices to consumers, the notifications module's API. A notice is recorded with one delivery per channel in
 * the caller's transaction (a rolled-back change sends nothing; a committed one is not lost): the SMS and the e-mail
 * enqueued in the {@link Outbox} ({@code notice-sms}, {@code notice-email}), delivered with retries after the commit;
 * the in-app one SENT at once; a channel the consumer cannot be reached on SKIPPED with the reason (no number or
 * address, opted out, no SMS gateway or SMTP server, no DLT-registered SMS template). Each text is the tenant's
 * template for the kind and channel, or the built-in one, with the request's values.
 */
@Service
public class Notices {
    static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm");

    private final NoticeStore store;
    private final ConsumerService consumers;
    private final ConsumerContacts contacts;
    private final NoticeTemplates templates;
    private final SmsGateways gateways;
    private final ObjectProvider<JavaMailSender> mail;
    private final Outbox outbox;
    private final TenantDirectory tenants;
    private final Clock clock;

    Notices(NoticeStore store, ConsumerService consumers, ConsumerContacts contacts, NoticeTemplates templates,
            SmsGateways gateways, ObjectProvider<JavaMailSender> mail, Outbox outbox, TenantDirectory tenants, Clock clock) {
        this.store = store;
        this.consumers = consumers;
        this.contacts = contacts;
        this.templates = templates;
        this.gateways = gateways;
        this.mail = mail;
        this.outbox = outbox;
        this.tenants = tenants;
        this.clock = clock;
    }

    /**
     * Inside the caller's tenant transaction: records the notice and enqueues one delivery per channel the consumer
     * can be reached on (SMS, e-mail, in-app); the same dedupeKey again returns the first notice's id and sends
     * nothing. {@code account_no} and {@code at} are filled in when the request leaves them out; every other
     * placeholder of the kind needs a value ({@link IllegalArgumentException} otherwise). A consumer that is not the
     * tenant's is a {@link NotFoundException}. Either is thrown before anything is written and leaves the caller's
     * transaction usable (not marked rollback-only): a caller may catch it and go on.
     */
    @Transactional(noRollbackFor = {IllegalArgumentException.class, NotFoundException.class})
    public UUID send(NoticeRequest request) {
        if (request.dedupeKey() != null) {
            Optional<UUID> first = store.noticeOfDedupeKey(request.dedupeKey());
            if (first.isPresent()) return first.get();
        }
        // getAll, not get: a consumer not found must not mark the caller's transaction rollback-only
        ConsumerAccount consumer = consumers.getAll(List.of(request.consumerId())).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("Consumer", request.consumerId()));
        Instant now = clock.instant();
        Map<String, String> values = values(request, consumer, now);
        Map<NoticeChannel, NoticeTemplate> texts = templates.effective(request.kind());
        ConsumerContact contact = contacts.find(consumer.id()).orElse(null);
        List<Delivery> deliveries = new ArrayList<>();
        for (NoticeChannel channel : NoticeChannel.values()) {
            NoticeTemplate template = texts.get(channel);
            String subject = template.subject() == null ? null : TemplateText.render(template.subject(), values);
            String body = TemplateText.render(template.body(), values);
            String to = switch (channel) {
                case SMS -> contact == null ? null : contact.phone();
                case EMAIL -> contact == null ? null : contact.email();
                case IN_APP -> null;
            };
            String skipped = channel == NoticeChannel.IN_APP ? null : whyNot(channel, contact, template);
            DeliveryStatus status = channel == NoticeChannel.IN_APP ? DeliveryStatus.SENT
                    : skipped != null ? DeliveryStatus.SKIPPED : DeliveryStatus.PENDING;
            deliveries.add(new Delivery(UUID.randomUUID(), channel, to, subject, body, template.dltTemplateId(), status, skipped));
        }

        UUID noticeId = UUID.randomUUID();
        Optional<UUID> inserted = store.insertNotice(noticeId, request.kind(), consumer.id(), request.dedupeKey(), values, now);
        if (inserted.isEmpty()) return store.noticeOfDedupeKey(request.dedupeKey()).orElseThrow(); // a concurrent first one
        List<Outbox.Message> messages = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            store.insertDelivery(delivery.id(), noticeId, delivery.channel(), delivery.to(), delivery.subject(), delivery.body(),
                    delivery.dltTemplateId(), delivery.status(), delivery.skipped(), now);
            if (delivery.status() == DeliveryStatus.PENDING) {
                String kind = delivery.channel() == NoticeChannel.SMS ? NoticeSms.KIND : NoticeMail.KIND;
                // a consumer's notices on a channel go out in the order they were made (a disconnection before its reconnection)
                messages.add(Outbox.Message.of(kind, new NoticeSms.DeliveryRef(delivery.id()))
                        .orderedBy(delivery.channel() + ":" + consumer.id()).about(noticeId.toString()));
            }
        }
        outbox.enqueueAll(messages);
        return noticeId;
    }

    /** A delivery as rendered, before it is written. */
    private record Delivery(UUID id, NoticeChannel channel, String to, String subject, String body, String dltTemplateId,
                            DeliveryStatus status, String skipped) {}

    /**
     * Whether and when a notice of these kinds was last actually delivered (SENT) on any channel to the consumer — the
     * prepaid rules need "a notice was sent" before a disconnection. In-app counts: it is SENT when the notice is
     * recorded; {@link #lastDelivered(UUID, Set, Set)} asks about chosen channels.
     */
    @Transactional(readOnly = true)
    public Optional<Instant> lastDelivered(UUID consumerId, Set<NoticeKind> kinds) {
        return lastDelivered(consumerId, kinds, EnumSet.allOf(NoticeChannel.class));
    }

    /** When a notice of these kinds was last SENT to the consumer on one of these channels (SMS and e-mail: the gateway or SMTP server took it). */
    @Transactional(readOnly = true)
    public Optional<Instant> lastDelivered(UUID consumerId, Set<NoticeKind> kinds, Set<NoticeChannel> channels) {
        return store.lastDelivered(consumerId, kinds, channels);
    }

    /** The tenant's notices, newest first (for the API). */
    @Transactional(readOnly = true)
    Page<StoredNotice> list(UUID consumerId, NoticeKind kind, DeliveryStatus status, PageRequest page) {
        return store.list(consumerId, kind, status, page);
    }

    /** The request's values with account_no and at filled in where left out; every placeholder must have one. */
    private Map<String, String> values(NoticeRequest request, ConsumerAccount consumer, Instant now) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String placeholder : request.kind().placeholders()) {
            String value = request.values().get(placeholder);
            if (value == null && placeholder.equals("account_no")) value = consumer.accountNo();
            if (value == null && placeholder.equals("at")) {
                value = AT.format(now.atZone(tenants.zoneOf(TenantContext.requireTenantId())));
            }
            if (value == null) {
                throw new IllegalArgumentException("a " + request.kind() + " notice needs a value for " + placeholder
                        + " (its placeholders are " + request.kind().placeholders() + ")");
            }
            values.put(placeholder, value);
        }
        return values;
    }

    /** Why the notice cannot go out on this channel; null when it can. */
    private String whyNot(NoticeChannel channel, ConsumerContact contact, NoticeTemplate template) {
        if (channel == NoticeChannel.SMS) {
            if (contact == null || contact.phone() == null) return "no mobile number for the consumer";
            if (contact.smsOptOut()) return "the consumer opted out of SMS";
            Optional<SmsGateway> gateway = gateways.find();
            if (gateway.isEmpty()) return "no SMS gateway is configured for the tenant";
            if (!gateway.get().enabled()) return "the tenant's SMS gateway is disabled";
            if (template.dltTemplateId() == null) {
                return "no DLT-registered SMS template for " + template.kind() + " (save it with its dlt_template_id)";
            }
            return null;
        }
        if (contact == null || contact.email() == null) return "no e-mail address for the consumer";
        if (contact.emailOptOut()) return "the consumer opted out of e-mail";
        if (mail.getIfAvailable() == null) return "no SMTP server is configured (spring.mail.host)";
        return null;
    }
}
