package io.vidyut.mdm.network;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What hangs under what in the tenant's network, read in bulk by modules that reason over it (outage inference):
 * one query per call however many DTs or consumers it is asked about. It joins the caller's transaction, so what
 * it reads is what the caller's transaction sees.
 */
@Component
public class NetworkTopology {
    private final JdbcClient jdbc;

    NetworkTopology(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record DtOnFeeder(UUID dtId, UUID feederId) {}

    public record ConsumerOnDt(UUID consumerId, UUID dtId) {}

    /** The feeder each of these DTs hangs under; ids of no DT of the tenant are left out. */
    @Transactional(readOnly = true)
    public List<DtOnFeeder> feedersOf(Collection<UUID> dtIds) {
        if (dtIds.isEmpty()) return List.of();
        return jdbc.sql("""
                        select d.id, f.id from network_node d join network_node f on f.id = d.parent_id and f.level = 'FEEDER'
                         where d.id = any(?)""")
                .param(dtIds.toArray(UUID[]::new))
                .query((rs, n) -> new DtOnFeeder(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
    }

    /** The DTs under a feeder. */
    @Transactional(readOnly = true)
    public List<UUID> dtsUnder(UUID feederId) {
        return jdbc.sql("select id from network_node where parent_id = ? and level = 'DT'").param(feederId)
                .query(UUID.class).list();
    }

    /** The DTs among these network nodes. */
    @Transactional(readOnly = true)
    public Set<UUID> dtsAmong(Collection<UUID> nodeIds) {
        if (nodeIds.isEmpty()) return Set.of();
        return jdbc.sql("select id from network_node where id = any(?) and level = 'DT'")
                .param(nodeIds.toArray(UUID[]::new)).query(UUID.class).set();
    }

    /** The DT each of these consumers is supplied from; consumers on no DT are left out. */
    @Transactional(readOnly = true)
    public List<ConsumerOnDt> dtsOfConsumers(Collection<UUID> consumerIds) {
        if (consumerIds.isEmpty()) return List.of();
        return jdbc.sql("select id, dt_id from consumer where id = any(?) and dt_id is not null")
                .param(consumerIds.toArray(UUID[]::new)).query(NetworkTopology::consumerOnDt).list();
    }

    /** The consumers supplied from these DTs. */
    @Transactional(readOnly = true)
    public List<ConsumerOnDt> consumersUnder(Collection<UUID> dtIds) {
        if (dtIds.isEmpty()) return List.of();
        return jdbc.sql("select id, dt_id from consumer where dt_id = any(?)")
                .param(dtIds.toArray(UUID[]::new)).query(NetworkTopology::consumerOnDt).list();
    }

    private static ConsumerOnDt consumerOnDt(ResultSet rs, int row) throws SQLException {
        return new ConsumerOnDt(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
    }
}
