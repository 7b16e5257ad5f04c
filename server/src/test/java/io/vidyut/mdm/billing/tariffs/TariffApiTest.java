package io.vidyut.mdm.billing.tariffs;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.ApiClient;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.TestTenant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The tariffs API over real HTTP and PostgreSQL: versions in force by date, validation, the preview, tenant isolation. */
class TariffApiTest extends IntegrationTest {
    TestTenant tenant;

    @BeforeEach
    void tenant() {
        tenant = newTenant();
    }

    /** docs/billing.md's example tariff: LT-1 domestic with ToD, three slabs, a fixed charge per kW and 16 % duty. */
    static Map<String, Object> tariff(String effectiveFrom, String firstSlabRate) {
        List<Map<String, Object>> slots = List.of(
                Map.of("zone", "NORMAL", "kind", "NORMAL", "from", "22:00", "to", "09:00", "multiplier", 1),
                Map.of("zone", "SOLAR", "kind", "SOLAR", "from", "09:00", "to", "17:00", "multiplier", 0.80),
                Map.of("zone", "NORMAL", "kind", "NORMAL", "from", "17:00", "to", "18:00", "multiplier", 1),
                Map.of("zone", "PEAK", "kind", "PEAK", "from", "18:00", "to", "22:00", "multiplier", 1.10));
        Map<String, Object> lt1 = new HashMap<>(Map.of("code", "LT-1", "description", "Domestic", "consumer_class", "DOMESTIC",
                "billing_unit", "KWH", "load_unit", "KW", "slabs", List.of(Map.of("up_to", 100, "rate", firstSlabRate),
                        Map.of("up_to", 300, "rate", 4.50), Map.of("rate", 6.50)), "tod_slots", slots,
                "fixed_charge", Map.of("basis", "PER_LOAD_UNIT", "rate", 50), "duty_percent", 16));
        return Map.of("name", "Tariff order from " + effectiveFrom, "effective_from", effectiveFrom, "categories", List.of(lt1));
    }

    static Map<String, Object> determinants() {
        return Map.of("days", 31, "energy", List.of(Map.of("zone", "NORMAL", "kwh", 180), Map.of("zone", "PEAK", "kwh", 90),
                Map.of("zone", "SOLAR", "kwh", 80)), "export_kwh", 20, "sanctioned_load", 3);
    }

    JsonNode created(Map<String, Object> body) {
        ApiClient.Response response = api.post("/api/v1/billing/tariffs", tenant.admin(), body);
        assertThat(response.status()).as(response.raw()).isEqualTo(201);
        return response.json();
    }

