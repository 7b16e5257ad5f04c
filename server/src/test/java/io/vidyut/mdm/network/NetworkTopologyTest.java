package io.vidyut.mdm.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.common.ids.ConsumerId;
import io.vidyut.mdm.common.ids.NodeId;
import io.vidyut.mdm.network.NetworkTopology.ConsumerOnDt;
import io.vidyut.mdm.network.NetworkTopology.DtOnFeeder;
import io.vidyut.mdm.network.NetworkTopology.NodeLabel;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.Registry;
import io.vidyut.mdm.testing.TestTenant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The published topology read API: what hangs under what, in bulk, only the tenant's own. */
class NetworkTopologyTest extends IntegrationTest {
    @Autowired NetworkTopology topology;

    TestTenant tenant;
    Registry registry;
    NodeId feeder, substation, circle, dt1, dt2, otherFeeder, otherDt;

    @BeforeEach
    void twoFeedersWithThreeDts() {
        tenant = newTenant();
        registry = new Registry(api, tenant.admin());
        JsonNode first = registry.branch("T");
        dt1 = id(first);
        feeder = parent(first);
        dt2 = id(node("DT", "T-DT2", feeder));
        JsonNode other = registry.branch("U");
        otherDt = id(other);
        otherFeeder = parent(other);
        substation = asTenant(() -> topology.pathsToCircle(List.of(feeder))).get(feeder).get(1).id();
        circle = asTenant(() -> topology.pathsToCircle(List.of(feeder))).get(feeder).get(4).id();
    }

    @Test
    void the_feeder_of_each_dt_and_the_dts_under_any_node() {
        assertThat(asTenant(() -> topology.feedersOf(List.of(dt1, dt2, otherDt, feeder)))).as("a feeder is no DT")
                .containsExactlyInAnyOrder(new DtOnFeeder(dt1, feeder), new DtOnFeeder(dt2, feeder),
                        new DtOnFeeder(otherDt, otherFeeder));
        assertThat(asTenant(() -> topology.dtsUnder(List.of(feeder)))).containsExactlyInAnyOrder(dt1, dt2);
        assertThat(asTenant(() -> topology.dtsUnder(List.of(circle)))).containsExactlyInAnyOrder(dt1, dt2);
        assertThat(asTenant(() -> topology.dtsUnder(List.of(dt1, otherFeeder)))).containsExactlyInAnyOrder(dt1, otherDt);
        assertThat(asTenant(() -> topology.dtsAmong(List.of(dt1, feeder, otherDt)))).containsExactlyInAnyOrder(dt1, otherDt);
        assertThat(asTenant(() -> topology.subtree(List.of(substation)))).containsExactlyInAnyOrder(substation, feeder, dt1, dt2);
    }

    @Test
    void the_dt_of_each_consumer_and_the_consumers_under_any_node() {
        ConsumerId first = consumer("C-1", dt1);
        ConsumerId second = consumer("C-2", dt2);
        ConsumerId nowhere = consumer("C-3", null);
        ConsumerId elsewhere = consumer("C-4", otherDt);
        assertThat(asTenant(() -> topology.dtsOfConsumers(List.of(first, second, nowhere))))
                .as("a consumer on no DT is left out")
                .containsExactlyInAnyOrder(new ConsumerOnDt(first, dt1), new ConsumerOnDt(second, dt2));
        assertThat(asTenant(() -> topology.consumersUnder(List.of(dt1)))).containsExactly(new ConsumerOnDt(first, dt1));
        assertThat(asTenant(() -> topology.consumersUnder(List.of(dt1, dt2, otherDt)))).containsExactlyInAnyOrder(
                new ConsumerOnDt(first, dt1), new ConsumerOnDt(second, dt2), new ConsumerOnDt(elsewhere, otherDt));
        assertThat(asTenant(() -> topology.consumersUnder(List.of(circle))))
                .containsExactlyInAnyOrder(new ConsumerOnDt(first, dt1), new ConsumerOnDt(second, dt2));
    }

