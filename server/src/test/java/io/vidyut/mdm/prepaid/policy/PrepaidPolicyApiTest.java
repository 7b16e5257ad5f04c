package io.vidyut.mdm.prepaid.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.ApiClient;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.TestTenant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The prepaid policy and holidays API over real HTTP and PostgreSQL: defaults, bounds, roles, tenant isolation, windows. */
class PrepaidPolicyApiTest extends IntegrationTest {
    TestTenant tenant;

    @BeforeEach
    void tenant() {
        tenant = newTenant();
    }

    /** The third state of the brief: recharges in multiples of ₹100, an alert at 75 % used, arrears taken whole. */
    static Map<String, Object> thirdState() {
        Map<String, Object> policy = new HashMap<>();
        policy.put("protected_from", "18:00");
        policy.put("protected_until", "10:00");
        policy.put("protected_weekdays", List.of("SUNDAY", "SATURDAY"));
        policy.put("second_saturday_protected", false);
        policy.put("holidays_protected", true);
        policy.put("grace_days_after_conversion", 0);
        policy.put("emergency_credit_days", 1);
        policy.put("emergency_credit_limit", 200);
        policy.put("minimum_notice_minutes", 720);
        policy.put("stale_data_hours", 24);
        policy.put("daily_cap_per_dt", 20);
        policy.put("spread_per_feeder", 3);
        policy.put("spread_minutes", 15);
        policy.put("reconnect_within_minutes", 5);
        policy.put("reconnect_above_balance", 0);
        policy.put("recharge_minimum", 100);
        policy.put("recharge_multiple", 100);
        policy.put("recharge_maximum", 50000);
        policy.put("alert_percents_of_last_recharge", List.of());
        policy.put("alert_percent_used", 75);
        policy.put("arrears_recovery_percent", 100);
        return policy;
    }

    JsonNode policy(String token) {
        ApiClient.Response response = api.get("/api/v1/prepaid/policy", token);
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.json();
    }

    static void assertDefaults(JsonNode policy) {
        assertThat(policy.get("protected_from").asString()).isEqualTo("18:00");
        assertThat(policy.get("protected_until").asString()).isEqualTo("08:00");
        assertThat(policy.get("protected_weekdays").get(0).asString()).isEqualTo("SUNDAY");
        assertThat(policy.get("second_saturday_protected").asBoolean()).isTrue();
        assertThat(policy.get("grace_days_after_conversion").asInt()).isEqualTo(30);
        assertThat(policy.get("emergency_credit_days").asInt()).isEqualTo(3);
        assertThat(policy.has("emergency_credit_limit")).as("no limit").isFalse();
        assertThat(policy.get("minimum_notice_minutes").asInt()).isEqualTo(1440);
        assertThat(policy.get("daily_cap_per_dt").asInt()).isEqualTo(50);
        assertThat(policy.get("recharge_maximum").decimalValue()).isEqualByComparingTo("100000");
        assertThat(policy.get("alert_percents_of_last_recharge").toString()).isEqualTo("[30,10,0]");
        assertThat(policy.get("arrears_recovery_percent").asInt()).isEqualTo(25);
    }

    @Test
    void a_tenant_reads_the_defaults_until_its_administrator_saves_a_policy_which_is_audited() {
        assertDefaults(policy(tenant.analyst()));

        ApiClient.Response saved = api.put("/api/v1/prepaid/policy", tenant.admin(), thirdState());
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        JsonNode body = saved.json();
        assertThat(body.get("protected_until").asString()).isEqualTo("10:00");
        assertThat(body.get("protected_weekdays").toString()).as("in week order").isEqualTo("[\"SATURDAY\",\"SUNDAY\"]");
        assertThat(body.get("recharge_multiple").decimalValue()).isEqualByComparingTo("100");
        assertThat(saved.raw()).as("rupees to the paisa").contains("\"recharge_multiple\":100.00");
        assertThat(body.get("alert_percent_used").asInt()).isEqualTo(75);
        assertThat(body.get("emergency_credit_limit").decimalValue()).isEqualByComparingTo("200");
        assertThat(body.has("alert_days_left")).isFalse();
        assertThat(policy(tenant.operator())).isEqualTo(body);

        JsonNode audited = api.get("/api/v1/audit-trail?action=prepaid_policy.", tenant.admin()).json().get("items");
        assertThat(audited).singleElement().satisfies(row -> assertThat(row.get("action").asString()).isEqualTo("prepaid_policy.saved"));

        // no protected hours at all: both left out
        Map<String, Object> none = new HashMap<>(thirdState());
        none.remove("protected_from");
        none.remove("protected_until");
        JsonNode withoutHours = api.put("/api/v1/prepaid/policy", tenant.admin(), none).json();
        assertThat(withoutHours.has("protected_from")).isFalse();
        assertThat(withoutHours.get("alert_percent_used").asInt()).isEqualTo(75);
    }

