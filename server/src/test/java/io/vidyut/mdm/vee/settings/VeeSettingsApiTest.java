package io.vidyut.mdm.vee.settings;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.TestTenant;
import io.vidyut.mdm.vee.VeeRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** VEE settings are per tenant and meter class, versioned, validated on save, and only admins change them. */
class VeeSettingsApiTest extends IntegrationTest {
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    /** V31 again over a version saved before it (interval counts, neighbour-median spike settings). */
    @Test
    void settings_saved_as_interval_counts_read_as_durations_after_v31() throws Exception {
        TestTenant tenant = newTenant();
        String v31 = new String(getClass().getResourceAsStream("/db/migration/V31__vee_settings_durations.sql").readAllBytes());
        TenantContext.runAs(TenantScope.of(tenant.id(), tenant.code()), () -> transactions.executeWithoutResult(status -> {
            jdbc.sql("insert into vee_settings (tenant_id, meter_class, version, config, created_by) values (?, 'DEFAULT', 1, ?::jsonb, 'old')")
                    .params(tenant.id(), """
                            {"zero_run_intervals": 32, "flat_line_intervals": 12, "prolonged_estimation_intervals": 96,
                             "spike_factor": 5.0, "spike_window": 8, "spike_minimum_kwh": 0.05, "grace_minutes": 120}""").update();
            jdbc.sql(v31).update();
        }));
        JsonNode settings = api.get("/api/v1/vee/settings", tenant.analyst()).json().get(0).get("settings");
        assertThat(settings.get("zero_run_minutes").asInt()).isEqualTo(480);
        assertThat(settings.get("flat_line_minutes").asInt()).isEqualTo(180);
        assertThat(settings.get("prolonged_estimation_minutes").asInt()).isEqualTo(1440);
        assertThat(settings.get("grace_minutes").asInt()).as("the rest as saved").isEqualTo(120);
        assertThat(settings.get("spike_tolerance_percent").asDouble()).as("the new spike check's defaults").isEqualTo(300.0);
        assertThat(settings.has("spike_factor")).isFalse();
    }