    @Test
    void the_path_of_each_node_up_to_its_circle() {
        Map<NodeId, List<NodeLabel>> paths = asTenant(() -> topology.pathsToCircle(List.of(dt2, circle)));
        assertThat(paths.get(dt2)).extracting(NodeLabel::code)
                .containsExactly("T-DT2", "T-FEEDER", "T-SUBSTATION", "T-SUBDIVISION", "T-DIVISION", "T-CIRCLE");
        assertThat(paths.get(dt2)).extracting(NodeLabel::level).containsExactly(NetworkLevel.DT, NetworkLevel.FEEDER,
                NetworkLevel.SUBSTATION, NetworkLevel.SUBDIVISION, NetworkLevel.DIVISION, NetworkLevel.CIRCLE);
        assertThat(paths.get(circle)).extracting(NodeLabel::id).containsExactly(circle);
        assertThat(asTenant(() -> topology.labels(List.of(dt1, feeder)))).containsExactlyInAnyOrder(
                new NodeLabel(dt1, NetworkLevel.DT, "T-DT", "T DT"), new NodeLabel(feeder, NetworkLevel.FEEDER, "T-FEEDER", "T FEEDER"));
    }

    @Test
    void the_nodes_of_each_level_and_the_consumers_under_a_node() {
        consumer("C-1", dt1);
        consumer("C-2", dt2);
        consumer("C-3", dt2);
        consumer("C-4", otherDt);
        var counts = asTenant(() -> topology.countsUnder(circle));
        assertThat(counts.nodes()).containsExactlyInAnyOrderEntriesOf(Map.of(NetworkLevel.CIRCLE, 1L,
                NetworkLevel.DIVISION, 1L, NetworkLevel.SUBDIVISION, 1L, NetworkLevel.SUBSTATION, 1L,
                NetworkLevel.FEEDER, 1L, NetworkLevel.DT, 2L));
        assertThat(counts.consumers()).isEqualTo(3);
        assertThat(asTenant(() -> topology.countsUnder(dt2)).consumers()).isEqualTo(2);
    }

    @Test
    void another_tenant_learns_nothing_of_this_network() {
        consumer("C-1", dt1);
        TenantScope other = TenantScope.of(newTenant().id(), "other");
        assertThat(TenantContext.callAs(other, () -> topology.feedersOf(List.of(dt1, dt2)))).isEmpty();
        assertThat(TenantContext.callAs(other, () -> topology.dtsUnder(List.of(feeder)))).isEmpty();
        assertThat(TenantContext.callAs(other, () -> topology.dtsAmong(List.of(dt1)))).isEmpty();
        assertThat(TenantContext.callAs(other, () -> topology.consumersUnder(List.of(dt1)))).isEmpty();
        assertThat(TenantContext.callAs(other, () -> topology.pathsToCircle(List.of(dt1)))).isEmpty();
        assertThat(TenantContext.callAs(other, () -> topology.labels(List.of(dt1)))).isEmpty();
        assertThat(TenantContext.callAs(other, () -> topology.countsUnder(circle)).nodes()).isEmpty();
    }

    private JsonNode node(String level, String code, NodeId parent) {
        var created = api.post("/api/v1/network/nodes", tenant.admin(), Map.of("level", level, "code", code,
                "name", "Second DT", "parent_id", parent.toString()));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return created.json();
    }

    private ConsumerId consumer(String accountNo, NodeId dt) {
        return new ConsumerId(UUID.fromString(registry.consumer(accountNo, dt == null ? null : dt.toString()).get("id").asString()));
    }

    private <T> T asTenant(Supplier<T> read) {
        return TenantContext.callAs(TenantScope.of(tenant.id(), tenant.code()), read);
    }

    private static NodeId id(JsonNode node) {
        return new NodeId(UUID.fromString(node.get("id").asString()));
    }

    private static NodeId parent(JsonNode node) {
        return new NodeId(UUID.fromString(node.get("parent_id").asString()));
    }
}
