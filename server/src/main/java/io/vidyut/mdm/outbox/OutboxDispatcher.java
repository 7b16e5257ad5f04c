package io.vidyut.mdm.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Delivers due messages across tenants, every {@code mdm.outbox.poll}, on every instance.
 *
 * <p>A batch is claimed in one committed statement ({@code mdm_outbox_claim}, rows locked {@code skip locked}): each
 * message's attempts go up by one and its next attempt moves past the kind's lease. So two instances never deliver
 * a message at once, and one whose instance crashed mid-delivery is delivered again once its lease has run out: at
 * least once, with the same id. Of the messages sharing an ordering key only the oldest pending one is ever claimed,
 * so they go one at a time, in order, a failure included. Each message is handed to its kind's handler under its
 * tenant, then marked in a transaction of that tenant: DELIVERED; or due again after the kind's backoff (or the
 * handler's {@code retryAfter}); or DEAD, with the reason, after the kind's last attempt or a permanent failure (logged
 * at WARN once, the handler told in the same transaction). A stale mark (the lease ran out and another attempt took
 * the message) is not written. Kinds without a handler on this instance wait for one that has it.
 */
@Component
class OutboxDispatcher implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);
    /**
     * Claim rounds per run, and the time after which no new round starts: a backlog (or the queue of an ordering key,
     * one message a round) goes on without waiting for the next poll, yet the scheduler's other work is not held up
     * for long.
     */
    static final int MAX_ROUNDS = 100;
    static final Duration MAX_RUN = Duration.ofSeconds(5);

    record Kind(OutboxHandler handler, KindPolicy policy) {}

    /** A message as claimed: {@code attempts} counts the attempt about to be made. */
    record Claimed(UUID id, UUID tenantId, String tenantCode, String kind, String orderingKey, String subject, String payload,
                   int attempts, Instant createdAt) {}

    private final Map<String, Kind> kinds;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final OutboxSettings settings;
    private final JsonMapper json;
    private final Clock clock;
    private final MeterRegistry metrics;

    OutboxDispatcher(List<OutboxHandler> handlers, JdbcClient jdbc, TransactionTemplate transactions, OutboxSettings settings,
                     JsonMapper json, Clock clock, MeterRegistry metrics) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.metrics = metrics;
        Map<String, Kind> byKind = new LinkedHashMap<>();
        for (OutboxHandler handler : handlers) {
            String kind = handler.kind();
            Outbox.Message.of(kind, Map.of()); // the same rule as enqueueing: a name it could never match is an error now
            Kind previous = byKind.put(kind, new Kind(handler, settings.policyOf(kind, handler.defaults())));
            if (previous != null) {
                throw new IllegalStateException("Two outbox handlers for kind " + kind + ": " + previous.handler().getClass()
                        .getName() + " and " + handler.getClass().getName());
            }
        }
        this.kinds = Collections.unmodifiableMap(byKind);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::run, settings.poll());
    }

    /** The kinds this instance delivers and what it delivers them with. */
    Map<String, Kind> kinds() {
        return kinds;
    }

    void run() {
        try {
            deliverDue(clock, kinds.keySet());
        } catch (RuntimeException e) {
            log.warn("The outbox could not be worked now; it is tried again", e);
        }
    }

    /**
     * Delivers the messages of these kinds due at {@code at}'s time, round after round while there are; {@code at}
     * also stamps the marks and the next attempts. Returns how many attempts were made.
     */
    int deliverDue(Clock at, Collection<String> ofKinds) {
        int attempted = 0;
        long started = System.nanoTime();
        for (int round = 0; round < MAX_ROUNDS && (round == 0 || System.nanoTime() - started < MAX_RUN.toNanos()); round++) {
            List<Claimed> claimed = claim(at.instant(), ofKinds, settings.batchSize());
            if (claimed.isEmpty()) break;
            for (Claimed message : claimed) deliver(message, at);
            attempted += claimed.size();
        }
        return attempted;
    }

    /** Claims up to {@code limit} due messages of these kinds (committed); nothing else happens to them here. */
    List<Claimed> claim(Instant now, Collection<String> ofKinds, int limit) {
        List<String> names = ofKinds.stream().filter(kinds::containsKey).toList();
        if (names.isEmpty()) return List.of();
        long[] leases = names.stream().mapToLong(kind -> kinds.get(kind).policy().lease().toMillis()).toArray();
        return jdbc.sql("select * from mdm_outbox_claim(?, ?, ?, ?)")
                .params(Timestamp.from(now), names.toArray(String[]::new), leases, limit)
                .query((rs, n) -> new Claimed(rs.getObject("id", UUID.class), rs.getObject("tenant_id", UUID.class),
                        rs.getString("tenant_code"), rs.getString("kind"), rs.getString("ordering_key"), rs.getString("subject"),
                        rs.getString("payload"), rs.getInt("attempts"), Outbox.instant(rs, "created_at")))
                .list();
    }

    private void deliver(Claimed claimed, Clock at) {
        Kind kind = kinds.get(claimed.kind());
        KindPolicy policy = kind.policy();
        TenantScope scope = TenantScope.of(claimed.tenantId(), claimed.tenantCode());
        OutboxMessage message = new OutboxMessage(claimed.id(), claimed.tenantId(), claimed.kind(), claimed.orderingKey(),
                claimed.subject(), json.readTree(claimed.payload()), claimed.attempts(), policy.maxAttempts(),
                policy.backoffAfter(claimed.attempts()), claimed.createdAt());
        OutboxHandler.Outcome outcome;
        try {
            outcome = TenantContext.callAs(scope, () -> kind.handler().deliver(message));
            if (outcome == null) outcome = OutboxHandler.Outcome.retry("the " + claimed.kind() + " handler gave no outcome");
        } catch (RuntimeException e) {
            log.info("Outbox message {} ({}) failed in its handler: {}", claimed.id(), claimed.kind(), e.toString());
            outcome = OutboxHandler.Outcome.retry(describe(e));
        }
        OutboxHandler.Outcome result = outcome;
        try {
            Mark mark = TenantContext.callAs(scope, () -> transactions.execute(status -> mark(kind, message, result, at.instant())));
            count(claimed.kind(), mark);
            if (mark == Mark.DEAD) {
                log.warn("Outbox message {} ({}, tenant {}) is DEAD after {} attempt(s): {}", claimed.id(), claimed.kind(),
                        claimed.tenantCode(), claimed.attempts(), reasonOf(result, message));
            }
        } catch (RuntimeException e) {
            log.warn("Outbox message {} ({}) could not be marked; it is attempted again after its lease", claimed.id(),
                    claimed.kind(), e);
        }
    }

    enum Mark { DELIVERED, RETRY, DEAD, STALE }

    private Mark mark(Kind kind, OutboxMessage message, OutboxHandler.Outcome outcome, Instant now) {
        Timestamp at = Timestamp.from(now);
        if (outcome instanceof OutboxHandler.Delivered) {
            int marked = jdbc.sql("""
                            update outbox_message set status = 'DELIVERED', delivered_at = ?, last_error = null
                             where id = ? and status = 'PENDING'""")
                    .params(at, message.id()).update();
            return marked == 1 ? Mark.DELIVERED : Mark.STALE;
        }
        if (outcome instanceof OutboxHandler.Retry retry && !message.lastAttempt()) {
            Duration wait = retry.after() != null ? KindPolicy.retryAfter(retry.after()) : message.retryDelay();
            int marked = jdbc.sql("""
                            update outbox_message set next_attempt_at = ?, last_error = ?
                             where id = ? and status = 'PENDING' and attempts = ?""")
                    .params(Timestamp.from(now.plus(wait)), limited(retry.reason()), message.id(), message.attempt()).update();
            return marked == 1 ? Mark.RETRY : Mark.STALE;
        }
        String reason = reasonOf(outcome, message);
        int marked = jdbc.sql("""
                        update outbox_message set status = 'DEAD', dead_at = ?, last_error = ?
                         where id = ? and status = 'PENDING' and attempts = ?""")
                .params(at, limited(reason), message.id(), message.attempt()).update();
        if (marked == 0) return Mark.STALE;
        kind.handler().dead(message, reason);
        return Mark.DEAD;
    }

    /** Why a message died: the handler's reason, with the attempts when they ran out. */
    private static String reasonOf(OutboxHandler.Outcome outcome, OutboxMessage message) {
        if (outcome instanceof OutboxHandler.PermanentFailure failure) return failure.reason();
        String reason = outcome instanceof OutboxHandler.Retry retry ? retry.reason() : String.valueOf(outcome);
        return reason + " (after " + message.attempt() + " attempts)";
    }

    private void count(String kind, Mark mark) {
        if (mark == Mark.STALE) return;
        Counter.builder("mdm.outbox.delivery.attempts").tag("kind", kind).tag("outcome", mark.name().toLowerCase(java.util.Locale.ROOT))
                .description("Outbox delivery attempts by kind and outcome (delivered, retry, dead)").register(metrics)
                .increment();
    }

    private static String describe(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static String limited(String text) {
        if (text == null) return null;
        return text.length() > 2000 ? text.substring(0, 2000) + "…" : text;
    }
}
