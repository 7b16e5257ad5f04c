package io.vidyut.mdm.meters;

import io.vidyut.mdm.common.ids.ConsumerId;
import io.vidyut.mdm.common.ids.MeterId;
import io.vidyut.mdm.common.ids.NodeId;
import io.vidyut.mdm.common.ids.TypedId;
import io.vidyut.mdm.network.NetworkTopology;
import io.vidyut.mdm.network.NetworkTopology.ConsumerOnDt;
import io.vidyut.mdm.network.NetworkTopology.DtOnFeeder;
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
 * Where meters hang in the network, read in bulk (outage inference, and later billing, energy audit and reports): a
 * consumer meter under its consumer's DT, a meter on a network node (DT, feeder, boundary) at that node. The network
 * says where consumers and nodes are ({@link NetworkTopology}), the meter registry which consumer or node each meter
 * is at; each call is a fixed few queries however many meters it is asked about, in the caller's transaction.
 */
@Component
public class MeterPlacement {
    private final JdbcClient jdbc;
    private final NetworkTopology network;

    MeterPlacement(JdbcClient jdbc, NetworkTopology network) {
        this.jdbc = jdbc;
        this.network = network;
    }

    /** A meter under a DT, and the feeder of that DT (null when the DT hangs under no feeder). */
    public record MeterOnDt(MeterId meter, NodeId dt, NodeId feeder) {}

    /** A meter and the node it hangs from directly: its consumer's DT, or the node it is installed at. */
    public record PlacedMeter(MeterId meter, MeterCategory category, NodeId node) {}

    /** Where a meter is installed: at a consumer or at a network node (never both), or neither yet. */
    private record Site(MeterId meter, MeterCategory category, ConsumerId consumer, NodeId node) {}

    /**
     * The DT (and its feeder) each of these meters hangs under; meters under no DT (a feeder meter, one not installed,
     * one whose consumer is on no DT) are left out. A decommissioned meter still says where it hung.
     */
    @Transactional(readOnly = true)
    public List<MeterOnDt> dtsOf(Collection<MeterId> meters) {
        if (meters.isEmpty()) return List.of();
        List<Site> sites = jdbc.sql("select id, category, consumer_id, network_node_id from meter where id = any(?)")
                .param(TypedId.uuids(meters)).query(MeterPlacement::site).list();
        Map<ConsumerId, NodeId> dtOfConsumer = dtOfConsumer(network.dtsOfConsumers(ids(sites, Site::consumer)));
        Set<NodeId> dtNodes = network.dtsAmong(ids(sites, Site::node));
        List<PlacedMeter> onDts = sites.stream().map(site -> new PlacedMeter(site.meter(), site.category(),
                        site.consumer() != null ? dtOfConsumer.get(site.consumer())
                                : site.node() != null && dtNodes.contains(site.node()) ? site.node() : null))
                .filter(meter -> meter.node() != null).toList();
        Map<NodeId, NodeId> feederOfDt = network.feedersOf(onDts.stream().map(PlacedMeter::node).collect(Collectors.toSet()))
                .stream().collect(Collectors.toMap(DtOnFeeder::dt, DtOnFeeder::feeder));
        return onDts.stream().map(meter -> new MeterOnDt(meter.meter(), meter.node(), feederOfDt.get(meter.node()))).toList();
    }

    /**
     * The meters not decommissioned at or below these nodes: the consumer meters of the consumers supplied from the DTs
     * there, and the meters installed on any node there (DT, feeder and boundary meters).
     */
    @Transactional(readOnly = true)
    public List<PlacedMeter> metersUnder(Collection<NodeId> nodes) {
        if (nodes.isEmpty()) return List.of();
        Map<ConsumerId, NodeId> dtOfConsumer = dtOfConsumer(network.consumersUnder(nodes));
        Set<NodeId> subtree = network.subtree(nodes);
        return jdbc.sql("""
                        select id, category, consumer_id, network_node_id from meter
                         where (consumer_id = any(?) or network_node_id = any(?)) and lifecycle_stage <> 'DECOMMISSIONED'""")
                .params(TypedId.uuids(dtOfConsumer.keySet()), TypedId.uuids(subtree))
                .query(MeterPlacement::site).list().stream()
                .map(site -> new PlacedMeter(site.meter(), site.category(),
                        site.consumer() != null ? dtOfConsumer.get(site.consumer()) : site.node()))
                .toList();
    }

    private static Map<ConsumerId, NodeId> dtOfConsumer(List<ConsumerOnDt> consumers) {
        return consumers.stream().collect(Collectors.toMap(ConsumerOnDt::consumer, ConsumerOnDt::dt));
    }

    private static <T> Set<T> ids(List<Site> sites, Function<Site, T> id) {
        return sites.stream().map(id).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    private static Site site(ResultSet rs, int row) throws SQLException {
        return new Site(new MeterId(rs.getObject(1, UUID.class)), MeterCategory.valueOf(rs.getString(2)),
                ConsumerId.of(rs.getObject(3, UUID.class)), NodeId.of(rs.getObject(4, UUID.class)));
    }
}
