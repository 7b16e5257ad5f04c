package io.vidyut.mdm.billing.cycles;

import io.vidyut.mdm.common.ConflictException;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.FieldErrorsException.FieldError;
import io.vidyut.mdm.common.NotFoundException;
import io.vidyut.mdm.common.ids.NodeId;
import io.vidyut.mdm.network.NetworkTopology;
import io.vidyut.mdm.tenancy.TenantContext;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The tenant's billing cycles; no consumer is in two (their network scopes may not overlap). */
@Component
class BillingCycles {
    static final int MOST_NODES = 200;
    private final JdbcClient jdbc;
    private final NetworkTopology network;
    private final Clock clock;

    BillingCycles(JdbcClient jdbc, NetworkTopology network, Clock clock) {
        this.jdbc = jdbc;
        this.network = network;
        this.clock = clock;
    }

    record NewCycle(String code, String name, Integer cycleDay, Integer months, List<UUID> nodeIds) {}

    @Transactional
    BillingCycle create(NewCycle cycle, String user) {
        List<FieldError> problems = new ArrayList<>();
        if (cycle.code() == null || !cycle.code().matches("[A-Za-z0-9._-]{1,64}")) {
            problems.add(new FieldError("code", "1–64 letters, digits, dots, dashes or underscores"));
        }
        if (cycle.name() == null || cycle.name().isBlank() || cycle.name().length() > 200) problems.add(new FieldError("name", "1–200 characters"));
        if (cycle.cycleDay() == null || cycle.cycleDay() < 1 || cycle.cycleDay() > 28) problems.add(new FieldError("cycle_day", "1 to 28"));
        if (cycle.months() == null || cycle.months() < 1 || cycle.months() > 2) problems.add(new FieldError("months", "1 (monthly) or 2 (bi-monthly)"));
        if (cycle.nodeIds() == null || cycle.nodeIds().isEmpty() || cycle.nodeIds().size() > MOST_NODES) {
            problems.add(new FieldError("node_ids", "1 to " + MOST_NODES + " network nodes"));
        }
        if (!problems.isEmpty()) throw new FieldErrorsException(problems);
        Set<NodeId> nodes = cycle.nodeIds().stream().map(NodeId::new).collect(Collectors.toSet());
        if (network.labels(nodes).size() != nodes.size()) throw FieldErrorsException.of("node_ids", "unknown network node");
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('billing_cycle:' || ?, 0))")
                .param(TenantContext.requireTenantId().toString()).query(Object.class).optional();
        Set<NodeId> scope = network.subtree(nodes);
        for (BillingCycle other : list()) {
            Set<NodeId> overlap = new HashSet<>(network.subtree(other.nodeIds().stream().map(NodeId::new).toList()));
            overlap.retainAll(scope);
            if (!overlap.isEmpty()) throw new ConflictException("The nodes overlap cycle " + other.code() + "'s");
        }
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                        insert into billing_cycle (id, tenant_id, code, name, cycle_day, months, node_ids, created_by, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (tenant_id, code) do nothing""")
                .params(id, TenantContext.requireTenantId(), cycle.code(), cycle.name(), cycle.cycleDay(), cycle.months(),
                        cycle.nodeIds().toArray(UUID[]::new), user, Timestamp.from(clock.instant()))
                .update();
        if (inserted == 0) throw new ConflictException("A billing cycle " + cycle.code() + " exists");
        return get(cycle.code());
    }

    @Transactional(readOnly = true)
    List<BillingCycle> list() {
        return jdbc.sql("select * from billing_cycle order by code").query(BillingCycles::map).list();
    }

    @Transactional(readOnly = true)
    BillingCycle get(String code) {
        return jdbc.sql("select * from billing_cycle where code = ?").param(code).query(BillingCycles::map).optional()
                .orElseThrow(() -> new NotFoundException("Billing cycle", code));
    }

    @Transactional(readOnly = true)
    BillingCycle get(UUID id) {
        return jdbc.sql("select * from billing_cycle where id = ?").param(id).query(BillingCycles::map).optional()
                .orElseThrow(() -> new NotFoundException("Billing cycle", id));
    }

    private static BillingCycle map(ResultSet rs, int row) throws SQLException {
        Array nodes = rs.getArray("node_ids");
        return new BillingCycle(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"), rs.getInt("cycle_day"),
                rs.getInt("months"), Arrays.asList((UUID[]) nodes.getArray()), rs.getString("created_by"),
                rs.getTimestamp("created_at").toInstant());
    }
}