    @Test
    void every_field_out_of_bounds_is_named_and_nothing_is_stored() {
        TestTenant other = newTenant();
        ApiClient.Response response = api.send("PUT", "/api/v1/prepaid/policy", tenant.admin(), """
                {"protected_from": "18:00", "protected_until": "18:00", "protected_weekdays": ["SUNDAY"],
                 "second_saturday_protected": true, "holidays_protected": true,
                 "grace_days_after_conversion": -1, "emergency_credit_days": 31, "emergency_credit_limit": 1e999999999,
                 "minimum_notice_minutes": 1440, "stale_data_hours": 0, "spread_per_feeder": 5,
                 "spread_minutes": 10, "reconnect_within_minutes": 2, "reconnect_above_balance": 0.001,
                 "recharge_minimum": 1e-999999999, "recharge_multiple": -1, "recharge_maximum": 100000,
                 "alert_percents_of_last_recharge": [30, 30], "alert_below_balance": -5, "alert_days_left": 0,
                 "arrears_recovery_percent": 25}""", "application/json", Map.of());
        assertThat(response.status()).as(response.raw()).isEqualTo(422);
        assertThat(response.isProblem()).isTrue();
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("daily_cap_per_dt",
                "protected_until", "grace_days_after_conversion", "emergency_credit_days", "emergency_credit_limit",
                "stale_data_hours", "reconnect_above_balance", "recharge_minimum", "recharge_multiple",
                "alert_percents_of_last_recharge", "alert_below_balance", "alert_days_left");
        assertThat(response.json().get("errors").get(0).get("message").asString()).isEqualTo("required");
        assertDefaults(policy(tenant.admin()));
        assertDefaults(policy(other.admin()));

        ApiClient.Response empty = api.put("/api/v1/prepaid/policy", tenant.admin(), Map.of());
        assertThat(empty.status()).as(empty.raw()).isEqualTo(422);
        assertThat(empty.json().get("errors").findValuesAsString("field")).contains("protected_weekdays", "recharge_minimum",
                "arrears_recovery_percent", "holidays_protected");

        Map<String, Object> unknownDay = new HashMap<>(thirdState());
        unknownDay.put("protected_weekdays", List.of("FUNDAY"));
        ApiClient.Response funday = api.put("/api/v1/prepaid/policy", tenant.admin(), unknownDay);
        assertThat(funday.status()).as(funday.raw()).isEqualTo(422);
        assertThat(funday.json().get("errors").get(0).get("field").asString()).startsWith("protected_weekdays");

        // whole numbers beyond any int, or not whole, are field errors too
        ApiClient.Response counts = api.send("PUT", "/api/v1/prepaid/policy", tenant.admin(), """
                {"protected_weekdays": [], "second_saturday_protected": false, "holidays_protected": false,
                 "grace_days_after_conversion": 0, "emergency_credit_days": 0, "minimum_notice_minutes": 60,
                 "stale_data_hours": 1e999999999, "daily_cap_per_dt": 3000000000, "spread_per_feeder": 1e-999999999,
                 "spread_minutes": 10.0, "reconnect_within_minutes": 2, "reconnect_above_balance": 0,
                 "recharge_minimum": 10, "recharge_multiple": 1, "recharge_maximum": 1000,
                 "alert_percents_of_last_recharge": [30, 12.5], "alert_percent_used": 2.5, "alert_days_left": -1e999999999,
                 "arrears_recovery_percent": -3}""", "application/json", Map.of());
        assertThat(counts.status()).as(counts.raw()).isEqualTo(422);
        assertThat(counts.json().get("errors").findValuesAsString("field")).containsExactly("stale_data_hours",
                "daily_cap_per_dt", "spread_per_feeder", "alert_percents_of_last_recharge[1]", "alert_percent_used",
                "alert_days_left", "arrears_recovery_percent");
        assertDefaults(policy(tenant.admin()));
    }

