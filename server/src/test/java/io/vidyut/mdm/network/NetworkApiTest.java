package io.vidyut.mdm.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.Registry;
import io.vidyut.mdm.testing.TestTenant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The network hierarchy: each level below the one above it, codes unique per tenant, bulk CSV import. */
class NetworkApiTest extends IntegrationTest {
    TestTenant tenant;

    @BeforeEach
    void tenant() {
        tenant = newTenant();
    }

    @Test
    void a_branch_from_circle_to_dt_reports_its_path_and_children() {
        JsonNode dt = new Registry(api, tenant.admin()).branch("GGN");
        var path = api.get("/api/v1/network/nodes/" + dt.get("id").asString() + "/path", tenant.operator()).json();
        assertThat(path).hasSize(6);
        assertThat(path.get(0).get("level").asString()).isEqualTo("CIRCLE");
        assertThat(path.get(5).get("code").asString()).isEqualTo("GGN-DT");

        var feeders = api.get("/api/v1/network/nodes?level=FEEDER", tenant.analyst()).json();
        assertThat(feeders.get("total").asLong()).isEqualTo(1);
        assertThat(feeders.get("items").get(0).get("children").asLong()).isEqualTo(1);
    }

    @Test
    void a_node_must_hang_below_the_level_just_above_it() {
        JsonNode dt = new Registry(api, tenant.admin()).branch("X");
        var response = api.post("/api/v1/network/nodes", tenant.admin(), Map.of("level", "FEEDER", "code", "F-BAD",
                "name", "Feeder under a DT", "parent_id", dt.get("id").asString()));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("parent_id");

        var orphan = api.post("/api/v1/network/nodes", tenant.admin(), Map.of("level", "DT", "code", "DT-ORPHAN", "name", "x"));
        assertThat(orphan.status()).isEqualTo(422);
    }

    @Test
    void codes_are_unique_within_a_tenant_but_not_across_tenants() {
        Map<String, Object> circle = Map.of("level", "CIRCLE", "code", "CIR-1", "name", "Circle");
        assertThat(api.post("/api/v1/network/nodes", tenant.admin(), circle).status()).isEqualTo(201);
        var duplicate = api.post("/api/v1/network/nodes", tenant.admin(), circle);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.isProblem()).isTrue();
        assertThat(api.post("/api/v1/network/nodes", newTenant().admin(), circle).status()).isEqualTo(201);
    }

    @Test
    void all_or_nothing_import_rejects_the_whole_file_and_lists_each_bad_row() {
        String csv = """
                level,code,name,parent_code,capacity_kva,voltage_kv
                CIRCLE,C1,Circle one,,,
                DIVISION,D1,Division one,C1,,
                FEEDER,F1,Feeder under a division,D1,,11
                DT,T1,Transformer,NOWHERE,lots,
                """;
        var response = api.postCsv("/api/v1/network/nodes/import", tenant.admin(), csv);
        assertThat(response.status()).isEqualTo(422);
        JsonNode report = response.json().get("report");
        assertThat(report.get("rows").asLong()).isEqualTo(4);
        assertThat(report.get("rejected").asLong()).isEqualTo(2);
        assertThat(report.get("committed").asBoolean()).isFalse();
        assertThat(report.get("errors").findValuesAsString("line")).containsExactly("4", "5");
        assertThat(api.get("/api/v1/network/nodes", tenant.admin()).json().get("total").asLong()).isZero();
    }

    @Test
    void partial_import_keeps_the_good_rows() {
        String csv = """
                level,code,name,parent_code
                CIRCLE,C1,Circle one,
                DIVISION,D1,Division one,C1
                SUBDIVISION,S1,Sub-division,NOWHERE
                """;
        var response = api.postCsv("/api/v1/network/nodes/import?mode=PARTIAL", tenant.admin(), csv);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("accepted").asLong()).isEqualTo(2);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("parent_code");
        assertThat(api.get("/api/v1/network/nodes", tenant.admin()).json().get("total").asLong()).isEqualTo(2);
    }

    @Test
    void an_import_without_the_required_columns_is_refused_before_reading_rows() {
        var response = api.postCsv("/api/v1/network/nodes/import", tenant.admin(), "code,name\nC1,x\n");
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("message").asString()).contains("level");
    }
}
