package io.vidyut.mdm.billing.cycles;

import io.vidyut.mdm.common.DaemonThreads;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.FieldErrorsException.FieldError;
import io.vidyut.mdm.common.NotFoundException;
import io.vidyut.mdm.common.ids.NodeId;
import io.vidyut.mdm.network.NetworkTopology;
import io.vidyut.mdm.tenancy.Tenant;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantDirectory;
import io.vidyut.mdm.tenancy.TenantScope;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Billing runs: started by a request, carried out in the background one at a time, a transaction per
 * {@link #CHUNK} consumers (two chunks at once), so a run's progress is visible and a run the process died in resumes
 * at the next start where it stopped (consumers already stored are skipped).
 */
@Service
class BillingRuns implements ApplicationRunner, DisposableBean {
    private static final Logger log = LoggerFactory.getLogger(BillingRuns.class);
    /** Consumers a run may name (first and final bills, re-runs of a few). */
    static final int MOST_NAMED = 1_000;
    /** Longest period: a bi-monthly cycle and its ragged edges. */
    static final int MOST_DAYS = 62;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final BillingCycles cycles;
    private final DeterminantComputer determinants;
    private final DeterminantStore store;
    private final NetworkTopology network;
    private final TenantDirectory tenants;
    private final Clock clock;
    /** Consumers a chunk worker loads, computes and stores in one transaction. */
    static final int CHUNK = 200;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(DaemonThreads.named("billing-run"));
    /**
     * Chunks in parallel: while one worker waits on the database, another computes (two keep two cores busy). A run
     * is one at a time; its chunks share these workers.
     */
    private final ExecutorService chunkWorkers;

    BillingRuns(JdbcClient jdbc, TransactionTemplate transactions, BillingCycles cycles, DeterminantComputer determinants,
                DeterminantStore store, NetworkTopology network,
                TenantDirectory tenants, Clock clock, RunSettings settings) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.cycles = cycles;
        this.determinants = determinants;
        this.store = store;
        this.network = network;
        this.tenants = tenants;
        this.clock = clock;
        this.chunkWorkers = Executors.newFixedThreadPool(settings.workers(), DaemonThreads.named("billing-chunk"));
    }

    /** What to run: a cycle (its last complete period unless days are given), or named consumers and days. */
    record RunRequest(String cycleCode, BillingRun.Kind kind, LocalDate firstDay, LocalDate lastDay, List<UUID> consumerIds) {}

    BillingRun start(RunRequest request, String user) {
        UUID runId = transactions.execute(status -> create(request, user));
        TenantScope scope = TenantContext.current().orElseThrow();
        executor.submit(() -> TenantContext.runAs(scope, () -> execute(runId)));
        return get(runId);
    }

    private UUID create(RunRequest request, String user) {
        List<FieldError> problems = new ArrayList<>();
        BillingCycle cycle = request.cycleCode() == null ? null : cycles.get(request.cycleCode());
        BillingRun.Kind kind = request.kind() != null ? request.kind() : cycle != null ? BillingRun.Kind.CYCLE : BillingRun.Kind.INTERIM;
        LocalDate today = LocalDate.now(clock.withZone(zone()));
        LocalDate first = request.firstDay(), last = request.lastDay();
        if (cycle != null && first == null && last == null) {
            BillingCycle.Period period = cycle.lastCompletePeriod(today);
            first = period.firstDay();
            last = period.lastDay();
        }
        if (cycle == null && (request.consumerIds() == null || request.consumerIds().isEmpty())) {
            problems.add(new FieldError("consumer_ids", "give a cycle_code or 1 to " + MOST_NAMED + " consumers"));
        }
        if (cycle != null && request.consumerIds() != null && !request.consumerIds().isEmpty()) {
            problems.add(new FieldError("consumer_ids", "a cycle's run takes all its consumers"));
        }
        if (cycle != null && kind != BillingRun.Kind.CYCLE) problems.add(new FieldError("kind", "a cycle's run is of kind CYCLE"));
        if (cycle == null && kind == BillingRun.Kind.CYCLE) problems.add(new FieldError("kind", "a run of kind CYCLE needs a cycle_code"));
        if (request.consumerIds() != null && request.consumerIds().size() > MOST_NAMED) {
            problems.add(new FieldError("consumer_ids", "at most " + MOST_NAMED));
        }
        if (first == null) problems.add(new FieldError("first_day", "required"));
        if (last == null) problems.add(new FieldError("last_day", "required"));
        if (first != null && last != null) {
            if (last.isBefore(first)) problems.add(new FieldError("last_day", "not before first_day"));
            else if (last.toEpochDay() - first.toEpochDay() + 1 > MOST_DAYS) problems.add(new FieldError("last_day", "a period is at most " + MOST_DAYS + " days"));
            if (last.isAfter(today)) problems.add(new FieldError("last_day", "not after the tenant's today " + today));
        }
        if (!problems.isEmpty()) throw new FieldErrorsException(problems);
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into billing_run (id, tenant_id, cycle_id, kind, first_day, last_day, consumer_ids, status, started_by, started_at)
                        values (?, ?, ?, ?, ?, ?, ?, 'RUNNING', ?, ?)""")
                .params(id, TenantContext.requireTenantId(), cycle == null ? null : cycle.id(), kind.name(), first, last,
                        request.consumerIds() == null ? null : request.consumerIds().toArray(UUID[]::new), user,
                        Timestamp.from(clock.instant()))
                .update();
        return id;
    }

    BillingRun get(UUID id) {
        return transactions.execute(status -> jdbc.sql("select * from billing_run where id = ?").param(id).query(BillingRuns::map)
                .optional().orElseThrow(() -> new NotFoundException("Billing run", id)));
    }

    List<BillingRun> latest(int limit) {
        return transactions.execute(status -> jdbc.sql("select * from billing_run order by started_at desc limit ?").param(limit)
                .query(BillingRuns::map).list());
    }

    /** Carries a run out (or on, after a restart), under its tenant. */
    void execute(UUID runId) {
        try {
            BillingRun run = get(runId);
            CycleInput.Period period = new CycleInput.Period(run.firstDay(), run.lastDay(), zone());
            List<UUID> consumers = consumersOf(runId, run);
            Set<UUID> stored = new HashSet<>(transactions.execute(status -> store.consumersOf(runId)));
            List<UUID> todo = consumers.stream().filter(id -> !stored.contains(id)).toList();
            DeterminantComputer.Computation computation = transactions.execute(status -> determinants.forPeriod(period));
            transactions.executeWithoutResult(status -> jdbc.sql("update billing_run set consumers_total = ?, consumers_done = ? where id = ?")
                    .params(consumers.size(), stored.size(), runId).update());
            TenantScope scope = TenantContext.current().orElseThrow();
            List<Future<?>> chunks = new ArrayList<>();
            for (int from = 0; from < todo.size(); from += CHUNK) {
                List<UUID> chunk = todo.subList(from, Math.min(todo.size(), from + CHUNK));
                chunks.add(chunkWorkers.submit(() -> TenantContext.runAs(scope, () -> transactions.executeWithoutResult(status -> {
                    List<DeterminantComputer.Result> results = computation.compute(chunk);
                    store.save(runId, results);
                    long held = results.stream().filter(r -> r.determinants().held()).count();
                    jdbc.sql("update billing_run set consumers_done = consumers_done + ?, exceptions = exceptions + ? where id = ?")
                            .params(chunk.size(), held, runId).update();
                }))));
            }
            for (Future<?> chunk : chunks) chunk.get();
            finish(runId, BillingRun.Status.DONE, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | RuntimeException e) {
            log.error("Billing run {} failed", runId, e);
            finish(runId, BillingRun.Status.FAILED, String.valueOf(e.getMessage()));
        }
    }

    private List<UUID> consumersOf(UUID runId, BillingRun run) {
        return transactions.execute(status -> {
            UUID[] named = jdbc.sql("select consumer_ids from billing_run where id = ?").param(runId)
                    .query((rs, n) -> rs.getArray(1) == null ? null : (UUID[]) rs.getArray(1).getArray()).list().get(0);
            if (named != null) return List.of(named);
            BillingCycle cycle = cycles.get(run.cycleId());
            return network.consumersUnder(cycle.nodeIds().stream().map(NodeId::new).toList()).stream()
                    .map(c -> c.consumer().value()).sorted().toList();
        });
    }

    private void finish(UUID runId, BillingRun.Status status, String error) {
        transactions.executeWithoutResult(tx -> jdbc.sql("update billing_run set status = ?, error = ?, finished_at = ? where id = ?")
                .params(status.name(), error, Timestamp.from(clock.instant()), runId).update());
    }

    /** Runs the process died in go on where they stopped. */
    @Override
    public void run(ApplicationArguments args) {
        for (Tenant tenant : tenants.all()) {
            TenantScope scope = TenantScope.of(tenant.id(), tenant.code());
            List<UUID> unfinished = TenantContext.callAs(scope, () -> transactions.execute(status ->
                    jdbc.sql("select id from billing_run where status = 'RUNNING' order by started_at").query(UUID.class).list()));
            for (UUID runId : unfinished) {
                log.info("Resuming billing run {} of tenant {}", runId, tenant.code());
                executor.submit(() -> TenantContext.runAs(scope, () -> execute(runId)));
            }
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
        chunkWorkers.shutdownNow();
    }

    private ZoneId zone() {
        return tenants.zoneOf(TenantContext.requireTenantId());
    }

    private static BillingRun map(ResultSet rs, int row) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new BillingRun(rs.getObject("id", UUID.class), rs.getObject("cycle_id", UUID.class),
                BillingRun.Kind.valueOf(rs.getString("kind")), rs.getObject("first_day", LocalDate.class),
                rs.getObject("last_day", LocalDate.class), BillingRun.Status.valueOf(rs.getString("status")),
                rs.getInt("consumers_total"), rs.getInt("consumers_done"), rs.getInt("exceptions"), rs.getString("error"),
                rs.getString("started_by"), rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant());
    }
}
