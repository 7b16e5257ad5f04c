package io.vidyut.mdm.webhooks;

import io.vidyut.mdm.audittrail.AuditTrail;
import io.vidyut.mdm.audittrail.AuditedAction;
import io.vidyut.mdm.common.FieldErrorsException.FieldError;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.NotFoundException;
import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.outbox.MessageStatus;
import io.vidyut.mdm.outbox.Outbox;
import io.vidyut.mdm.secrets.SecretBox;
import io.vidyut.mdm.tenancy.TenantContext;
import java.net.URI;
import java.security.SecureRandom;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The current tenant's webhook subscriptions and what was delivered to each. */
@Service
class Subscriptions {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final WebhookTargetGuard guard;
    private final SecretBox box;

    private final AuditTrail audit;
    private final Outbox outbox;

    Subscriptions(JdbcClient jdbc, WebhookTargetGuard guard, SecretBox box, AuditTrail audit, Outbox outbox) {
        this.audit = audit;
        this.outbox = outbox;
        this.guard = guard;
        this.jdbc = jdbc;
        this.box = box;
    }

    /** A request for a subscription; without a secret one is generated. */
    record NewSubscription(String url, List<String> eventTypes, String secret) {}

    /** A subscription as listed (its secret is shown once, when it is made). */
    record Subscription(UUID id, String url, List<String> eventTypes, String createdBy, Instant createdAt) {}

    record Created(Subscription subscription, String secret) {}

    /**
     * One message to one subscription: PENDING, DELIVERED, FAILED (dead in the outbox: its attempts ran out) or
     * DISCARDED (by an operator); {@code payload} is the body as sent.
     */
    record Delivery(UUID id, String eventType, String status, int attempts, String lastError, Instant createdAt,
                    Instant nextAttemptAt, Instant deliveredAt, String payload) {}

    @Transactional
    Created create(NewSubscription request, String user) {
        List<FieldError> problems = new ArrayList<>();
        if (request.url() == null || !validUrl(request.url())) {
            problems.add(new FieldError("url", "an absolute http or https URL"));
        } else {
            guard.refusal(request.url()).ifPresent(refusal -> problems.add(new FieldError("url", refusal)));
        }
        Set<String> types = new LinkedHashSet<>();
        if (request.eventTypes() == null || request.eventTypes().isEmpty()) {
            problems.add(new FieldError("event_types", "at least one of alarm.raised, alarm.changed, data.corrected"));
        } else {
            for (String type : request.eventTypes()) {
                if (WebhookEventType.of(type).isEmpty()) {
                    problems.add(new FieldError("event_types", "'" + type + "' is not one of alarm.raised, alarm.changed, data.corrected"));
                }
                types.add(type);
            }
        }
        if (request.secret() != null && request.secret().length() < 16) {
            problems.add(new FieldError("secret", "at least 16 characters (or leave it out to have one generated)"));
        }
        if (!problems.isEmpty()) throw new FieldErrorsException(problems);
        String secret = request.secret() != null ? request.secret() : "whsec_" + HexFormat.of().formatHex(randomBytes());
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into webhook_subscription (id, tenant_id, url, secret, event_types, created_by)
                        values (?, ?, ?, ?, ?::text[], ?)""")
                .params(id, TenantContext.requireTenantId(), request.url(), box.seal(secret),
                        "{" + String.join(",", types) + "}", user).update();
        Subscription created = get(id);
        audit.record(AuditedAction.of("webhook.subscribed", "webhook", id, null, created));
        return new Created(created, secret);
    }

    @Transactional(readOnly = true)
    List<Subscription> list() {
        return jdbc.sql("select * from webhook_subscription order by created_at, id").query(Subscriptions::read).list();
    }

    @Transactional(readOnly = true)
    Subscription get(UUID id) {
        return jdbc.sql("select * from webhook_subscription where id = ?").param(id).query(Subscriptions::read).optional()
                .orElseThrow(() -> new NotFoundException("Webhook subscription", id));
    }

    /** Removes a subscription with its undelivered messages and delivery history. */
    @Transactional
    void delete(UUID id) {
        Subscription existing = get(id);
        if (jdbc.sql("delete from webhook_subscription where id = ?").param(id).update() == 0) {
            throw new NotFoundException("Webhook subscription", id);
        }
        outbox.deleteAll(WebhookEvents.KIND, id.toString());
        audit.record(AuditedAction.of("webhook.deleted", "webhook", id, existing, null));
    }

    @Transactional(readOnly = true)
    Page<Delivery> deliveries(UUID subscriptionId, String status, PageRequest page) {
        get(subscriptionId);
        MessageStatus outboxStatus = null;
        if (status != null) {
            outboxStatus = switch (status) {
                case "PENDING" -> MessageStatus.PENDING;
                case "DELIVERED" -> MessageStatus.DELIVERED;
                case "FAILED" -> MessageStatus.DEAD;
                case "DISCARDED" -> MessageStatus.DISCARDED;
                default -> throw FieldErrorsException.of("status", "one of PENDING, DELIVERED, FAILED, DISCARDED");
            };
        }
        return outbox.messages(WebhookEvents.KIND, subscriptionId.toString(), outboxStatus, page).map(message -> new Delivery(
                message.id(), message.payload().get("event_type").asString(),
                message.status() == MessageStatus.DEAD ? "FAILED" : message.status().name(), message.attempts(),
                message.lastError(), message.createdAt(), message.nextAttemptAt(), message.deliveredAt(),
                message.payload().get("body").asString()));
    }

    private static boolean validUrl(String url) {
        try {
            URI uri = URI.create(url);
            return uri.isAbsolute() && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static Subscription read(ResultSet rs, int row) throws SQLException {
        Array types = rs.getArray("event_types");
        return new Subscription(rs.getObject("id", UUID.class), rs.getString("url"), List.of((String[]) types.getArray()),
                rs.getString("created_by"), instant(rs, "created_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
