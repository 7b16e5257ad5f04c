package io.vidyut.mdm.network;

import io.vidyut.mdm.common.ids.ConsumerId;
import io.vidyut.mdm.common.ids.NodeId;
import io.vidyut.mdm.common.ids.TypedId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What hangs under what in the tenant's network, read in bulk by the modules that reason over it (outage inference,
 * and later billing, energy audit and reports): one query per call however many nodes or consumers it is asked
 * about, so it stays fast for a million meters. It joins the caller's transaction, so what it reads is what the
 * caller's transaction sees, under the tenant's row-level security; ids of another tenant are never found.
 */
@Component
public class NetworkTopology {
    /** Walks down from some nodes: the nodes themselves and everything below them. */
    private static final String SUBTREE = """
            with recursive subtree(id, level) as (
                select id, level from network_node where id = any(?)
                union all
                select n.id, n.level from network_node n join subtree s on n.parent_id = s.id)
            """;

    private final JdbcClient jdbc;

    NetworkTopology(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record DtOnFeeder(NodeId dt, NodeId feeder) {}

    public record ConsumerOnDt(ConsumerId consumer, NodeId dt) {}

    /** What a node is called, for showing it next to what refers to it. */
    public record NodeLabel(NodeId id, NetworkLevel level, String code, String name) {}

    /** How many nodes of each level, and how many consumers, a part of the network holds. */
    public record Counts(Map<NetworkLevel, Long> nodes, long consumers) {}

    /** The feeder each of these DTs hangs under; ids of no DT of the tenant are left out. */
    @Transactional(readOnly = true)
    public List<DtOnFeeder> feedersOf(Collection<NodeId> dts) {
        if (dts.isEmpty()) return List.of();
        return jdbc.sql("""
                        select d.id, f.id from network_node d join network_node f on f.id = d.parent_id and f.level = 'FEEDER'
                         where d.id = any(?) and d.level = 'DT'""")
                .param(TypedId.uuids(dts))
                .query((rs, n) -> new DtOnFeeder(node(rs, 1), node(rs, 2))).list();
    }

    /** The DTs at or below these nodes (a DT stands for itself). */
    @Transactional(readOnly = true)
    public Set<NodeId> dtsUnder(Collection<NodeId> nodes) {
        if (nodes.isEmpty()) return Set.of();
        return jdbc.sql(SUBTREE + "select id from subtree where level = 'DT'").param(TypedId.uuids(nodes))
                .query((rs, n) -> node(rs, 1)).set();
    }

    /** These nodes and every node below them. */
    @Transactional(readOnly = true)
    public Set<NodeId> subtree(Collection<NodeId> nodes) {
        if (nodes.isEmpty()) return Set.of();
        return jdbc.sql(SUBTREE + "select id from subtree").param(TypedId.uuids(nodes)).query((rs, n) -> node(rs, 1)).set();
    }

    /** The DTs among these network nodes. */
    @Transactional(readOnly = true)
    public Set<NodeId> dtsAmong(Collection<NodeId> nodes) {
        if (nodes.isEmpty()) return Set.of();
        return jdbc.sql("select id from network_node where id = any(?) and level = 'DT'").param(TypedId.uuids(nodes))
                .query((rs, n) -> node(rs, 1)).set();
    }

    /** The DT each of these consumers is supplied from; consumers on no DT are left out. */
    @Transactional(readOnly = true)
    public List<ConsumerOnDt> dtsOfConsumers(Collection<ConsumerId> consumers) {
        if (consumers.isEmpty()) return List.of();
        return jdbc.sql("select id, dt_id from consumer where id = any(?) and dt_id is not null")
                .param(TypedId.uuids(consumers)).query(NetworkTopology::consumerOnDt).list();
    }

    /** The consumers supplied from the DTs at or below these nodes. */
    @Transactional(readOnly = true)
    public List<ConsumerOnDt> consumersUnder(Collection<NodeId> nodes) {
        if (nodes.isEmpty()) return List.of();
        return jdbc.sql(SUBTREE + "select c.id, c.dt_id from consumer c join subtree s on s.id = c.dt_id and s.level = 'DT'")
                .param(TypedId.uuids(nodes)).query(NetworkTopology::consumerOnDt).list();
    }

    /** Each of these nodes' way up: the node first, its circle last; ids of no node of the tenant are left out. */
    @Transactional(readOnly = true)
    public Map<NodeId, List<NodeLabel>> pathsToCircle(Collection<NodeId> nodes) {
        if (nodes.isEmpty()) return Map.of();
        Map<NodeId, List<NodeLabel>> paths = new LinkedHashMap<>();
        jdbc.sql("""
                        with recursive up(start, id, level, code, name, parent_id, depth) as (
                            select id, id, level, code, name, parent_id, 0 from network_node where id = any(?)
                            union all
                            select u.start, n.id, n.level, n.code, n.name, n.parent_id, u.depth + 1
                              from network_node n join up u on n.id = u.parent_id)
                        select start, id, level, code, name from up order by start, depth""")
                .param(TypedId.uuids(nodes))
                .query((rs, n) -> Map.entry(node(rs, 1), label(rs, 2))).list()
                .forEach(step -> paths.computeIfAbsent(step.getKey(), k -> new ArrayList<>()).add(step.getValue()));
        return paths;
    }

    /** What these nodes are called. */
    @Transactional(readOnly = true)
    public List<NodeLabel> labels(Collection<NodeId> nodes) {
        if (nodes.isEmpty()) return List.of();
        return jdbc.sql("select id, level, code, name from network_node where id = any(?)").param(TypedId.uuids(nodes))
                .query((rs, n) -> label(rs, 1)).list();
    }

    /** How many nodes of each level are at or below this node (itself included), and how many consumers under them. */
    @Transactional(readOnly = true)
    public Counts countsUnder(NodeId root) {
        record Level(NetworkLevel level, long nodes, long consumers) {}
        List<Level> levels = jdbc.sql(SUBTREE + """
                        select s.level, count(*), sum(supplied.consumers) from subtree s
                          cross join lateral (select count(*) as consumers from consumer c where c.dt_id = s.id) supplied
                         group by s.level""")
                .param(TypedId.uuids(List.of(root)))
                .query((rs, n) -> new Level(NetworkLevel.valueOf(rs.getString(1)), rs.getLong(2), rs.getLong(3))).list();
        Map<NetworkLevel, Long> nodes = new EnumMap<>(NetworkLevel.class);
        levels.forEach(level -> nodes.put(level.level(), level.nodes()));
        return new Counts(nodes, levels.stream().mapToLong(Level::consumers).sum());
    }

    private static ConsumerOnDt consumerOnDt(ResultSet rs, int row) throws SQLException {
        return new ConsumerOnDt(new ConsumerId(rs.getObject(1, UUID.class)), node(rs, 2));
    }

    private static NodeLabel label(ResultSet rs, int first) throws SQLException {
        return new NodeLabel(node(rs, first), NetworkLevel.valueOf(rs.getString(first + 1)), rs.getString(first + 2),
                rs.getString(first + 3));
    }

    private static NodeId node(ResultSet rs, int column) throws SQLException {
        return new NodeId(rs.getObject(column, UUID.class));
    }
}
