package io.vidyut.mdm.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.network.NetworkTopology.ConsumerOnDt;
import io.vidyut.mdm.network.NetworkTopology.DtOnFeeder;
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
    UUID feeder, dt1, dt2, otherFeeder, otherDt;

    @BeforeEach
    void twoFeedersWithThreeDts() {
        tenant = newTenant();
        registry = new Registry(api, tenant.admin());
        JsonNode first = registry.branch("T");
        dt1 = id(first);
        feeder = UUID.fromString(first.get("parent_id").asString());
        var second = api.post("/api/v1/network/nodes", tenant.admin(), Map.of("level", "DT", "code", "T-DT2",
                "name", "Second DT", "parent_id", feeder.toString()));
        assertThat(second.status()).as(second.raw()).isEqualTo(201);
        dt2 = id(second.json());
        JsonNode other = registry.branch("U");
        otherDt = id(other);
        otherFeeder = UUID.fromString(other.get("parent_id").asString());
    }

    @Test
    void the_feeder_of_each_dt_and_the_dts_under_a_feeder() {
        assertThat(asTenant(() -> topology.feedersOf(List.of(dt1, dt2, otherDt, feeder)))).containsExactlyInAnyOrder(
                new DtOnFeeder(dt1, feeder), new DtOnFeeder(dt2, feeder), new DtOnFeeder(otherDt, otherFeeder));
        assertThat(asTenant(() -> topology.dtsUnder(feeder))).containsExactlyInAnyOrder(dt1, dt2);
        assertThat(asTenant(() -> topology.dtsAmong(List.of(dt1, feeder, otherDt)))).containsExactlyInAnyOrder(dt1, otherDt);
    }

    @Test
    void the_dt_of_each_consumer_and_the_consumers_under_dts() {
        UUID first = id(registry.consumer("C-1", dt1.toString()));
        UUID second = id(registry.consumer("C-2", dt2.toString()));
        UUID nowhere = id(registry.consumer("C-3", null));
        assertThat(asTenant(() -> topology.dtsOfConsumers(List.of(first, second, nowhere))))
                .as("a consumer on no DT is left out")
                .containsExactlyInAnyOrder(new ConsumerOnDt(first, dt1), new ConsumerOnDt(second, dt2));
        assertThat(asTenant(() -> topology.consumersUnder(List.of(dt1)))).containsExactly(new ConsumerOnDt(first, dt1));
        assertThat(asTenant(() -> topology.consumersUnder(List.of(dt1, dt2, otherDt))))
                .containsExactlyInAnyOrder(new ConsumerOnDt(first, dt1), new ConsumerOnDt(second, dt2));
    }

    @Test
    void another_tenant_learns_nothing_of_this_network() {
        registry.consumer("C-1", dt1.toString());
        TenantScope other = TenantScope.of(newTenant().id(), "other");
        assertThat(TenantContext.callAs(other, () -> topology.feedersOf(List.of(dt1, dt2)))).isEmpty();
        assertThat(TenantContext.callAs(other, () -> topology.dtsUnder(feeder))).isEmpty();
        assertThat(TenantContext.callAs(other, () -> topology.dtsAmong(List.of(dt1)))).isEmpty();
        assertThat(TenantContext.callAs(other, () -> topology.consumersUnder(List.of(dt1)))).isEmpty();
    }

    private <T> T asTenant(Supplier<T> read) {
        return TenantContext.callAs(TenantScope.of(tenant.id(), tenant.code()), read);
    }

    private static UUID id(JsonNode node) {
        return UUID.fromString(node.get("id").asString());
    }
}