    @Test
    void the_estimation_order_and_like_day_weights_have_defaults_for_settings_saved_before_them_and_are_validated() {
        TestTenant tenant = newTenant();
        // a version saved before V32, holding every field it knew
        TenantContext.runAs(TenantScope.of(tenant.id(), tenant.code()), () -> transactions.executeWithoutResult(status ->
                jdbc.sql("insert into vee_settings (tenant_id, meter_class, version, config, created_by) values (?, 'DEFAULT', 1, ?::jsonb, 'old')")
                        .params(tenant.id(), "{\"linear_maximum_minutes\": 120, \"like_day_weeks\": 4, \"holidays\": []}").update()));
        JsonNode settings = api.get("/api/v1/vee/settings", tenant.analyst()).json().get(0).get("settings");
        assertThat(settings.get("estimation_order")).hasSize(2);
        assertThat(settings.get("estimation_order").get(0).get("up_to_minutes").asInt()).isEqualTo(480);
        assertThat(settings.get("estimation_order").get(0).get("methods").get(0).asString()).isEqualTo("LIKE_DAY");
        assertThat(settings.get("estimation_order").get(1).get("methods").get(0).asString()).isEqualTo("LIKE_DAY_SCALED");
        assertThat(settings.get("like_day_estimated_weight").asDouble()).isEqualTo(0.25);
        assertThat(settings.get("like_day_weekly_weight").asDouble()).isEqualTo(1.0);
        assertThat(settings.get("weekend_days").toString()).isEqualTo("[\"SATURDAY\",\"SUNDAY\"]");
        assertThat(settings.get("spike_peak_factor").asDouble()).isEqualTo(2.0);

        var saved = api.put("/api/v1/vee/settings/DEFAULT", tenant.admin(), Map.of("estimation_order", List.of(
                Map.of("up_to_minutes", 60, "methods", List.of("LINEAR", "LIKE_DAY")), Map.of("methods", List.of("PROFILE")))));
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        assertThat(saved.json().get("settings").get("estimation_order").get(1).get("methods").get(0).asString()).isEqualTo("PROFILE");
        assertThat(api.put("/api/v1/vee/settings/DEFAULT", tenant.admin(), Map.of("weekend_days", List.of("SUNDAY")))
                .json().get("settings").get("weekend_days").toString()).isEqualTo("[\"SUNDAY\"]");
        var refused = api.put("/api/v1/vee/settings/DEFAULT", tenant.admin(), Map.of("like_day_estimated_weight", 2,
                "weekend_days", List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"),
                "estimation_order", List.of(Map.of("up_to_minutes", 60, "methods", List.of()),
                        Map.of("up_to_minutes", 30, "methods", List.of("FLAT")))));
        assertThat(refused.status()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        refused.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("like_day_estimated_weight", "estimation_order", "estimation_order",
                "weekend_days");
    }

    @Test
    void a_new_tenant_runs_on_the_built_in_defaults() {
        TestTenant tenant = newTenant();
        JsonNode current = api.get("/api/v1/vee/settings", tenant.analyst()).json();
        assertThat(current).hasSize(1);
        assertThat(current.get(0).get("meter_class").asString()).isEqualTo("DEFAULT");
        assertThat(current.get(0).get("version").asInt()).isZero();
        JsonNode settings = current.get(0).get("settings");
        assertThat(settings.get("sum_check_tolerance_percent").asDouble()).isEqualTo(2.0);
        assertThat(settings.get("linear_maximum_minutes").asInt()).isEqualTo(120);
        assertThat(settings.get("rules")).hasSize(VeeRule.values().length);
        assertThat(settings.get("flat_line_minutes").asInt()).as("durations, the same at 15 and 30 minutes").isEqualTo(180);
        assertThat(settings.get("zero_run_minutes").asInt()).isEqualTo(240);
        assertThat(settings.get("zero_run_without_voltage_minutes").asInt()).isEqualTo(480);
        assertThat(settings.get("zero_run_without_voltage_blocking").asBoolean()).isFalse();
        assertThat(settings.get("prolonged_estimation_minutes").asInt()).isEqualTo(1440);
        assertThat(settings.get("spike_tolerance_percent").asDouble()).isEqualTo(300.0);
        List<String> blocking = new ArrayList<>();
        settings.get("blocking_rules").forEach(rule -> blocking.add(rule.asString()));
        assertThat(blocking).contains("SPIKE", "ZERO_RUN", "REVERSE_ENERGY").doesNotContain("GAP", "PROLONGED_ESTIMATION");
    }

    @Test
    void inconsistent_settings_are_refused_with_a_field_error_each() {
        TestTenant tenant = newTenant();
        var refused = api.put("/api/v1/vee/settings/DEFAULT", tenant.admin(), Map.of("sum_check_tolerance_percent", -1,
                "high_limit_factor", 1.2, "low_limit_factor", 1.5, "spike_tolerance_percent", -1, "estimated_channels", List.of("VOLTAGE_R_AVG")));
        assertThat(refused.status()).isEqualTo(422);
        List<String> fields = new ArrayList<>();
        refused.json().get("errors").forEach(e -> fields.add(e.get("field").asString()));
        assertThat(fields).containsExactlyInAnyOrder("sum_check_tolerance_percent", "low_limit_factor", "spike_tolerance_percent",
                "estimated_channels");
        assertThat(refused.raw()).contains("overlaps the high limit");

        var unknownChannel = api.put("/api/v1/vee/settings/DEFAULT", tenant.admin(), Map.of("estimated_channels", List.of("KWH_SIDEWAYS")));
        assertThat(unknownChannel.status()).isEqualTo(422);
        assertThat(unknownChannel.json().get("errors").get(0).get("field").asString()).isEqualTo("estimated_channels[0]");
        var unknownRule = api.put("/api/v1/vee/settings/DEFAULT", tenant.admin(), Map.of("rules", List.of("GAP", "VIBES")));
        assertThat(unknownRule.status()).isEqualTo(422);
        assertThat(unknownRule.json().get("errors").get(0).get("field").asString()).isEqualTo("rules[1]");
        assertThat(api.put("/api/v1/vee/settings/LAMPPOST", tenant.admin(), Map.of()).status()).isEqualTo(404);
    }

    @Test
    void each_save_is_a_new_version_and_a_meter_class_can_differ_from_the_default() {
        TestTenant tenant = newTenant();
        assertThat(api.put("/api/v1/vee/settings/DEFAULT", tenant.operator(), Map.of("spike_tolerance_percent", 400)).status())
                .as("operators read settings, admins change them").isEqualTo(403);
        var first = api.put("/api/v1/vee/settings/DEFAULT", tenant.admin(), Map.of("spike_tolerance_percent", 400));
        assertThat(first.status()).as(first.raw()).isEqualTo(200);
        assertThat(first.json().get("version").asInt()).isEqualTo(1);
        assertThat(first.json().get("created_by").asString()).isEqualTo(tenant.code() + ".admin");
        assertThat(api.put("/api/v1/vee/settings/DEFAULT", tenant.admin(), Map.of("spike_tolerance_percent", 600)).json().get("version").asInt())
                .isEqualTo(2);
        assertThat(api.put("/api/v1/vee/settings/dt", tenant.admin(), Map.of("rules", List.of("GAP", "SUM_CHECK"))).status()).isEqualTo(200);

        JsonNode current = api.get("/api/v1/vee/settings", tenant.operator()).json();
        assertThat(current).hasSize(2);
        assertThat(current.get(0).get("settings").get("spike_tolerance_percent").asDouble()).isEqualTo(600.0);
        assertThat(current.get(1).get("meter_class").asString()).isEqualTo("DT");
        assertThat(current.get(1).get("settings").get("rules")).hasSize(2);
        JsonNode versions = api.get("/api/v1/vee/settings/DEFAULT/versions", tenant.analyst()).json();
        assertThat(versions).extracting(v -> v.get("version").asInt()).containsExactly(2, 1);
        assertThat(api.get("/api/v1/vee/settings", newTenant().admin()).json().get(0).get("version").asInt())
                .as("another tenant is untouched").isZero();
    }
}
