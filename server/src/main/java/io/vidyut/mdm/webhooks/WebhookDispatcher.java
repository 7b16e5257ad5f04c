package io.vidyut.mdm.webhooks;

import io.vidyut.mdm.secrets.SecretBox;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers due outbox rows across tenants. A row is claimed in a committed transaction before the call
 * (attempts + 1, next attempt pushed past the call's time), so two instances never send it at once
 * and a crash during the call sends it again once the lease runs out. Delivered rows are marked after
 * the receiver's 2xx; a crash between that answer and the mark sends the row once more with the same
 * {@code Webhook-Id}: delivery is at-least-once, and receivers dedupe on that id. Failures are retried
 * with doubling delays; after the last attempt the row is FAILED with the reason.
 */
@Component
class WebhookDispatcher {
    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    static final int BATCH = 100;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final WebhookSender sender;
    private final WebhookSettings settings;
    private final Clock clock;
    private final SecretBox box;

    WebhookDispatcher(JdbcClient jdbc, TransactionTemplate transactions, WebhookSender sender, WebhookSettings settings, Clock clock,
                      SecretBox box) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.sender = sender;
        this.settings = settings;
        this.clock = clock;
        this.box = box;
    }

    private record Due(UUID deliveryId, UUID tenantId, String tenantCode) {}

    private record Claimed(UUID id, String eventType, String payload, int attempts, String url, String secret) {}

    @Scheduled(fixedDelayString = "${mdm.webhooks.poll:PT0.5S}")
    void deliverDue() {
        List<Due> due = jdbc.sql("select * from mdm_due_webhook_deliveries(?, ?)").params(Timestamp.from(clock.instant()), BATCH)
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3))).list();
        for (Due delivery : due) {
            try {
                TenantContext.runAs(TenantScope.of(delivery.tenantId(), delivery.tenantCode()), () -> deliver(delivery.deliveryId()));
            } catch (RuntimeException e) {
                log.warn("Webhook delivery {} could not be attempted now", delivery.deliveryId(), e);
            }
        }
    }

    private void deliver(UUID id) {
        Optional<Claimed> claimed = transactions.execute(status -> claim(id));
        if (claimed.isEmpty()) return;
        Claimed row = claimed.get();
        WebhookSender.Outcome outcome = sender.send(row.url(), row.secret(), row.id(), row.eventType(), row.payload());
        transactions.executeWithoutResult(status -> {
            if (outcome.delivered()) {
                jdbc.sql("""
                                update outbox set status = 'DELIVERED', delivered_at = ?, last_status_code = ?, last_error = null
                                 where id = ? and status = 'PENDING'""")
                        .params(Timestamp.from(clock.instant()), outcome.status(), id).update();
            } else if (row.attempts() >= settings.maxAttempts()) {
                jdbc.sql("update outbox set status = 'FAILED', last_status_code = ?, last_error = ? where id = ? and status = 'PENDING'")
                        .params(status(outcome), outcome.error() + " (after " + row.attempts() + " attempts)", id).update();
            } else {
                jdbc.sql("update outbox set last_status_code = ?, last_error = ?, next_attempt_at = ? where id = ? and status = 'PENDING'")
                        .params(status(outcome), outcome.error(),
                                Timestamp.from(clock.instant().plus(settings.backoffAfter(row.attempts()))), id).update();
            }
        });
    }

    private static Integer status(WebhookSender.Outcome outcome) {
        return outcome.status() == 0 ? null : outcome.status();
    }

    private Optional<Claimed> claim(UUID id) {
        Optional<Claimed> row = jdbc.sql("""
                        select o.id, o.event_type, o.payload, o.attempts + 1, s.url, s.secret
                          from outbox o join webhook_subscription s on s.id = o.subscription_id
                         where o.id = ? and o.status = 'PENDING' and o.next_attempt_at <= ?
                           for update of o skip locked""")
                .params(id, Timestamp.from(clock.instant())).query((rs, n) -> new Claimed(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        rs.getInt(4), rs.getString(5), box.open(rs.getString(6)))).optional();
        row.ifPresent(claimed -> jdbc.sql("update outbox set attempts = attempts + 1, next_attempt_at = ? where id = ?")
                .params(Timestamp.from(clock.instant().plus(settings.lease())), id).update());
        return row;
    }
}
