package io.vidyut.mdm.notifications;

import io.vidyut.mdm.audittrail.AuditTrail;
import io.vidyut.mdm.audittrail.AuditedAction;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.FieldErrorsException.FieldError;
import io.vidyut.mdm.network.ConsumerAccount;
import io.vidyut.mdm.network.ConsumerService;
import io.vidyut.mdm.notifications.ConsumerContact.ConsumerContactChange;
import io.vidyut.mdm.tenancy.TenantContext;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The consumers' contacts (table {@code consumer_contact}) of the current tenant. A consumer is the tenant's when the
 * network module's {@link ConsumerService} finds it; another tenant's is not found (404).
 */
@Service
class ConsumerContacts {
    /** An Indian mobile number: 10 digits from 6 to 9 first, after an optional +91, 91 or 0. */
    private static final Pattern MOBILE = Pattern.compile("(?:\\+91|91|0)?([6-9][0-9]{9})");
    private static final int MAX_EMAIL = 254;

    private final JdbcClient jdbc;
    private final ConsumerService consumers;
    private final AuditTrail audit;
    private final Clock clock;

    ConsumerContacts(JdbcClient jdbc, ConsumerService consumers, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.consumers = consumers;
        this.audit = audit;
        this.clock = clock;
    }

    /** The consumer's contacts; none saved, an empty record. 404 for a consumer that is not the tenant's. */
    @Transactional(readOnly = true)
    ConsumerContact get(UUID consumerId) {
        ConsumerAccount consumer = consumers.get(consumerId);
        return find(consumerId).map(contact -> withAccount(contact, consumer))
                .orElse(new ConsumerContact(consumerId, consumer.accountNo(), null, null, false, false, null, null));
    }

    /** The saved contacts of a consumer, without looking the consumer up. */
    @Transactional(readOnly = true)
    Optional<ConsumerContact> find(UUID consumerId) {
        return jdbc.sql("select * from consumer_contact where consumer_id = ?").param(consumerId)
                .query((rs, n) -> new ConsumerContact(consumerId, null, rs.getString("phone"), rs.getString("email"),
                        rs.getBoolean("sms_opt_out"), rs.getBoolean("email_opt_out"), rs.getString("updated_by"),
                        rs.getTimestamp("updated_at").toInstant()))
                .optional();
    }

    /** Replaces the consumer's contacts (422 with every problem, 404 for a consumer not the tenant's). */
    @Transactional
    ConsumerContact save(UUID consumerId, ConsumerContactChange change, String user) {
        ConsumerAccount consumer = consumers.get(consumerId);
        List<FieldError> problems = new ArrayList<>();
        String phone = phone(change.phone(), problems);
        String email = email(change.email(), problems);
        if (!problems.isEmpty()) throw new FieldErrorsException(problems);
        ConsumerContact before = get(consumerId);
        jdbc.sql("""
                        insert into consumer_contact (tenant_id, consumer_id, phone, email, sms_opt_out, email_opt_out,
                          updated_by, updated_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id, consumer_id) do update set phone = excluded.phone, email = excluded.email,
                          sms_opt_out = excluded.sms_opt_out, email_opt_out = excluded.email_opt_out,
                          updated_by = excluded.updated_by, updated_at = excluded.updated_at""")
                .params(TenantContext.requireTenantId(), consumerId, phone, email, Boolean.TRUE.equals(change.smsOptOut()),
                        Boolean.TRUE.equals(change.emailOptOut()), user, Timestamp.from(clock.instant()))
                .update();
        ConsumerContact after = withAccount(find(consumerId).orElseThrow(), consumer);
        audit.record(AuditedAction.of("consumer_contact.saved", "consumer", consumerId, before, after));
        return after;
    }

    /** The number as {@code +91} and its 10 digits; null for none. */
    static String phone(String given, List<FieldError> problems) {
        if (given == null || given.isBlank()) return null;
        var mobile = MOBILE.matcher(given.replaceAll("[\\s-]", ""));
        if (!mobile.matches()) {
            problems.add(new FieldError("phone", "an Indian mobile number: +91 and 10 digits, the first 6 to 9"));
            return null;
        }
        return "+91" + mobile.group(1);
    }

    static String email(String given, List<FieldError> problems) {
        if (given == null || given.isBlank()) return null;
        String email = given.strip();
        boolean valid = email.length() <= MAX_EMAIL && email.indexOf('@') > 0 && email.chars().noneMatch(Character::isISOControl);
        if (valid) {
            try {
                InternetAddress address = new InternetAddress(email, true);
                address.validate();
                valid = address.getPersonal() == null && email.equals(address.getAddress());
            } catch (AddressException e) {
                valid = false;
            }
        }
        if (!valid) problems.add(new FieldError("email", "one e-mail address, name@domain, at most " + MAX_EMAIL + " characters"));
        return valid ? email : null;
    }

    private static ConsumerContact withAccount(ConsumerContact contact, ConsumerAccount consumer) {
        return new ConsumerContact(contact.consumerId(), consumer.accountNo(), contact.phone(), contact.email(),
                contact.smsOptOut(), contact.emailOptOut(), contact.updatedBy(), contact.updatedAt());
    }
}
