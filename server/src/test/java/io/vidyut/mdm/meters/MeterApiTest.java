package io.vidyut.mdm.meters;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.Registry;
import io.vidyut.mdm.testing.TestTenant;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** The meter registry: serials unique per tenant, installed where their category allows, looked up by serial. */
class MeterApiTest extends IntegrationTest {
    @Autowired
    MeterDirectory directory;

    TestTenant tenant;
    Registry registry;
    String vendorId;
    JsonNode dt;

    @BeforeEach
    void tenantWithVendorAndNetwork() {
        tenant = newTenant();
        registry = new Registry(api, tenant.admin());
        vendorId = registry.vendor("HPL").get("vendor").get("id").asString();
        dt = registry.branch("N");
    }

    @Test
    void a_consumer_meter_is_registered_and_listed_under_its_dt() {
        String consumerId = registry.consumer("ACC-1", dt.get("id").asString()).get("id").asString();
        JsonNode meter = registry.meter("HPL0001", vendorId, consumerId);
        assertThat(meter.get("lifecycle_stage").asString()).isEqualTo("IN_SERVICE");
        assertThat(meter.get("phase").asString()).isEqualTo("1P");

        var underDt = api.get("/api/v1/meters?dt_id=" + dt.get("id").asString(), tenant.fieldTech()).json();
        assertThat(underDt.get("items").findValuesAsString("serial")).containsExactly("HPL0001");
        assertThat(api.get("/api/v1/meters/by-serial/HPL0001", tenant.operator()).json().get("id").asString())
                .isEqualTo(meter.get("id").asString());
    }

    @Test
    void a_dt_meter_carries_its_ct_multiplier_and_belongs_to_a_dt() {
        var meter = api.post("/api/v1/meters", tenant.admin(), Map.of("serial", "DTM-1", "make", "HPL", "phase", "3P",
                "category", "DT", "ct_ratio", 40, "network_node_id", dt.get("id").asString(), "hes_vendor_id", vendorId));
        assertThat(meter.status()).as(meter.raw()).isEqualTo(201);
        assertThat(meter.json().get("multiplier").decimalValue()).isEqualByComparingTo("40");

        String feederId = api.get("/api/v1/network/nodes?level=FEEDER", tenant.admin()).json()
                .get("items").get(0).get("node").get("id").asString();
        var wrongPlace = api.post("/api/v1/meters", tenant.admin(), Map.of("serial", "DTM-2", "make", "HPL",
                "phase", "3P", "category", "DT", "network_node_id", feederId));
        assertThat(wrongPlace.status()).isEqualTo(422);
        assertThat(wrongPlace.json().get("errors").get(0).get("field").asString()).isEqualTo("network_node_id");
    }

    @Test
    void a_serial_is_unique_within_a_tenant_but_may_repeat_in_another() {
        registry.meter("SAME-1", vendorId, null);
        assertThat(api.post("/api/v1/meters", tenant.admin(), Map.of("serial", "SAME-1", "make", "HPL", "phase", "1P",
                "category", "CONSUMER")).status()).isEqualTo(409);
        TestTenant other = newTenant();
        new Registry(api, other.admin()).meter("SAME-1", null, null);
    }

    @Test
    void only_meters_in_inventory_may_be_deleted() {
        String inService = registry.meter("M-IN-SERVICE", vendorId, null).get("id").asString();
        assertThat(api.delete("/api/v1/meters/" + inService, tenant.admin()).status()).isEqualTo(409);
        var spare = api.post("/api/v1/meters", tenant.admin(), Map.of("serial", "M-SPARE", "make", "HPL", "phase", "1P",
                "category", "CONSUMER")).json();
        assertThat(spare.get("lifecycle_stage").asString()).isEqualTo("IN_INVENTORY");
        assertThat(api.delete("/api/v1/meters/" + spare.get("id").asString(), tenant.admin()).status()).isEqualTo(204);
    }

    @Test
    void the_directory_finds_a_meter_by_serial_and_sees_changes() {
        String id = registry.meter("DIR-1", vendorId, null).get("id").asString();
        TenantScope scope = TenantScope.of(tenant.id(), tenant.code());
        MeterRef ref = TenantContext.callAs(scope, () -> directory.findBySerial("DIR-1")).orElseThrow();
        assertThat(ref.id().toString()).isEqualTo(id);
        assertThat(ref.multiplier()).isEqualByComparingTo(BigDecimal.ONE);

        api.put("/api/v1/meters/" + id, tenant.admin(), Map.of("ct_ratio", 2, "pt_ratio", 3));
        assertThat(TenantContext.callAs(scope, () -> directory.findBySerial("DIR-1")).orElseThrow().multiplier())
                .isEqualByComparingTo("6");
        assertThat(TenantContext.callAs(TenantScope.of(newTenant().id(), "x"), () -> directory.findBySerial("DIR-1")))
                .isEmpty();
    }

    @Test
    void partial_import_resolves_vendors_consumers_and_nodes_by_business_key() {
        registry.consumer("ACC-7", dt.get("id").asString());
        String csv = """
                serial,make,model,phase,category,ct_ratio,pt_ratio,hes_vendor_code,account_no,node_code,lifecycle_stage
                IMP-1,HPL,SM-1P,1P,CONSUMER,,,HPL,ACC-7,,IN_SERVICE
                IMP-2,HPL,SM-3P,3P,DT,40,1,HPL,,N-DT,IN_SERVICE
                IMP-3,HPL,SM-1P,2P,CONSUMER,,,HPL,,,
                IMP-4,HPL,SM-1P,1P,CONSUMER,,,NOSUCHVENDOR,,,
                IMP-5,HPL,SM-1P,1P,CONSUMER,,,,,,
                """;
        var response = api.postCsv("/api/v1/meters/import?mode=PARTIAL", tenant.admin(), csv);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        assertThat(response.json().get("accepted").asLong()).isEqualTo(3);
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("phase", "hes_vendor_code");
        assertThat(api.get("/api/v1/meters?serial=IMP-", tenant.admin()).json().get("total").asLong()).isEqualTo(3);
    }
}
