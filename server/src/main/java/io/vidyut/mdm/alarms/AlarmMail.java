package io.vidyut.mdm.alarms;

import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * E-mail about alarms to the tenant's {@code email_recipients}, when SMTP is configured ({@code spring.mail.host}).
 * An alarm RAISED or ESCALATED at {@code email_min_severity} or above is written to {@code mail_outbox} inside
 * the transaction of the change (so a rolled-back change mails nothing and a committed one is not lost); a
 * dispatcher sends due rows through SMTP, retrying with doubling delays, and marks them SENT or, after the
 * last attempt, FAILED with the reason. At least once: a crash between SMTP's acceptance and the mark sends
 * the mail again.
 */
@Component
class AlarmMail {
    private static final Logger log = LoggerFactory.getLogger(AlarmMail.class);
    static final int BATCH = 50;
    /** How long a claimed mail is left to its sender before another attempt may take it. */
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm:ss z");

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final AlarmRulesStore rules;
    private final ObjectProvider<JavaMailSender> senders;
    private final MailSettings settings;
    private final io.vidyut.mdm.tenancy.TenantDirectory tenants;
    private final Clock clock;

    AlarmMail(JdbcClient jdbc, TransactionTemplate transactions, AlarmRulesStore rules, ObjectProvider<JavaMailSender> senders,
              MailSettings settings, io.vidyut.mdm.tenancy.TenantDirectory tenants, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.rules = rules;
        this.senders = senders;
        this.settings = settings;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** In the change's transaction: one outbox row for the tenant's recipients, when the change is worth a mail. */
    @EventListener
    void on(AlarmChanged change) {
        if (change.change() != AlarmChanged.Change.RAISED && change.change() != AlarmChanged.Change.ESCALATED) return;
        if (senders.getIfAvailable() == null) return;
        AlarmRules tenantRules = rules.current();
        if (tenantRules.emailRecipients().isEmpty()) return;
        Alarm alarm = change.alarm();
        if (Alarms.SEVERITIES.indexOf(alarm.severity()) < Alarms.SEVERITIES.indexOf(tenantRules.emailMinSeverity())) return;
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into mail_outbox (id, tenant_id, recipients, subject, body, next_attempt_at, created_at)
                        values (?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), change.tenantId(), tenantRules.emailRecipients().toArray(String[]::new),
                        subject(change), body(change, tenants.zoneOf(change.tenantId())), now, now)
                .update();
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

    private record Due(UUID mailId, UUID tenantId, String tenantCode) {}

    private record Claimed(UUID id, List<String> recipients, String subject, String body, int attempts) {}

    @Scheduled(fixedDelayString = "${mdm.mail.poll:PT2S}")
    void sendDue() {
        JavaMailSender sender = senders.getIfAvailable();
        if (sender == null) return;
        List<Due> due = jdbc.sql("select * from mdm_due_mails(?, ?)").params(Timestamp.from(clock.instant()), BATCH)
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3))).list();
        for (Due mail : due) {
            try {
                TenantContext.runAs(TenantScope.of(mail.tenantId(), mail.tenantCode()), () -> send(sender, mail.mailId()));
            } catch (RuntimeException e) {
                log.warn("Alarm mail {} could not be attempted now", mail.mailId(), e);
            }
        }
    }

    private void send(JavaMailSender sender, UUID id) {
        Optional<Claimed> claimed = transactions.execute(status -> claim(id));
        if (claimed.isEmpty()) return;
        Claimed mail = claimed.get();
        String error = null;
        try {
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, StandardCharsets.UTF_8.name());
            helper.setFrom(new InternetAddress(settings.from()));
            helper.setTo(mail.recipients().toArray(String[]::new));
            helper.setSubject(mail.subject());
            helper.setText(mail.body());
            sender.send(message);
        } catch (MailException | MessagingException e) {
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        String failure = error;
        transactions.executeWithoutResult(status -> {
            if (failure == null) {
                jdbc.sql("update mail_outbox set status = 'SENT', sent_at = ?, last_error = null where id = ? and status = 'PENDING'")
                        .params(Timestamp.from(clock.instant()), id).update();
            } else if (mail.attempts() >= settings.maxAttempts()) {
                jdbc.sql("update mail_outbox set status = 'FAILED', last_error = ? where id = ? and status = 'PENDING'")
                        .params(failure + " (after " + mail.attempts() + " attempts)", id).update();
            } else {
                jdbc.sql("update mail_outbox set last_error = ?, next_attempt_at = ? where id = ? and status = 'PENDING'")
                        .params(failure, Timestamp.from(clock.instant().plus(settings.backoffAfter(mail.attempts()))), id).update();
            }
        });
    }

    /** Takes a due row: attempts + 1 and its next attempt moved past the call (a lease), committed before sending. */
    private Optional<Claimed> claim(UUID id) {
        Optional<Claimed> row = jdbc.sql("""
                        select id, recipients, subject, body, attempts + 1 from mail_outbox
                         where id = ? and status = 'PENDING' and next_attempt_at <= ? for update skip locked""")
                .params(id, Timestamp.from(clock.instant())).query((rs, n) -> {
                    Array recipients = rs.getArray(2);
                    return new Claimed(rs.getObject(1, UUID.class), List.of((String[]) recipients.getArray()), rs.getString(3),
                            rs.getString(4), rs.getInt(5));
                }).optional();
        row.ifPresent(mail -> jdbc.sql("update mail_outbox set attempts = attempts + 1, next_attempt_at = ? where id = ?")
                .params(Timestamp.from(clock.instant().plus(LEASE)), id).update());
        return row;
    }

    /** Deletes sent mail older than the retention; run with the nightly retention ({@code mdm.retention.cron}). */
    @Scheduled(cron = "${mdm.retention.cron:0 30 2 * * *}")
    void purgeSent() {
        int deleted = purgeSent(clock.instant());
        if (deleted > 0) log.info("Deleted {} sent alarm mails older than {}", deleted, settings.retention());
    }

    int purgeSent(Instant now) {
        return jdbc.sql("select mdm_purge_sent_mails(?)").param(Timestamp.from(now.minus(settings.retention())))
                .query(Integer.class).single();
    }

    /** The current tenant's mails, newest first (for tests and support). */
    record Mail(UUID id, List<String> recipients, String subject, String status, int attempts, String lastError) {}

    List<Mail> recent(int limit) {
        return transactions.execute(status -> jdbc.sql("""
                        select id, recipients, subject, status, attempts, last_error from mail_outbox
                         order by created_at desc limit ?""").param(limit)
                .query((rs, n) -> new Mail(rs.getObject(1, UUID.class), List.of((String[]) rs.getArray(2).getArray()),
                        rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6))).list());
    }
}