    @Test
    void a_created_version_is_listed_and_read_back_whole() {
        JsonNode version = created(tariff("2026-04-01", "3.00"));
        assertThat(version.get("version").asInt()).isEqualTo(1);
        assertThat(version.get("effective_from").asString()).isEqualTo("2026-04-01");
        assertThat(version.get("warnings").get(0).asString()).as("before the server's today").contains("in the past");

        String id = version.get("id").asString();
        JsonNode listed = api.get("/api/v1/billing/tariffs", tenant.analyst()).json();
        assertThat(listed).singleElement().satisfies(v -> {
            assertThat(v.get("id").asString()).isEqualTo(id);
            assertThat(v.get("categories").get(0).asString()).isEqualTo("LT-1");
        });
        JsonNode read = api.get("/api/v1/billing/tariffs/" + id, tenant.operator()).json();
        JsonNode lt1 = read.get("tariff").get("categories").get(0);
        assertThat(lt1.get("slabs").get(0).get("rate").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(lt1.get("tod_slots").get(3).get("from").asString()).isEqualTo("18:00");
        assertThat(read.get("created_by").asString()).isEqualTo(tenant.code() + ".admin");
        JsonNode audited = api.get("/api/v1/audit-trail?action=billing_tariff.", tenant.admin()).json().get("items");
        assertThat(audited).singleElement().satisfies(row -> {
            assertThat(row.get("action").asString()).isEqualTo("billing_tariff.created");
            assertThat(row.get("target_id").asString()).isEqualTo(id);
        });
    }

    @Test
    void the_version_in_force_on_a_day_is_the_latest_effective_on_or_before_it() {
        String first = created(tariff("2026-04-01", "3.00")).get("id").asString();
        String second = created(tariff("2027-04-01", "3.50")).get("id").asString();
        assertThat(api.get("/api/v1/billing/tariffs", tenant.analyst()).json().findValuesAsString("id")).containsExactly(second, first);
        assertThat(api.get("/api/v1/billing/tariffs?on=2026-03-31", tenant.analyst()).json()).isEmpty();
        assertThat(api.get("/api/v1/billing/tariffs?on=2027-03-31", tenant.analyst()).json().findValuesAsString("id"))
                .containsExactly(first);
        assertThat(api.get("/api/v1/billing/tariffs?on=2027-04-01", tenant.analyst()).json().findValuesAsString("id"))
                .containsExactly(second);

        // today (the server's clock, November 2026) the first is in force
        JsonNode today = preview(Map.of("category", "LT-1", "determinants", determinants()));
        assertThat(today.get("tariff").get("id").asString()).isEqualTo(first);
        assertThat(today.get("bill").get("total").decimalValue()).isEqualByComparingTo("1712.00");
        JsonNode later = preview(Map.of("on", "2027-05-01", "category", "LT-1", "determinants", determinants()));
        assertThat(later.get("tariff").get("version").asInt()).isEqualTo(2);
        // 103.333 units at ₹3.50 instead of ₹3.00: 361.67 instead of 310.00, with ToD and duty on top
        assertThat(later.get("bill").get("lines").get(0).get("amount").decimalValue()).isEqualByComparingTo("361.67");
        assertThat(preview(Map.of("tariff_id", first, "category", "LT-1", "determinants", determinants()))
                .get("bill").get("total").decimalValue()).isEqualByComparingTo("1712.00");
    }

    JsonNode preview(Map<String, Object> body) {
        ApiClient.Response response = api.post("/api/v1/billing/tariffs/preview", tenant.analyst(), body);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.json();
    }

    @Test
    void the_preview_lists_the_charges_by_component() {
        created(tariff("2026-04-01", "3.00"));
        JsonNode bill = preview(Map.of("category", "LT-1", "determinants", determinants())).get("bill");
        assertThat(bill.get("billed_units").decimalValue()).isEqualByComparingTo("330");
        assertThat(bill.get("lines").findValuesAsString("component"))
                .containsExactly("ENERGY", "ENERGY", "ENERGY", "TOD", "TOD", "FIXED", "DUTY", "ROUNDING");
        List<java.math.BigDecimal> amounts = new ArrayList<>();
        bill.get("lines").forEach(line -> amounts.add(line.get("amount").decimalValue()));
        assertThat(amounts).usingElementComparator(java.math.BigDecimal::compareTo)
                .containsExactly(TariffFixtures.d("310.00"), TariffFixtures.d("930.00"), TariffFixtures.d("130.00"),
                        TariffFixtures.d("-62.63"), TariffFixtures.d("35.23"), TariffFixtures.d("155.00"),
                        TariffFixtures.d("214.82"), TariffFixtures.d("-0.42"));
    }

    @Test
    void every_problem_of_a_tariff_is_a_field_error_and_nothing_is_stored() {
        Map<String, Object> bad = new HashMap<>(tariff("2026-04-01", "3.00"));
        Map<String, Object> category = new HashMap<>(((List<Map<String, Object>>) bad.get("categories")).get(0));
        category.put("consumer_class", "COMMERCIAL"); // peak 1.10 is below the 1.20 of the Rules 2023
        category.put("slabs", List.of(Map.of("up_to", 300, "rate", 3), Map.of("up_to", 100, "rate", 4), Map.of("rate", 5)));
        category.put("tod_slots", List.of(Map.of("zone", "PEAK", "kind", "PEAK", "from", "18:00", "to", "22:00", "multiplier", 1.10)));
        bad.put("categories", List.of(category));
        ApiClient.Response response = api.post("/api/v1/billing/tariffs", tenant.admin(), bad);
        assertThat(response.status()).as(response.raw()).isEqualTo(422);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("categories[0].slabs[1].up_to",
                "categories[0].tod_slots[0].multiplier", "categories[0].tod_slots");
        assertThat(response.json().get("errors").get(2).get("message").asString()).isEqualTo("all year: 22:00–18:00 is in no slot");
        assertThat(api.get("/api/v1/billing/tariffs", tenant.admin()).json()).isEmpty();

        ApiClient.Response wrongType = api.post("/api/v1/billing/tariffs", tenant.admin(), Map.of("name", "T",
                "effective_from", "2026-04-01", "rounding", "TO_THE_CRORE"));
        assertThat(wrongType.status()).as(wrongType.raw()).isEqualTo(422);
    }

    @Test
    void a_preview_with_determinants_that_do_not_fit_the_category_is_refused_with_field_errors() {
        created(tariff("2026-04-01", "3.00"));
        ApiClient.Response unknown = api.post("/api/v1/billing/tariffs/preview", tenant.analyst(),
                Map.of("category", "HT-9", "determinants", determinants()));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("errors").get(0).get("message").asString()).contains("one of LT-1");
        ApiClient.Response badZone = api.post("/api/v1/billing/tariffs/preview", tenant.analyst(), Map.of("category", "LT-1",
                "determinants", Map.of("days", 400, "energy", List.of(Map.of("zone", "NIGHT", "kwh", -1)))));
        assertThat(badZone.status()).isEqualTo(422);
        assertThat(badZone.json().get("errors").findValuesAsString("field")).containsExactly("determinants.days",
                "determinants.energy[0].zone", "determinants.energy[0].kwh", "determinants.sanctioned_load");
        ApiClient.Response before = api.post("/api/v1/billing/tariffs/preview", tenant.analyst(),
                Map.of("on", "2020-01-01", "category", "LT-1", "determinants", determinants()));
        assertThat(before.status()).isEqualTo(422);
        assertThat(before.json().get("errors").get(0).get("field").asString()).isEqualTo("on");
    }