    @Test
    void only_tenant_administrators_change_the_policy_and_holidays_and_readers_read_them() {
        assertThat(api.put("/api/v1/prepaid/policy", tenant.operator(), thirdState()).status()).isEqualTo(403);
        assertThat(api.put("/api/v1/prepaid/holidays/2026-12-25", tenant.operator(), Map.of("name", "Christmas")).status())
                .isEqualTo(403);
        assertThat(api.delete("/api/v1/prepaid/holidays/2026-12-25", tenant.analyst()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/prepaid/policy", tenant.fieldTech()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/prepaid/policy", tenant.consumer()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/prepaid/holidays", tenant.analyst()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/prepaid/policy/windows", tenant.analyst()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/prepaid/policy", null).status()).isEqualTo(401);
        assertDefaults(policy(tenant.admin()));
    }

    @Test
    void another_tenant_sees_neither_the_policy_nor_the_holidays() {
        assertThat(api.put("/api/v1/prepaid/policy", tenant.admin(), thirdState()).status()).isEqualTo(200);
        assertThat(api.put("/api/v1/prepaid/holidays/2026-12-25", tenant.admin(), Map.of("name", "Christmas")).status()).isEqualTo(200);
        TestTenant other = newTenant();
        JsonNode defaults = policy(other.analyst());
        assertDefaults(defaults);
        assertThat(api.get("/api/v1/prepaid/holidays?from=2026-01-01&to=2026-12-31", other.admin()).json()).isEmpty();
        // what a GET answers can be saved back as it is (no field the PUT does not take)
        ApiClient.Response savedBack = api.send("PUT", "/api/v1/prepaid/policy", other.admin(), defaults.toString(),
                "application/json", Map.of());
        assertThat(savedBack.status()).as(savedBack.raw()).isEqualTo(200);
        assertThat(savedBack.json()).isEqualTo(defaults);
        assertThat(policy(tenant.analyst()).get("protected_until").asString()).isEqualTo("10:00");
        assertThat(api.delete("/api/v1/prepaid/holidays/2026-12-25", other.admin()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/prepaid/holidays?from=2026-01-01&to=2026-12-31", tenant.admin()).json()).hasSize(1);
    }

    @Test
    void holidays_are_added_renamed_listed_by_range_and_removed() {
        ApiClient.Response added = api.put("/api/v1/prepaid/holidays/2026-12-25", tenant.admin(), Map.of("name", " Christmas "));
        assertThat(added.status()).as(added.raw()).isEqualTo(200);
        assertThat(added.json().get("day").asString()).isEqualTo("2026-12-25");
        assertThat(added.json().get("name").asString()).isEqualTo("Christmas");
        assertThat(added.json().get("updated_by").asString()).isEqualTo(tenant.code() + ".admin");
        api.put("/api/v1/prepaid/holidays/2027-01-26", tenant.admin(), Map.of("name", "Republic Day"));
        api.put("/api/v1/prepaid/holidays/2026-12-25", tenant.admin(), Map.of("name", "Christmas Day"));

        JsonNode listed = api.get("/api/v1/prepaid/holidays?from=2026-12-01&to=2027-01-31", tenant.analyst()).json();
        assertThat(listed.findValuesAsString("day")).containsExactly("2026-12-25", "2027-01-26");
        assertThat(listed.get(0).get("name").asString()).isEqualTo("Christmas Day");
        assertThat(api.get("/api/v1/prepaid/holidays?from=2026-12-26&to=2027-01-25", tenant.analyst()).json()).isEmpty();
        // by default from today (26 November 2026 on the test clock, unless a run sets another) for a year
        LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Kolkata")));
        api.put("/api/v1/prepaid/holidays/" + today.plusYears(1), tenant.admin(), Map.of("name", "A year on"));
        api.put("/api/v1/prepaid/holidays/" + today.plusYears(1).plusDays(1), tenant.admin(), Map.of("name", "Too far"));
        api.put("/api/v1/prepaid/holidays/" + today.minusDays(1), tenant.admin(), Map.of("name", "Yesterday"));
        assertThat(api.get("/api/v1/prepaid/holidays", tenant.analyst()).json().findValuesAsString("day"))
                .contains(today.plusYears(1).toString()).doesNotContain(today.plusYears(1).plusDays(1).toString(),
                        today.minusDays(1).toString());
        for (LocalDate day : List.of(today.plusYears(1), today.plusYears(1).plusDays(1), today.minusDays(1))) {
            assertThat(api.delete("/api/v1/prepaid/holidays/" + day, tenant.admin()).status()).isEqualTo(204);
        }

        assertThat(api.delete("/api/v1/prepaid/holidays/2026-12-25", tenant.admin()).status()).isEqualTo(204);
        assertThat(api.delete("/api/v1/prepaid/holidays/2026-12-25", tenant.admin()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/prepaid/holidays?from=2026-12-01&to=2027-01-31", tenant.analyst()).json()
                .findValuesAsString("day")).containsExactly("2027-01-26");
        JsonNode audited = api.get("/api/v1/audit-trail?action=prepaid_holiday.", tenant.admin()).json().get("items");
        assertThat(audited.findValuesAsString("action")).contains("prepaid_holiday.saved", "prepaid_holiday.removed");

        assertThat(status(api.put("/api/v1/prepaid/holidays/2026-12-31", tenant.admin(), Map.of("name", "x".repeat(101)))))
                .isEqualTo(422);
        assertThat(status(api.put("/api/v1/prepaid/holidays/2026-12-31", tenant.admin(), Map.of("name", "  ")))).isEqualTo(422);
        assertThat(status(api.put("/api/v1/prepaid/holidays/1999-12-31", tenant.admin(), Map.of("name", "Y2K")))).isEqualTo(422);
        assertThat(status(api.put("/api/v1/prepaid/holidays/2026-02-30", tenant.admin(), Map.of("name", "No such day")))).isEqualTo(400);
        ApiClient.Response tooLong = api.get("/api/v1/prepaid/holidays?from=2026-01-01&to=2029-01-02", tenant.analyst());
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.json().get("errors").get(0).get("field").asString()).isEqualTo("to");
        assertThat(api.get("/api/v1/prepaid/holidays?from=2026-01-01&to=2029-01-01", tenant.analyst()).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/prepaid/holidays?from=2026-02-01&to=2026-01-01", tenant.analyst()).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/prepaid/holidays?from=+999999999-01-01", tenant.analyst()).status()).isIn(400, 422);
    }

    static int status(ApiClient.Response response) {
        return response.status();
    }

    @Test
    void the_windows_list_when_the_calendar_allows_disconnection_in_the_tenant_zone() {
        JsonNode week = api.get("/api/v1/prepaid/policy/windows?from=2026-11-09&days=7", tenant.analyst()).json();
        assertThat(week.get("zone").asString()).isEqualTo("Asia/Kolkata");
        assertThat(week.get("days").asInt()).isEqualTo(7);
        // Monday to Friday 08:00–18:00; the 14th is the second Saturday, the 15th a Sunday
        assertThat(week.get("windows").findValuesAsString("start")).containsExactly("2026-11-09T08:00:00+05:30",
                "2026-11-10T08:00:00+05:30", "2026-11-11T08:00:00+05:30", "2026-11-12T08:00:00+05:30", "2026-11-13T08:00:00+05:30");
        assertThat(week.get("windows").get(0).get("end").asString()).isEqualTo("2026-11-09T18:00:00+05:30");

        api.put("/api/v1/prepaid/holidays/2026-11-10", tenant.admin(), Map.of("name", "A local holiday"));
        assertThat(api.get("/api/v1/prepaid/policy/windows?from=2026-11-09&days=7", tenant.analyst()).json().get("windows"))
                .hasSize(4);
        Map<String, Object> state = new HashMap<>(thirdState());
        state.put("holidays_protected", false);
        api.put("/api/v1/prepaid/policy", tenant.admin(), state);
        // 18:00–10:00, weekends protected: 10:00–18:00 Monday to Friday, the holiday no longer counts
        JsonNode after = api.get("/api/v1/prepaid/policy/windows?from=2026-11-09&days=7", tenant.analyst()).json();
        assertThat(after.get("windows").findValuesAsString("start")).hasSize(5).first().isEqualTo("2026-11-09T10:00:00+05:30");

        // by default from today, a week
        JsonNode today = api.get("/api/v1/prepaid/policy/windows", tenant.analyst()).json();
        assertThat(today.get("from").asString()).isEqualTo(LocalDate.now(clock.withZone(ZoneId.of("Asia/Kolkata"))).toString());
        assertThat(api.get("/api/v1/prepaid/policy/windows?days=32", tenant.analyst()).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/prepaid/policy/windows?days=0", tenant.analyst()).status()).isEqualTo(422);
        assertThat(api.get("/api/v1/prepaid/policy/windows?from=1900-01-01", tenant.analyst()).status()).isEqualTo(422);
    }
}
