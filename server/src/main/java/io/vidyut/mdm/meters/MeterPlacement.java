package io.vidyut.mdm.meters;

import io.vidyut.mdm.network.NetworkTopology;
import io.vidyut.mdm.network.NetworkTopology.ConsumerOnDt;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which DT each meter hangs under, read in bulk (outage inference): a consumer meter under its consumer's DT, a meter
 * on a DT node under that DT. The network says where consumers and DTs are ({@link NetworkTopology}), the meter
 * registry which consumer or node each meter is at; each call is a fixed few queries however many meters it is
 * asked about, in the caller's transaction.
 */
@Component
public class MeterPlacement {
    private final JdbcClient jdbc;
    private final NetworkTopology network;

    MeterPlacement(JdbcClient jdbc, NetworkTopology network) {
        this.jdbc = jdbc;
        this.network = network;
    }

    public record MeterOnDt(UUID meterId, UUID dtId) {}

    /** Where a meter is installed: at a consumer or at a network node (never both), or neither yet. */
    private record Site(UUID meterId, UUID consumerId, UUID nodeId) {}

    /** The DT each of these meters hangs under; meters under no DT (a feeder meter, one not installed) are left out. */
    @Transactional(readOnly = true)
    public List<MeterOnDt> dtsOf(Collection<UUID> meterIds) {
        if (meterIds.isEmpty()) return List.of();
        List<Site> sites = jdbc.sql("select id, consumer_id, network_node_id from meter where id = any(?)")
                .param(meterIds.toArray(UUID[]::new)).query(MeterPlacement::site).list();
        Map<UUID, UUID> dtOfConsumer = dtOfConsumer(network.dtsOfConsumers(ids(sites, Site::consumerId)));
        Set<UUID> dtNodes = network.dtsAmong(ids(sites, Site::nodeId));
        return sites.stream().map(site -> new MeterOnDt(site.meterId(), dtOf(site, dtOfConsumer, dtNodes)))
                .filter(meter -> meter.dtId() != null).toList();
    }

    private static UUID dtOf(Site site, Map<UUID, UUID> dtOfConsumer, Set<UUID> dtNodes) {
        if (site.consumerId() != null) return dtOfConsumer.get(site.consumerId());
        return site.nodeId() != null && dtNodes.contains(site.nodeId()) ? site.nodeId() : null;
    }

    /** The meters not decommissioned under these DTs. */
    @Transactional(readOnly = true)
    public List<MeterOnDt> metersUnder(Collection<UUID> dtIds) {
        if (dtIds.isEmpty()) return List.of();
        Map<UUID, UUID> dtOfConsumer = dtOfConsumer(network.consumersUnder(dtIds));
        return jdbc.sql("""
                        select id, consumer_id, network_node_id from meter
                         where (consumer_id = any(?) or network_node_id = any(?)) and lifecycle_stage <> 'DECOMMISSIONED'""")
                .params(dtOfConsumer.keySet().toArray(UUID[]::new), dtIds.toArray(UUID[]::new))
                .query(MeterPlacement::site).list().stream()
                .map(site -> new MeterOnDt(site.meterId(),
                        site.consumerId() != null ? dtOfConsumer.get(site.consumerId()) : site.nodeId()))
                .toList();
    }

    private static Map<UUID, UUID> dtOfConsumer(List<ConsumerOnDt> consumers) {
        return consumers.stream().collect(Collectors.toMap(ConsumerOnDt::consumerId, ConsumerOnDt::dtId));
    }

    private static Set<UUID> ids(List<Site> sites, Function<Site, UUID> id) {
        return sites.stream().map(id).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    private static Site site(ResultSet rs, int row) throws SQLException {
        return new Site(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class));
    }
}