    @Test
    void numbers_of_outlandish_size_or_precision_are_refused_before_anything_is_computed_with_them() {
        ApiClient.Response tinyRate = api.post("/api/v1/billing/tariffs", tenant.admin(), tariff("2026-04-01", "1e-999999999"));
        assertThat(tinyRate.status()).as(tinyRate.raw()).isEqualTo(422);
        assertThat(tinyRate.json().get("errors").findValuesAsString("field")).containsExactly("categories[0].slabs[0].rate");

        created(tariff("2026-04-01", "3.00"));
        ApiClient.Response huge = api.send("POST", "/api/v1/billing/tariffs/preview", tenant.analyst(), """
                {"category": "LT-1", "determinants": {"days": 30, "sanctioned_load": 3,
                 "energy": [{"zone": "NORMAL", "kwh": 1e999999999}, {"zone": "PEAK", "kwh": 0.0000001},
                            {"zone": "SOLAR", "kwh": 1e-999999999}]}}""", "application/json", Map.of());
        assertThat(huge.status()).as(huge.raw()).isEqualTo(422);
        assertThat(huge.json().get("errors").findValuesAsString("field")).containsExactly("determinants.energy[0].kwh",
                "determinants.energy[1].kwh", "determinants.energy[2].kwh");
    }

    @Test
    void only_tenant_administrators_create_and_readers_preview() {
        assertThat(api.post("/api/v1/billing/tariffs", tenant.operator(), tariff("2026-04-01", "3.00")).status()).isEqualTo(403);
        created(tariff("2026-04-01", "3.00"));
        assertThat(api.post("/api/v1/billing/tariffs/preview", tenant.fieldTech(),
                Map.of("category", "LT-1", "determinants", determinants())).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/billing/tariffs", tenant.consumer()).status()).isEqualTo(403);
    }

    @Test
    void another_tenant_can_neither_read_nor_use_the_tariff() {
        String id = created(tariff("2026-04-01", "3.00")).get("id").asString();
        TestTenant other = newTenant();
        assertThat(api.get("/api/v1/billing/tariffs", other.admin()).json()).isEmpty();
        assertThat(api.get("/api/v1/billing/tariffs/" + id, other.admin()).status()).isEqualTo(404);
        ApiClient.Response byId = api.post("/api/v1/billing/tariffs/preview", other.analyst(),
                Map.of("tariff_id", id, "category", "LT-1", "determinants", determinants()));
        assertThat(byId.status()).isEqualTo(404);
        ApiClient.Response inForce = api.post("/api/v1/billing/tariffs/preview", other.analyst(),
                Map.of("category", "LT-1", "determinants", determinants()));
        assertThat(inForce.status()).isEqualTo(422);
        assertThat(inForce.raw()).doesNotContain(id);
        // the other tenant's own first version is its version 1
        assertThat(api.post("/api/v1/billing/tariffs", other.admin(), tariff("2026-04-01", "2.00")).json().get("version").asInt())
                .isEqualTo(1);
    }
}
