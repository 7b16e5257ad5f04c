package io.vidyut.mdm.outbox;

import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A kind of message made up by the tests, {@code test.probe}: this bean, picked up from the test sources, is all it
 * takes for the real dispatcher to deliver it (the way billing pushes, SMS or a CRM would come). Each message names
 * itself ({@code {"name": …}}); what its attempts do is scripted per name, step after step, and once the steps are
 * used up an attempt delivers it. Every attempt is recorded with the tenant it ran under.
 */
@Component
class ProbeHandler implements OutboxHandler {
    static final String KIND = "test.probe";
    /** Four attempts, 1 min doubling up to 3 min, a 5 min lease, delivered messages kept a day. */
    static final KindSettings DEFAULTS = new KindSettings(4, Duration.ofMinutes(1), Duration.ofMinutes(3), Duration.ofMinutes(5),
            Duration.ofDays(1));

    sealed interface Step {}

    record Fail(String reason) implements Step {}

    record RetryAfter(Duration after) implements Step {}

    record Permanent(String reason) implements Step {}

    record Crash(String message) implements Step {}

    /** Holds the attempt until released (the test then knows it is under way). */
    record Block(CountDownLatch started, CountDownLatch release) implements Step {
        Block() {
            this(new CountDownLatch(1), new CountDownLatch(1));
        }
    }

    /** One attempt: the message, its attempt number, its own tenant and the one the handler ran under. */
    record Attempt(String name, UUID id, int attempt, UUID messageTenant, UUID ranAs) {}

    private final Map<String, Deque<Step>> scripts = new ConcurrentHashMap<>();
    final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    /** Why each message died, by name, as the dispatcher told the handler (inside a transaction). */
    final Map<String, String> dead = new ConcurrentHashMap<>();

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public KindSettings defaults() {
        return DEFAULTS;
    }

    void script(String name, Step... steps) {
        scripts.put(name, new ArrayDeque<>(List.of(steps)));
    }

    List<Attempt> attemptsOf(String name) {
        return attempts.stream().filter(attempt -> attempt.name().equals(name)).toList();
    }

    @Override
    public Outcome deliver(OutboxMessage message) {
        String name = message.payload().get("name").asString();
        attempts.add(new Attempt(name, message.id(), message.attempt(), message.tenantId(),
                TenantContext.current().map(TenantScope::tenantId).orElse(null)));
        Deque<Step> script = scripts.get(name);
        Step step = script == null ? null : script.poll();
        if (step == null) return Outcome.delivered();
        if (step instanceof Fail fail) return Outcome.retry(fail.reason());
        if (step instanceof RetryAfter retry) return Outcome.retryAfter("asked to wait", retry.after());
        if (step instanceof Permanent permanent) return Outcome.permanentFailure(permanent.reason());
        if (step instanceof Crash crash) throw new IllegalStateException(crash.message());
        Block block = (Block) step;
        block.started().countDown();
        try {
            if (!block.release().await(30, TimeUnit.SECONDS)) throw new IllegalStateException("never released");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Outcome.delivered();
    }

    @Override
    public void dead(OutboxMessage message, String reason) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) throw new IllegalStateException("told outside a transaction");
        dead.put(message.payload().get("name").asString(), reason);
    }
}
