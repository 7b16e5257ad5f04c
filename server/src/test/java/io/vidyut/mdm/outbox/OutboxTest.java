package io.vidyut.mdm.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.MeterRegistry;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.TestTenant;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The outbox on the real database with the real dispatcher, through a kind made up here ({@link ProbeHandler}):
 * enqueueing commits with the caller's transaction; a claimed message is not delivered twice while its lease runs,
 * and is delivered again after it when its instance crashed; failures back off, doubling up to the cap, or wait as
 * long as the handler says; after its last attempt a message is DEAD, shown by the API and redriven by it; an ordering
 * key keeps its messages in order across a failure; a tenant sees and touches only its own messages; delivered and
 * discarded messages go after their kind's retention.
 *
 * <p>The server's scheduled dispatcher runs meanwhile at the server's clock. So that it leaves the messages of a test
 * alone, they are made due a month ahead, and the test delivers them by calling the dispatcher with the instants it
 * chooses (the messages of other tests it meets on the way are delivered too, which changes nothing here).
 */
class OutboxTest extends IntegrationTest {
    @Autowired Outbox outbox;
    @Autowired OutboxDispatcher dispatcher;
    @Autowired OutboxRetention retention;
    @Autowired OutboxMetrics metrics;
    @Autowired ProbeHandler probe;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;
    @Autowired MeterRegistry registry;

    TestTenant tenant;
    /** A month ahead of the server's clock: out of the scheduled dispatcher's reach. */
    Instant t0;

