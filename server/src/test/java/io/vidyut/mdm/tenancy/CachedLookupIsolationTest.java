package io.vidyut.mdm.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.ApiClient;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.Registry;
import io.vidyut.mdm.testing.TestTenant;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The caches in front of tenant data answer as row-level security would: what one tenant's lookup found, or did
 * not find, is never the answer to another tenant's. Each cached lookup is tried warm (the other tenant's answer
 * already cached) and cold (the other tenant asked first).
 */
class CachedLookupIsolationTest extends IntegrationTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);
    private static final String IMPORT = "1.0.1.29.0.255";
    private static final String A_PULL_SECRET = "pull-secret-of-tenant-a";

    /** A tenant's HES vendor (pushing with its key) and its meter of the serial both tenants have. */
    record Site(TestTenant tenant, String vendorId, String apiKey, String sharedMeterId) {}

    Site a;
    Site b;
    /** A meter only tenant A has. */
    String aOnlyMeterId;
    private int batches;

    @BeforeEach
    void twoTenantsWithAVendorAndAMeterOfTheSameSerialEach() {
        a = site(newTenant(), Map.of("base_url", "https://hes-a.example.com", "read_path", "/read/{serial}",
                "api_key_header", "X-Hes-Key", "api_key", A_PULL_SECRET));
        b = site(newTenant(), null);
        aOnlyMeterId = new Registry(api, a.tenant().admin()).meter("A-ONLY", a.vendorId(), null).get("id").asString();
    }

    private Site site(TestTenant tenant, Map<String, Object> pull) {
        Registry registry = new Registry(api, tenant.admin());
        JsonNode vendor = registry.vendor("V");
        String vendorId = vendor.get("vendor").get("id").asString();
        Map<String, Object> mapping = new HashMap<>(Map.of("format", "JSON", "rows", "meters[*].intervals[*]",
                "fields", Map.of("meter", "^.serial", "timestamp", "end", "values", "values", "batch_id", "batch_id")));
        if (pull != null) mapping.put("pull", pull);
        var saved = api.put("/api/v1/hes-vendors/" + vendorId + "/mapping", tenant.admin(), mapping);
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        String consumerId = registry.consumer("ACC-1", registry.branch("N").get("id").asString()).get("id").asString();
        String meterId = registry.meter("SHARED-1", vendorId, consumerId).get("id").asString();
        return new Site(tenant, vendorId, vendor.get("api_key").asString(), meterId);
    }

    // --- HES payload mappings (VendorMappingService) ---

    @Test
    void a_mapping_cached_for_its_tenant_is_never_served_to_another_tenant() {
        // A's HES pushing and A's admin reading put A's mapping in the cache
        assertThat(push(a, "SHARED-1", DAY, firstHour(0.1)).status()).isEqualTo(202);
        assertThat(api.get(mappingOf(a), a.tenant().admin()).raw()).contains(A_PULL_SECRET);

        for (String caller : List.of(b.tenant().admin(), b.tenant().operator(), b.tenant().analyst())) {
            ApiClient.Response response = api.get(mappingOf(a), caller);
            assertThat(response.status()).as(response.raw()).isEqualTo(404);
            assertThat(response.raw()).doesNotContain(A_PULL_SECRET);
        }
    }

    @Test
    void another_tenants_miss_is_never_served_to_the_vendors_own_hes() {
        // B asks first, after A saved its mapping: B's "none" is what the cache holds, under B's key
        for (int i = 0; i < 3; i++) assertThat(api.get(mappingOf(a), b.tenant().admin()).status()).isEqualTo(404);

        ApiClient.Response pushed = push(a, "SHARED-1", DAY, firstHour(0.1));
        assertThat(pushed.status()).as("not 409 'has no payload mapping yet': " + pushed.raw()).isEqualTo(202);
        assertThat(api.get(mappingOf(a), a.tenant().admin()).status()).isEqualTo(200);
    }

    // --- serial -> meter (MeterDirectory, VendorMeters) ---

    @Test
    void a_serial_resolves_to_the_pushing_tenants_own_meter_whichever_tenant_was_cached_first() {
        // B first (cold for A), then A, then B again (warm: A's meter is cached under the same serial)
        assertThat(rejections(push(b, "A-ONLY", DAY, firstHour(0.2)))).containsExactly("unknown meter A-ONLY");
        assertAccepted(push(b, "SHARED-1", DAY, firstHour(0.2)), 4);
        assertAccepted(push(a, "A-ONLY", DAY, firstHour(0.1)), 4);
        assertAccepted(push(a, "SHARED-1", DAY, firstHour(0.1)), 4);
        assertThat(rejections(push(b, "A-ONLY", DAY.plusDays(1), firstHour(0.2))))
                .as("another tenant's meter is as unknown as a meter nobody has").containsExactly("unknown meter A-ONLY");
        assertAccepted(push(b, "SHARED-1", DAY.plusDays(1), firstHour(0.2)), 4);

        assertThat(storedValues(a, a.sharedMeterId(), DAY, 4)).containsOnly("0.1");
        assertThat(storedValues(a, aOnlyMeterId, DAY, 4)).containsOnly("0.1");
        assertThat(storedValues(b, b.sharedMeterId(), DAY, 4)).containsOnly("0.2");
        assertThat(storedValues(b, b.sharedMeterId(), DAY.plusDays(1), 4)).containsOnly("0.2");
        assertThat(storedValues(a, a.sharedMeterId(), DAY.plusDays(1), 0)).isEmpty();
    }

    // --- meter profiles (vee.MeterProfiles) ---

    @Test
    void another_tenants_meter_is_not_found_whether_or_not_its_profile_is_cached() {
        // cold, then A's own estimation and validation cache A's meter profile, then warm
        assertThat(estimate(b, a.sharedMeterId()).status()).isEqualTo(404);
        assertThat(estimate(a, a.sharedMeterId()).status()).isEqualTo(200);
        assertThat(push(a, "SHARED-1", DAY, slot -> 0.1).status()).isEqualTo(202);
        storedValues(a, a.sharedMeterId(), DAY, 96);

        ApiClient.Response warm = estimate(b, a.sharedMeterId());
        assertThat(warm.status()).as(warm.raw()).isEqualTo(404);
    }

    // --- VEE settings (vee.VeeSettingsService) ---

    @Test
    void each_tenant_validates_under_its_own_settings_whichever_tenant_was_cached_first() {
        var saved = api.put("/api/v1/vee/settings/DEFAULT", a.tenant().admin(), Map.of("high_limit_factor", 3));
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        // 0.9 kWh in a quarter hour: above B's (built-in) limit of 0.75 for 2 kW sanctioned, below A's of 1.5
        IntFunction<Double> oneHighValue = slot -> slot == 60 ? 0.9 : 0.1 + (slot % 7) * 0.01;

        assertAccepted(push(b, "SHARED-1", DAY, oneHighValue), 96);
        assertThat(findings(b, DAY)).as("B under the built-in settings").containsExactlyInAnyOrder("SPIKE@0", "HIGH_LIMIT@0");
        assertAccepted(push(a, "SHARED-1", DAY, oneHighValue), 96);
        assertThat(findings(a, DAY)).as("A under its own settings, B's being cached").containsExactly("SPIKE@1");
        assertAccepted(push(b, "SHARED-1", DAY.plusDays(1), oneHighValue), 96);
        assertThat(findings(b, DAY.plusDays(1))).as("B still under the built-in settings, A's being cached")
                .containsExactlyInAnyOrder("SPIKE@0", "HIGH_LIMIT@0");
    }

    // --- tenant time zones (tenancy.TenantService) ---

    @Test
    void each_tenant_reads_times_in_its_own_zone_whichever_tenant_was_cached_first() {
        var moved = api.put("/api/v1/platform/tenants/" + b.tenant().code(), platformAdmin(), Map.of("time_zone", "Asia/Dubai"));
        assertThat(moved.status()).as(moved.raw()).isEqualTo(200);

        assertThat(parsedOffset(b)).isEqualTo("+04:00");
        assertThat(parsedOffset(a)).isEqualTo("+05:30");
        assertThat(parsedOffset(b)).isEqualTo("+04:00");
    }

    // --- helpers ---

    private static String mappingOf(Site site) {
        return "/api/v1/hes-vendors/" + site.vendorId() + "/mapping";
    }

    /** One interval row per slot of the day the function gives a value for (null: none), as the site's HES. */
    private ApiClient.Response push(Site site, String serial, LocalDate day, IntFunction<Double> kwh) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int slot = 0; slot < 96; slot++) {
            Double value = kwh.apply(slot);
            if (value != null) rows.add(Map.of("end", slotEnd(day, slot), "values", Map.of(IMPORT, value)));
        }
        Map<String, Object> payload = Map.of("batch_id", "B" + (++batches), "meters", List.of(Map.of("serial", serial, "intervals", rows)));
        return api.send("POST", "/api/v1/meters/readings", null, JSON.writeValueAsString(payload), "application/json",
                Map.of("X-API-Key", site.apiKey()));
    }

    /** The day's first four quarter hours, each of this much energy. */
    private static IntFunction<Double> firstHour(double kwh) {
        return slot -> slot < 4 ? kwh : null;
    }

    private static String slotEnd(LocalDate day, int slot) {
        return day.atStartOfDay(IST).plusMinutes(15L * (slot + 1)).toOffsetDateTime().toString();
    }

    private static void assertAccepted(ApiClient.Response receipt, int values) {
        assertThat(receipt.status()).as(receipt.raw()).isEqualTo(202);
        assertThat(receipt.json().get("values_accepted").asInt()).as(receipt.raw()).isEqualTo(values);
    }

    private static List<String> rejections(ApiClient.Response receipt) {
        assertThat(receipt.status()).as(receipt.raw()).isIn(202, 422);
        return receipt.json().get("rejections").findValuesAsString("reason").stream().distinct().toList();
    }

    /** The meter's stored 15-minute values of the day (waiting for {@code expected} of them), as the site's tenant reads them. */
    private List<String> storedValues(Site site, String meterId, LocalDate day, int expected) {
        String path = "/api/v1/meters/" + meterId + "/consumption?resolution=15m&from=" + enc(day.atStartOfDay(IST))
                + "&to=" + enc(day.plusDays(1).atStartOfDay(IST));
        JsonNode series = await(path, site.tenant().analyst(), body -> body.get("total").get("intervals").asLong() >= expected);
        List<String> values = new ArrayList<>();
        series.get("points").forEach(point -> {
            if (point.has("value") && !point.get("value").isNull()) values.add(point.get("value").decimalValue().stripTrailingZeros().toPlainString());
        });
        return values;
    }

    private ApiClient.Response estimate(Site caller, String meterId) {
        return api.post("/api/v1/vee/estimations", caller.tenant().operator(), Map.of("meter_id", meterId,
                "from", DAY.atStartOfDay(IST).toOffsetDateTime().toString(),
                "to", DAY.plusDays(1).atStartOfDay(IST).toOffsetDateTime().toString()));
    }

    /** The day's VEE exceptions of the site's shared meter as RULE@settings-version, once validation found the spike. */
    private Set<String> findings(Site site, LocalDate day) {
        String path = "/api/v1/vee/exceptions?meter_id=" + site.sharedMeterId();
        JsonNode found = await(path, site.tenant().operator(), body -> ruleVersions(body, day).stream().anyMatch(f -> f.startsWith("SPIKE")));
        return ruleVersions(found, day);
    }

    private static Set<String> ruleVersions(JsonNode exceptions, LocalDate day) {
        Set<String> found = new HashSet<>();
        exceptions.get("items").forEach(e -> {
            if (e.get("first_at").asString().startsWith(day.toString())) {
                found.add(e.get("rule").asString() + "@" + e.get("settings_version").asInt());
            }
        });
        return found;
    }

    /** The UTC offset in which test-parse shows the site's tenant a reading (in the tenant's time zone). */
    private String parsedOffset(Site site) {
        String payload = "{\"meters\": [{\"serial\": \"SHARED-1\", \"intervals\": [{\"end\": \"" + slotEnd(DAY, 40)
                + "\", \"values\": {\"" + IMPORT + "\": 0.1}}]}]}";
        var parsed = api.post("/api/v1/hes-vendors/" + site.vendorId() + "/test-parse", site.tenant().operator(),
                Map.of("payload", payload));
        assertThat(parsed.status()).as(parsed.raw()).isEqualTo(200);
        assertThat(parsed.json().get("values")).as(parsed.raw()).hasSize(1);
        String at = parsed.json().get("values").get(0).get("at").asString();
        return at.substring(at.length() - 6);
    }

    private static String enc(Object value) {
        return URLEncoder.encode(value instanceof java.time.ZonedDateTime z ? z.toOffsetDateTime().toString() : value.toString(),
                StandardCharsets.UTF_8);
    }
}
