package io.vidyut.mdm.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.Registry;
import io.vidyut.mdm.testing.TestTenant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Consumer accounts: account number unique per tenant, fed by a DT, filterable, importable. */
class ConsumerApiTest extends IntegrationTest {
    TestTenant tenant;
    Registry registry;
    String dtId;

    @BeforeEach
    void tenantWithADt() {
        tenant = newTenant();
        registry = new Registry(api, tenant.admin());
        dtId = registry.branch("N").get("id").asString();
    }

    @Test
    void a_consumer_is_created_updated_and_found_by_filters() {
        JsonNode created = registry.consumer("ACC-100", dtId);
        String id = created.get("id").asString();
        var updated = api.put("/api/v1/consumers/" + id, tenant.operator(), Map.of("supply_mode", "PREPAID",
                "net_metered", true, "latitude", 28.45, "longitude", 77.02));
        assertThat(updated.status()).as(updated.raw()).isEqualTo(200);
        assertThat(updated.json().get("account_no").asString()).isEqualTo("ACC-100");

        var prepaid = api.get("/api/v1/consumers?supply_mode=PREPAID&dt_id=" + dtId, tenant.analyst()).json();
        assertThat(prepaid.get("total").asLong()).isEqualTo(1);
        var byName = api.get("/api/v1/consumers?q=acc-1", tenant.analyst()).json();
        assertThat(byName.get("items").get(0).get("net_metered").asBoolean()).isTrue();
    }

    @Test
    void bad_fields_are_reported_one_by_one() {
        var response = api.post("/api/v1/consumers", tenant.admin(), Map.of("account_no", "A1", "name", "x",
                "tariff_category", "LT-1", "sanctioned_load_kw", -1, "supply_mode", "PREPAID", "latitude", 123));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("errors").findValuesAsString("field"))
                .containsExactlyInAnyOrder("sanctioned_load_kw", "latitude");
    }

    @Test
    void a_consumer_is_fed_by_a_dt_not_by_a_feeder() {
        String feederId = api.get("/api/v1/network/nodes?level=FEEDER", tenant.admin()).json()
                .get("items").get(0).get("node").get("id").asString();
        var response = api.post("/api/v1/consumers", tenant.admin(), Map.of("account_no", "A2", "name", "x",
                "tariff_category", "LT-1", "sanctioned_load_kw", 2, "supply_mode", "POSTPAID", "dt_id", feederId));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("dt_id");
    }

    @Test
    void malformed_json_gets_a_problem_not_a_stack_trace() {
        var response = api.send("POST", "/api/v1/consumers", tenant.admin(), "{\"account_no\": ", "application/json", Map.of());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.isProblem()).isTrue();
    }

    @Test
    void partial_import_accepts_good_rows_and_reports_bad_ones() {
        String csv = """
                account_no,name,address,latitude,longitude,tariff_category,sanctioned_load_kw,supply_mode,net_metered,dt_code
                IMP-1,Asha Devi,"House 1, Sector 14",28.45,77.03,LT-1 Domestic,2,PREPAID,no,N-DT
                IMP-2,Ravi Kumar,,,,LT-1 Domestic,0,POSTPAID,no,N-DT
                IMP-3,Sharma Sweets,,,,LT-2 Non-Domestic,8,SOMETIMES,no,N-DT
                IMP-1,Duplicate,,,,LT-1 Domestic,2,PREPAID,no,N-DT
                IMP-4,Gita,,,,LT-1 Domestic,3,POSTPAID,yes,
                """;
        var response = api.postCsv("/api/v1/consumers/import?mode=PARTIAL", tenant.admin(), csv);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        JsonNode report = response.json();
        assertThat(report.get("accepted").asLong()).isEqualTo(2);
        assertThat(report.get("rejected").asLong()).isEqualTo(3);
        assertThat(report.get("errors").findValuesAsString("line")).containsExactly("3", "4", "5");
        assertThat(report.get("errors").get(1).get("field").asString()).isEqualTo("supply_mode");
        assertThat(report.get("errors").get(2).get("message").asString()).contains("exists");
        assertThat(api.get("/api/v1/consumers", tenant.admin()).json().get("total").asLong()).isEqualTo(2);
    }
}