    @BeforeEach
    void tenantAndTime() {
        tenant = newTenant();
        t0 = clock.instant().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.MILLIS);
    }

    static String name(String what) {
        return what + "-" + UUID.randomUUID();
    }

    TenantScope scope(TestTenant of) {
        return TenantScope.of(of.id(), of.code());
    }

    /** Enqueues a probe message in a transaction of the tenant, due at {@code due} (now when null). */
    UUID enqueue(TestTenant of, String name, String orderingKey, Instant due) {
        return TenantContext.callAs(scope(of), () -> transactions.execute(status -> {
            UUID id = outbox.enqueue(Outbox.Message.of(ProbeHandler.KIND, Map.of("name", name)).orderedBy(orderingKey));
            if (due != null) {
                jdbc.sql("update outbox_message set next_attempt_at = ? where id = ?").params(Timestamp.from(due), id).update();
            }
            return id;
        }));
    }

    UUID enqueue(String name, Instant due) {
        return enqueue(tenant, name, null, due);
    }

    /** The dispatcher's run at that instant, for this kind only. */
    int deliverAt(Instant at) {
        return dispatcher.deliverDue(Clock.fixed(at, ZoneOffset.UTC), Set.of(ProbeHandler.KIND));
    }

    JsonNode message(UUID id) {
        var response = api.get("/api/v1/outbox/messages/" + id, tenant.operator());
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.json();
    }

    Instant nextAttempt(UUID id) {
        return Instant.parse(message(id).get("next_attempt_at").asString());
    }

    @Test
    void a_message_is_enqueued_only_with_the_callers_transaction_and_a_new_kind_needs_only_its_handler_bean() {
        String rolledBack = name("rolled-back");
        TenantContext.runAs(scope(tenant), () -> transactions.executeWithoutResult(status -> {
            outbox.enqueue(Outbox.Message.of(ProbeHandler.KIND, Map.of("name", rolledBack)));
            status.setRollbackOnly();
        }));
        assertThatThrownBy(() -> TenantContext.runAs(scope(tenant), () ->
                outbox.enqueue(Outbox.Message.of(ProbeHandler.KIND, Map.of("name", name("no-transaction"))))))
                .isInstanceOf(IllegalTransactionStateException.class);
        assertThatThrownBy(() -> Outbox.Message.of("Not A Kind", Map.of())).isInstanceOf(IllegalArgumentException.class);

        String committed = name("committed");
        UUID id = enqueue(committed, null); // due now: the scheduled dispatcher delivers it, with nothing else to do
        JsonNode delivered = await("/api/v1/outbox/messages/" + id, tenant.admin(),
                message -> "DELIVERED".equals(message.get("status").asString()));
        assertThat(delivered.get("kind").asString()).isEqualTo(ProbeHandler.KIND);
        assertThat(delivered.get("attempts").asInt()).isEqualTo(1);
        assertThat(delivered.get("payload").get("name").asString()).isEqualTo(committed);
        assertThat(probe.attemptsOf(committed)).singleElement().satisfies(attempt -> {
            assertThat(attempt.messageTenant()).isEqualTo(tenant.id());
            assertThat(attempt.ranAs()).as("the handler runs under the message's tenant").isEqualTo(tenant.id());
        });
        JsonNode listed = api.get("/api/v1/outbox/messages?kind=" + ProbeHandler.KIND, tenant.admin()).json();
        assertThat(listed.get("total").asInt()).as("the rolled-back one never existed").isEqualTo(1);
        assertThat(probe.attemptsOf(rolledBack)).isEmpty();
    }

    @Test
    void a_claimed_message_is_not_delivered_twice_while_its_lease_runs_and_is_delivered_again_after_a_crash() throws Exception {
        // two dispatchers: the second finds the message leased while the first is still delivering it
        String busy = name("busy");
        ProbeHandler.Block block = new ProbeHandler.Block();
        probe.script(busy, block);
        UUID busyId = enqueue(busy, t0);
        CompletableFuture<Integer> first = CompletableFuture.supplyAsync(() -> deliverAt(t0));
        try {
            assertThat(block.started().await(20, TimeUnit.SECONDS)).isTrue();
            deliverAt(t0);
            deliverAt(t0.plus(Duration.ofMinutes(4)));
            assertThat(probe.attemptsOf(busy)).as("one delivery while the lease runs").hasSize(1);
            assertThat(message(busyId).get("status").asString()).isEqualTo("PENDING");
        } finally {
            block.release().countDown();
        }
        first.get(20, TimeUnit.SECONDS);
        assertThat(message(busyId).get("status").asString()).isEqualTo("DELIVERED");
        assertThat(probe.attemptsOf(busy)).hasSize(1);

        // a crash: claimed by an instance that died before delivering it
        String orphan = name("orphan");
        UUID orphanId = enqueue(orphan, t0);
        List<OutboxDispatcher.Claimed> claimed = dispatcher.claim(t0, Set.of(ProbeHandler.KIND), 100);
        assertThat(claimed).extracting(OutboxDispatcher.Claimed::id).contains(orphanId);
        JsonNode leased = message(orphanId);
        assertThat(leased.get("attempts").asInt()).isEqualTo(1);
        assertThat(Instant.parse(leased.get("next_attempt_at").asString())).isEqualTo(t0.plus(Duration.ofMinutes(5)));
        deliverAt(t0.plus(Duration.ofMinutes(5)).minusSeconds(1));
        assertThat(probe.attemptsOf(orphan)).as("not before the lease runs out").isEmpty();
        deliverAt(t0.plus(Duration.ofMinutes(5)));
        assertThat(probe.attemptsOf(orphan)).singleElement().satisfies(attempt -> {
            assertThat(attempt.id()).isEqualTo(orphanId);
            assertThat(attempt.attempt()).isEqualTo(2);
        });
        JsonNode delivered = message(orphanId);
        assertThat(delivered.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivered.get("attempts").asInt()).isEqualTo(2);
    }

    @Test
    void a_failure_is_retried_after_a_doubling_backoff_or_after_what_the_handler_asks() {
        String name = name("flaky");
        probe.script(name, new ProbeHandler.Fail("first"), new ProbeHandler.Fail("second"),
                new ProbeHandler.RetryAfter(Duration.ofMinutes(7)));
        UUID id = enqueue(name, t0);

        deliverAt(t0);
        assertThat(nextAttempt(id)).as("the backoff: 1 min").isEqualTo(t0.plus(Duration.ofMinutes(1)));
        assertThat(message(id).get("last_error").asString()).isEqualTo("first");
        deliverAt(t0.plus(Duration.ofSeconds(59)));
        assertThat(probe.attemptsOf(name)).hasSize(1);

        deliverAt(t0.plus(Duration.ofMinutes(1)));
        assertThat(nextAttempt(id)).as("doubled: 2 min").isEqualTo(t0.plus(Duration.ofMinutes(3)));
        deliverAt(t0.plus(Duration.ofMinutes(3)));
        assertThat(nextAttempt(id)).as("as the handler asked (Retry-After), not the 3 min cap")
                .isEqualTo(t0.plus(Duration.ofMinutes(10)));
        assertThat(message(id).get("attempts").asInt()).isEqualTo(3);
        deliverAt(t0.plus(Duration.ofMinutes(9)));
        assertThat(probe.attemptsOf(name)).hasSize(3);

        deliverAt(t0.plus(Duration.ofMinutes(10)));
        JsonNode delivered = message(id);
        assertThat(delivered.get("status").asString()).isEqualTo("DELIVERED");
        assertThat(delivered.get("attempts").asInt()).isEqualTo(4);
        assertThat(delivered.has("last_error")).isFalse();
        assertThat(Instant.parse(delivered.get("delivered_at").asString())).isEqualTo(t0.plus(Duration.ofMinutes(10)));
        assertThat(probe.attemptsOf(name)).extracting(ProbeHandler.Attempt::attempt).containsExactly(1, 2, 3, 4);
    }

    @Test
    void after_its_last_attempt_a_message_is_dead_once_shown_by_the_api_and_a_redrive_delivers_it() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(OutboxDispatcher.class);
        log.start();
        logger.addAppender(log);
        try {
            String name = name("doomed");
            probe.script(name, new ProbeHandler.Fail("no 1"), new ProbeHandler.Fail("no 2"), new ProbeHandler.Fail("no 3"),
                    new ProbeHandler.Fail("no 4"));
            UUID id = enqueue(name, t0);
            // 1 min, 2 min, then the 3 min cap
            for (Duration at : List.of(Duration.ZERO, Duration.ofMinutes(1), Duration.ofMinutes(3), Duration.ofMinutes(6))) {
                deliverAt(t0.plus(at));
            }
            deliverAt(t0.plus(Duration.ofDays(1)));
            assertThat(probe.attemptsOf(name)).hasSize(4);
            assertThat(probe.dead.get(name)).isEqualTo("no 4 (after 4 attempts)");
            assertThat(log.list).filteredOn(event -> event.getLevel() == Level.WARN
                    && event.getFormattedMessage().contains(id.toString())).as("logged at WARN once").singleElement()
                    .satisfies(event -> assertThat(event.getFormattedMessage()).contains("DEAD").contains("no 4"));

            JsonNode dead = api.get("/api/v1/outbox/messages?status=DEAD&kind=" + ProbeHandler.KIND, tenant.operator()).json();
            assertThat(dead.get("items").findValuesAsString("id")).containsExactly(id.toString());
            JsonNode one = message(id);
            assertThat(one.get("status").asString()).isEqualTo("DEAD");
            assertThat(one.get("attempts").asInt()).isEqualTo(4);
            assertThat(one.get("last_error").asString()).isEqualTo("no 4 (after 4 attempts)");
            assertThat(Instant.parse(one.get("dead_at").asString())).isEqualTo(t0.plus(Duration.ofMinutes(6)));
            assertThat(one.has("next_attempt_at")).isFalse();

            metrics.refresh();
            assertThat(registry.get("mdm.outbox.messages").tags("kind", ProbeHandler.KIND, "status", "dead").gauge().value())
                    .isGreaterThanOrEqualTo(1);
            assertThat(registry.get("mdm.outbox.delivery.attempts").tags("kind", ProbeHandler.KIND, "outcome", "retry")
                    .counter().count()).isGreaterThanOrEqualTo(3);
            assertThat(registry.get("mdm.outbox.delivery.attempts").tags("kind", ProbeHandler.KIND, "outcome", "dead")
                    .counter().count()).isGreaterThanOrEqualTo(1);

            assertThat(api.post("/api/v1/outbox/messages/" + id + "/redrive", tenant.operator(), null).status())
                    .as("operators read, administrators act").isEqualTo(403);
            var redriven = api.post("/api/v1/outbox/messages/" + id + "/redrive", tenant.admin(), null);
            assertThat(redriven.status()).as(redriven.raw()).isEqualTo(200);
            assertThat(redriven.json().get("status").asString()).isEqualTo("PENDING");
            assertThat(redriven.json().get("attempts").asInt()).isZero();
            assertThat(redriven.json().get("redriven_by").asString()).isEqualTo(tenant.code() + ".admin");
            var again = api.post("/api/v1/outbox/messages/" + id + "/redrive", tenant.admin(), null);
            assertThat(again.status()).isEqualTo(409);
            assertThat(again.isProblem()).isTrue();
            // due now: the scheduled dispatcher delivers it (the script is used up)
            JsonNode delivered = await("/api/v1/outbox/messages/" + id, tenant.admin(),
                    message -> "DELIVERED".equals(message.get("status").asString()));
            assertThat(delivered.get("attempts").asInt()).isEqualTo(1);
            assertThat(probe.attemptsOf(name)).hasSize(5);
            assertThat(log.list).filteredOn(event -> event.getLevel() == Level.WARN
                    && event.getFormattedMessage().contains(id.toString())).hasSize(1);
            JsonNode trail = api.get("/api/v1/audit-trail?action=outbox_message.", tenant.admin()).json();
            assertThat(trail.get("items").findValuesAsString("action")).contains("outbox_message.redriven");
        } finally {
            logger.detachAppender(log);
        }
    }

    @Test
    void a_permanent_failure_is_dead_at_once_a_handler_exception_is_retried_and_a_message_can_be_discarded() {
        String hopeless = name("hopeless");
        probe.script(hopeless, new ProbeHandler.Permanent("no such receiver"));
        UUID hopelessId = enqueue(hopeless, t0);
        String throwing = name("throwing");
        probe.script(throwing, new ProbeHandler.Crash("the handler broke"));
        UUID throwingId = enqueue(throwing, t0);
        deliverAt(t0);

        JsonNode dead = message(hopelessId);
        assertThat(dead.get("status").asString()).isEqualTo("DEAD");
        assertThat(dead.get("attempts").asInt()).isEqualTo(1);
        assertThat(dead.get("last_error").asString()).isEqualTo("no such receiver");
        JsonNode retried = message(throwingId);
        assertThat(retried.get("status").asString()).isEqualTo("PENDING");
        assertThat(retried.get("last_error").asString()).contains("the handler broke");

        assertThat(api.post("/api/v1/outbox/messages/" + throwingId + "/discard", tenant.operator(), Map.of()).status())
                .isEqualTo(403);
        var discarded = api.post("/api/v1/outbox/messages/" + throwingId + "/discard", tenant.admin(),
                Map.of("reason", "the receiver is gone for good"));
        assertThat(discarded.status()).as(discarded.raw()).isEqualTo(200);
        assertThat(discarded.json().get("status").asString()).isEqualTo("DISCARDED");
        assertThat(discarded.json().get("discarded_by").asString()).isEqualTo(tenant.code() + ".admin");
        assertThat(discarded.json().get("discard_reason").asString()).isEqualTo("the receiver is gone for good");
        assertThat(api.post("/api/v1/outbox/messages/" + hopelessId + "/discard", tenant.admin(), null).status()).isEqualTo(200);
        assertThat(api.post("/api/v1/outbox/messages/" + throwingId + "/discard", tenant.admin(), null).status()).isEqualTo(409);
        deliverAt(t0.plus(Duration.ofDays(1)));
        assertThat(probe.attemptsOf(throwing)).as("a discarded message is not delivered").hasSize(1);
        assertThat(api.get("/api/v1/outbox/messages/" + UUID.randomUUID(), tenant.admin()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/outbox/messages?status=LOST", tenant.admin()).status()).isIn(400, 422);
    }

    @Test
    void messages_of_one_ordering_key_go_one_at_a_time_in_order_across_a_failure() {
        TestTenant other = newTenant();
        String a = name("a");
        String b = name("b");
        String c = name("c");
        String elsewhere = name("other-key");
        String otherTenant = name("other-tenant");
        probe.script(a, new ProbeHandler.Fail("not yet"));
        UUID aId = enqueue(tenant, a, "key-1", t0);
        UUID bId = enqueue(tenant, b, "key-1", t0);
        enqueue(tenant, c, "key-1", t0);
        enqueue(tenant, elsewhere, "key-2", t0);
        enqueue(other, otherTenant, "key-1", t0);

        deliverAt(t0);
        assertThat(probe.attemptsOf(a)).hasSize(1);
        assertThat(probe.attemptsOf(b)).as("waits while the earlier message is pending").isEmpty();
        assertThat(probe.attemptsOf(c)).isEmpty();
        assertThat(probe.attemptsOf(elsewhere)).as("another key does not wait").hasSize(1);
        assertThat(probe.attemptsOf(otherTenant)).as("nor does the same key of another tenant").hasSize(1);
        assertThat(message(bId).get("attempts").asInt()).isZero();

        deliverAt(t0.plus(Duration.ofSeconds(30)));
        assertThat(probe.attemptsOf(b)).isEmpty();

        deliverAt(t0.plus(Duration.ofMinutes(1)));
        List<String> order = probe.attempts.stream().map(ProbeHandler.Attempt::name).filter(List.of(a, b, c)::contains).toList();
        assertThat(order).containsExactly(a, a, b, c);
        assertThat(message(aId).get("status").asString()).isEqualTo("DELIVERED");
        assertThat(api.get("/api/v1/outbox/messages?status=PENDING&kind=" + ProbeHandler.KIND, tenant.admin()).json()
                .get("total").asInt()).isZero();
    }

    @Test
    void another_tenants_messages_are_neither_seen_nor_touched() {
        String name = name("private");
        probe.script(name, new ProbeHandler.Permanent("dead on purpose"));
        UUID id = enqueue(name, t0);
        deliverAt(t0);
        assertThat(message(id).get("status").asString()).isEqualTo("DEAD");

        TestTenant other = newTenant();
        JsonNode listed = api.get("/api/v1/outbox/messages", other.admin()).json();
        assertThat(listed.get("items").findValuesAsString("id")).doesNotContain(id.toString());
        assertThat(api.get("/api/v1/outbox/messages?kind=" + ProbeHandler.KIND, other.operator()).json().get("total").asInt()).isZero();
        assertThat(api.get("/api/v1/outbox/messages/" + id, other.admin()).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/outbox/messages/" + id + "/redrive", other.admin(), null).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/outbox/messages/" + id + "/discard", other.admin(), null).status()).isEqualTo(404);
        assertThat(message(id).get("status").asString()).as("untouched").isEqualTo("DEAD");
        long visible = TenantContext.callAs(scope(other), () -> transactions.execute(status -> jdbc.sql(
                "select count(*) from outbox_message where tenant_id = ?").param(tenant.id()).query(Long.class).single()));
        assertThat(visible).as("row-level security, not only the query").isZero();

        assertThat(api.get("/api/v1/outbox/messages", tenant.analyst()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/outbox/messages/" + id, tenant.fieldTech()).status()).isEqualTo(403);
    }

    @Test
    void delivered_and_discarded_messages_go_after_their_kinds_retention_and_pending_and_dead_ones_stay() {
        String delivered = name("delivered");
        UUID deliveredId = enqueue(delivered, t0);
        String dead = name("dead");
        probe.script(dead, new ProbeHandler.Permanent("kept for an operator"));
        UUID deadId = enqueue(dead, t0);
        deliverAt(t0);
        UUID pendingId = enqueue(name("pending"), t0.plus(Duration.ofDays(3)));
        UUID discardedId = enqueue(name("discarded"), t0.plus(Duration.ofDays(3)));
        assertThat(api.post("/api/v1/outbox/messages/" + discardedId + "/discard", tenant.admin(), null).status()).isEqualTo(200);
        // a kind no handler knows (one retired, say) is kept by the outbox's own retention, 30 days
        UUID orphanId = TenantContext.callAs(scope(tenant), () -> transactions.execute(status -> {
            UUID orphan = outbox.enqueue(Outbox.Message.of("test.retired", Map.of("name", "orphan")));
            jdbc.sql("update outbox_message set status = 'DELIVERED', delivered_at = ? where id = ?")
                    .params(Timestamp.from(t0), orphan).update();
            return orphan;
        }));

        assertThat(retention.purge(t0.plus(Duration.ofHours(23)))).isGreaterThanOrEqualTo(1);
        assertThat(api.get("/api/v1/outbox/messages/" + discardedId, tenant.admin()).status())
                .as("discarded now, a month before: past the day").isEqualTo(404);
        for (UUID id : List.of(deliveredId, deadId, pendingId, orphanId)) {
            assertThat(api.get("/api/v1/outbox/messages/" + id, tenant.admin()).status()).as("kept").isEqualTo(200);
        }
        assertThat(retention.purge(t0.plus(Duration.ofHours(25)))).isGreaterThanOrEqualTo(1);
        assertThat(api.get("/api/v1/outbox/messages/" + deliveredId, tenant.admin()).status()).as("delivered a day ago")
                .isEqualTo(404);
        assertThat(api.get("/api/v1/outbox/messages/" + orphanId, tenant.admin()).status()).isEqualTo(200);
        assertThat(message(deadId).get("status").asString()).isEqualTo("DEAD");
        assertThat(message(pendingId).get("status").asString()).isEqualTo("PENDING");

        retention.purge(t0.plus(Duration.ofDays(31)));
        assertThat(api.get("/api/v1/outbox/messages/" + orphanId, tenant.admin()).status()).isEqualTo(404);
        assertThat(message(deadId).get("status").asString()).isEqualTo("DEAD");
    }

    @Test
    void each_kind_takes_its_attempts_backoff_lease_and_retention_from_its_module_with_the_outbox_defaults_beneath() {
        Map<String, OutboxDispatcher.Kind> kinds = dispatcher.kinds();
        assertThat(kinds).containsKeys("webhook", "mail", "command", "command.read", ProbeHandler.KIND);
        // mdm.webhooks.* (the tests set 3 attempts, 0.5 s); the lease is its 10 s timeout + 30 s
        assertThat(kinds.get("webhook").policy()).isEqualTo(new KindPolicy("webhook", 3, Duration.ofMillis(500),
                Duration.ofHours(1), Duration.ofSeconds(40), Duration.ofDays(30)));
        // mdm.commands.* (the tests set a 1 s backoff); the outbox's cap and retention
        assertThat(kinds.get("command").policy()).isEqualTo(new KindPolicy("command", 3, Duration.ofSeconds(1),
                Duration.ofHours(1), Duration.ofSeconds(60), Duration.ofDays(30)));
        // mdm.mail.* (the test base sets a 1 s backoff)
        assertThat(kinds.get("mail").policy()).isEqualTo(new KindPolicy("mail", 5, Duration.ofSeconds(1),
                Duration.ofHours(1), Duration.ofMinutes(2), Duration.ofDays(30)));
        assertThat(kinds.get(ProbeHandler.KIND).policy()).isEqualTo(new KindPolicy(ProbeHandler.KIND, 4, Duration.ofMinutes(1),
                Duration.ofMinutes(3), Duration.ofMinutes(5), Duration.ofDays(1)));
    }
}
