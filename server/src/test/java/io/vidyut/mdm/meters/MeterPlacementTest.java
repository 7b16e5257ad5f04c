package io.vidyut.mdm.meters;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.common.ids.MeterId;
import io.vidyut.mdm.common.ids.NodeId;
import io.vidyut.mdm.meters.MeterPlacement.MeterOnDt;
import io.vidyut.mdm.meters.MeterPlacement.PlacedMeter;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.Registry;
import io.vidyut.mdm.testing.TestTenant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The published placement read API: a consumer meter hangs under its consumer's DT, a DT meter under its DT; a feeder
 * meter, one whose consumer is on no DT and one not installed hang under none. A decommissioned meter still tells
 * where it hung (its last events may arrive late), but is no longer among the meters under its DT.
 */
class MeterPlacementTest extends IntegrationTest {
    @Autowired MeterPlacement placement;

    TestTenant tenant;
    Registry registry;
    NodeId dt1, dt2, feeder;
    MeterId onDt1, onDt2, dtMeter, feederMeter, noDt, notInstalled, decommissioned;

    @BeforeEach
    void metersOfEveryKindUnderTwoDts() {
        tenant = newTenant();
        registry = new Registry(api, tenant.admin());
        JsonNode dt = registry.branch("P");
        dt1 = node(dt);
        feeder = new NodeId(UUID.fromString(dt.get("parent_id").asString()));
        dt2 = node(created("/api/v1/network/nodes", Map.of("level", "DT", "code", "P-DT2", "name", "Second DT",
                "parent_id", feeder.toString())));
        String consumer1 = registry.consumer("A-1", dt1.toString()).get("id").asString();
        onDt1 = meterId(registry.meter("M-1", null, consumer1));
        onDt2 = meterId(registry.meter("M-2", null, registry.consumer("A-2", dt2.toString()).get("id").asString()));
        noDt = meterId(registry.meter("M-3", null, registry.consumer("A-3", null).get("id").asString()));
        notInstalled = meterId(registry.meter("M-4", null, null));
        dtMeter = meterId(meter("DT-2", "DT", Map.of("network_node_id", dt2.toString())));
        feederMeter = meterId(meter("FDR-1", "FEEDER", Map.of("network_node_id", feeder.toString())));
        decommissioned = meterId(meter("M-OLD", "CONSUMER", Map.of("consumer_id", consumer1, "lifecycle_stage", "DECOMMISSIONED")));
    }

    @Test
    void the_dt_each_meter_hangs_under() {
        assertThat(asTenant(() -> placement.dtsOf(List.of(onDt1, onDt2, dtMeter, feederMeter, noDt, notInstalled, decommissioned))))
                .containsExactlyInAnyOrder(new MeterOnDt(onDt1, dt1, feeder), new MeterOnDt(onDt2, dt2, feeder),
                        new MeterOnDt(dtMeter, dt2, feeder), new MeterOnDt(decommissioned, dt1, feeder));
    }

    @Test
    void the_meters_in_use_under_dts() {
        assertThat(asTenant(() -> placement.metersUnder(List.of(dt1, dt2)))).containsExactlyInAnyOrder(
                new PlacedMeter(onDt1, MeterCategory.CONSUMER, dt1), new PlacedMeter(onDt2, MeterCategory.CONSUMER, dt2),
                new PlacedMeter(dtMeter, MeterCategory.DT, dt2));
        assertThat(asTenant(() -> placement.metersUnder(List.of(dt1))))
                .containsExactly(new PlacedMeter(onDt1, MeterCategory.CONSUMER, dt1));
    }

    @Test
    void the_meters_in_use_under_a_feeder_include_the_feeder_meter_at_the_feeder() {
        assertThat(asTenant(() -> placement.metersUnder(List.of(feeder)))).containsExactlyInAnyOrder(
                new PlacedMeter(onDt1, MeterCategory.CONSUMER, dt1), new PlacedMeter(onDt2, MeterCategory.CONSUMER, dt2),
                new PlacedMeter(dtMeter, MeterCategory.DT, dt2), new PlacedMeter(feederMeter, MeterCategory.FEEDER, feeder));
    }

    @Test
    void another_tenant_learns_nothing_of_these_meters() {
        TenantScope other = TenantScope.of(newTenant().id(), "other");
        assertThat(TenantContext.callAs(other, () -> placement.dtsOf(List.of(onDt1, dtMeter)))).isEmpty();
        assertThat(TenantContext.callAs(other, () -> placement.metersUnder(List.of(dt1, dt2)))).isEmpty();
    }

    private JsonNode meter(String serial, String category, Map<String, Object> where) {
        Map<String, Object> body = new HashMap<>(Map.of("serial", serial, "make", "HPL", "phase", "3P",
                "category", category, "lifecycle_stage", "IN_SERVICE"));
        body.putAll(where);
        return created("/api/v1/meters", body);
    }

    private JsonNode created(String path, Map<String, Object> body) {
        var response = api.post(path, tenant.admin(), body);
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.json();
    }

    private <T> T asTenant(Supplier<T> read) {
        return TenantContext.callAs(TenantScope.of(tenant.id(), tenant.code()), read);
    }

    private static MeterId meterId(JsonNode node) {
        return new MeterId(UUID.fromString(node.get("id").asString()));
    }

    private static NodeId node(JsonNode node) {
        return new NodeId(UUID.fromString(node.get("id").asString()));
    }
}
