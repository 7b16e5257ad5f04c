package io.vidyut.mdm.alarms;

import io.vidyut.mdm.outbox.KindSettings;
import io.vidyut.mdm.outbox.Outbox;
import io.vidyut.mdm.outbox.OutboxHandler;
import io.vidyut.mdm.outbox.OutboxMessage;
import io.vidyut.mdm.tenancy.TenantDirectory;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * E-mail about alarms to the tenant's {@code email_recipients}, when SMTP is configured ({@code spring.mail.host}).
 * An alarm RAISED or ESCALATED at {@code email_min_severity} or above is enqueued as a {@code mail} message of the
 * {@link Outbox} inside the transaction of the change (so a rolled-back change mails nothing and a committed one is
 * not lost); the outbox hands it back here to send through SMTP, retrying with doubling delays
 * ({@code mdm.mail.backoff}, at most an hour) up to {@code mdm.mail.max-attempts}, then DEAD with the reason. At least
 * once: a crash between SMTP's acceptance and the mark sends the mail again.
 */
@Component
class AlarmMail implements OutboxHandler {
    static final String KIND = "mail";
    /** How long a claimed mail is left to its sender before another attempt may take it. */
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss z");

    private final Outbox outbox;
    private final AlarmRulesStore rules;
    private final ObjectProvider<JavaMailSender> senders;
    private final MailSettings settings;
    private final TenantDirectory tenants;
    private final JsonMapper json;

    AlarmMail(Outbox outbox, AlarmRulesStore rules, ObjectProvider<JavaMailSender> senders, MailSettings settings,
              TenantDirectory tenants, JsonMapper json) {
        this.outbox = outbox;
        this.rules = rules;
        this.senders = senders;
        this.settings = settings;
        this.tenants = tenants;
        this.json = json;
    }

    /** What a {@code mail} message carries. */
    record Mail(List<String> recipients, String subject, String body) {}

    /** In the change's transaction: one message to the tenant's recipients, when the change is worth a mail. */
    @EventListener
    void on(AlarmChanged change) {
        if (change.change() != AlarmChanged.Change.RAISED && change.change() != AlarmChanged.Change.ESCALATED) return;
        if (senders.getIfAvailable() == null) return;
        AlarmRules tenantRules = rules.current();
        if (tenantRules.emailRecipients().isEmpty()) return;
        Alarm alarm = change.alarm();
        if (Alarms.SEVERITIES.indexOf(alarm.severity()) < Alarms.SEVERITIES.indexOf(tenantRules.emailMinSeverity())) return;
        outbox.enqueue(Outbox.Message.of(KIND, new Mail(tenantRules.emailRecipients(), subject(change),
                body(change, tenants.zoneOf(change.tenantId())))).about(alarm.id().toString()));
    }

    static String subject(AlarmChanged change) {
        Alarm alarm = change.alarm();
        String what = change.change() == AlarmChanged.Change.ESCALATED
                ? "alarm escalated (level " + alarm.escalationLevel() + ", still not acknowledged)" : "alarm raised";
        return "[Vidyut MDM] " + alarm.severity() + " " + what + ": " + alarm.title() + place(alarm);
    }

    /** Times in the tenant's zone, as the dashboard shows them. */
    static String body(AlarmChanged change, ZoneId zone) {
        Alarm alarm = change.alarm();
        StringBuilder text = new StringBuilder();
        text.append(change.change() == AlarmChanged.Change.ESCALATED
                ? "This alarm has been open for a while and nobody has acknowledged it yet.\n\n"
                : "A new alarm was raised.\n\n");
        text.append("Alarm:      ").append(alarm.title()).append('\n');
        text.append("Kind:       ").append(alarm.kind()).append('\n');
        text.append("Severity:   ").append(alarm.severity()).append('\n');
        if (alarm.meterSerial() != null) text.append("Meter:      ").append(alarm.meterSerial()).append('\n');
        if (alarm.networkNodeCode() != null) text.append("Network:    ").append(alarm.networkNodeCode()).append('\n');
        if (alarm.affectedMeters() != null) text.append("Meters out: ").append(alarm.affectedMeters()).append('\n');
        text.append("Since:      ").append(TIME.format(alarm.firstAt().atZone(zone))).append('\n');
        text.append("Raised:     ").append(TIME.format(alarm.raisedAt().atZone(zone))).append('\n');
        if (alarm.escalationLevel() > 0) text.append("Escalation: level ").append(alarm.escalationLevel()).append('\n');
        text.append("Alarm id:   ").append(alarm.id()).append("\n\n");
        text.append("Acknowledge or resolve it in the MDM (Alarms), or POST /api/v1/alarms/").append(alarm.id())
                .append("/acknowledge.\n");
        return text.toString();
    }

    private static String place(Alarm alarm) {
        if (alarm.meterSerial() != null) return " at meter " + alarm.meterSerial();
        if (alarm.networkNodeCode() != null) return " at " + alarm.networkNodeCode();
        return "";
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public KindSettings defaults() {
        return new KindSettings(settings.maxAttempts(), settings.backoff(), Duration.ofHours(1), LEASE, settings.retention());
    }

    /** One attempt through SMTP; without a mail sender any more (SMTP taken out of the configuration) it cannot be sent. */
    @Override
    public Outcome deliver(OutboxMessage message) {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) return Outcome.permanentFailure("no SMTP server is configured (spring.mail.host)");
        Mail mail = json.treeToValue(message.payload(), Mail.class);
        try {
            MimeMessage mime = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(mime, StandardCharsets.UTF_8.name());
            helper.setFrom(new InternetAddress(settings.from()));
            helper.setTo(mail.recipients().toArray(String[]::new));
            helper.setSubject(mail.subject());
            helper.setText(mail.body());
            sender.send(mime);
            return Outcome.delivered();
        } catch (MailException | MessagingException e) {
            return Outcome.retry(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }
}
