package io.vidyut.mdm.notifications;

import io.vidyut.mdm.outbox.KindSettings;
import io.vidyut.mdm.outbox.OutboxHandler;
import io.vidyut.mdm.outbox.OutboxMessage;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers {@code notice-email} messages through the platform's SMTP server ({@code spring.mail.*}), from
 * {@code mdm.notifications.mail-from}: each names one e-mail delivery, marked SENT with the mail's Message-ID once the
 * SMTP server took it, or FAILED after the last attempt ({@code mdm.notifications.max-attempts}, doubling from
 * {@code mdm.notifications.backoff}) or when SMTP is no longer configured. At least once, as everything the outbox
 * sends: a crash between the server's acceptance and the mark sends the mail again.
 */
@Component
class NoticeMail implements OutboxHandler {
    static final String KIND = "notice-email";
    private static final Logger log = LoggerFactory.getLogger(NoticeMail.class);
    /** How long a claimed mail is left to its sender before another attempt may take it. */
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final NoticeStore store;
    private final ObjectProvider<JavaMailSender> senders;
    private final NotificationSettings settings;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final Clock clock;

    NoticeMail(NoticeStore store, ObjectProvider<JavaMailSender> senders, NotificationSettings settings,
               TransactionTemplate transactions, JsonMapper json, Clock clock) {
        this.store = store;
        this.senders = senders;
        this.settings = settings;
        this.transactions = transactions;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public KindSettings defaults() {
        return new KindSettings(settings.maxAttempts(), settings.backoff(), Duration.ofHours(1), LEASE, null);
    }

    @Override
    public Outcome deliver(OutboxMessage message) {
        UUID id = json.treeToValue(message.payload(), NoticeSms.DeliveryRef.class).deliveryId();
        JavaMailSender sender = senders.getIfAvailable();
        NoticeStore.Delivery delivery = transactions.execute(status -> {
            NoticeStore.Delivery found = store.delivery(id).orElse(null);
            if (found == null || found.status() == DeliveryStatus.SENT || found.status() == DeliveryStatus.SKIPPED) return null;
            if (sender != null) store.attempting(id, clock.instant());
            return found;
        });
        if (delivery == null) {
            log.info("E-mail delivery {} is gone or no longer pending; nothing to send", id);
            return Outcome.delivered();
        }
        if (sender == null) return Outcome.permanentFailure("not sent: no SMTP server is configured (spring.mail.host)");
        String messageId;
        try {
            MimeMessage mime = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
            helper.setFrom(new InternetAddress(settings.mailFrom()));
            helper.setTo(delivery.to());
            helper.setSubject(delivery.subject());
            helper.setText(delivery.body());
            sender.send(mime);
            messageId = mime.getMessageID();
        } catch (MailException | MessagingException e) {
            String reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            transactions.executeWithoutResult(status -> store.attemptFailed(id, reason, clock.instant()));
            return Outcome.retry(reason);
        }
        transactions.executeWithoutResult(status -> store.sent(id, messageId, clock.instant()));
        return Outcome.delivered();
    }

    /** The message died: its delivery is FAILED with the reason, in the transaction that marks the message DEAD. */
    @Override
    public void dead(OutboxMessage message, String reason) {
        store.failed(json.treeToValue(message.payload(), NoticeSms.DeliveryRef.class).deliveryId(), reason, clock.instant());
    }
}
