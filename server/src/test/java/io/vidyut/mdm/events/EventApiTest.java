package io.vidyut.mdm.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.ApiClient;
import io.vidyut.mdm.testing.EventFeed;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.Registry;
import io.vidyut.mdm.testing.TestTenant;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import javax.sql.DataSource;
import tools.jackson.databind.JsonNode;

/** HES event pushes: unified codes, de-duplication, flagged unknown codes, quarantine, idempotency, episodes. */
class EventApiTest extends IntegrationTest {
    @Autowired DataSource dataSource;
    TestTenant tenant;
    EventFeed feed;
    String meterId;

    @BeforeEach
    void tenantWithAVendorMappingEvents() {
        tenant = newTenant();
        Registry registry = new Registry(api, tenant.admin());
        Registry.EventVendor vendor = registry.eventVendor("EVT");
        feed = vendor.hes();
        meterId = registry.meter("E1", vendor.id(), null).get("id").asString();
    }

    ApiClient.Response push(String payload) {
        return feed.push(payload);
    }

    JsonNode events(String query) {
        var response = api.get("/api/v1/meters/" + meterId + "/events?from=" + enc("2026-11-01T00:00:00+05:30")
                + "&to=" + enc("2026-11-30T00:00:00+05:30") + query, tenant.analyst());
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.json();
    }

    @Test
    void events_are_stored_in_is15959_codes_with_category_and_severity_and_read_back_by_filter() {
        var receipt = push("""
                {"batch": "EV-1", "events": [
                  {"meter": "E1", "at": "2026-11-20T10:00:00+05:30", "type": "PWR_FAIL"},
                  {"meter": "E1", "at": "2026-11-20T10:30:00+05:30", "type": "PWR_BACK"},
                  {"meter": "E1", "at": "2026-11-20T11:00:00+05:30", "type": "MAGNET"},
                  {"meter": "E1", "at": "2026-11-20T11:05:00+05:30", "type": "251"}]}""");
        assertThat(receipt.status()).as(receipt.raw()).isEqualTo(202);
        assertThat(receipt.json().get("values_accepted").asInt()).isEqualTo(4);

        JsonNode all = events("");
        assertThat(all.get("total").asLong()).isEqualTo(4);
        JsonNode newest = all.get("items").get(0);
        assertThat(newest.get("code").asInt()).isEqualTo(251);
        assertThat(newest.get("name").asString()).isEqualTo("Cover open");
        assertThat(newest.get("category").asString()).isEqualTo("NON_ROLLOVER");
        assertThat(newest.get("severity").asString()).isEqualTo("CRITICAL");
        assertThat(newest.get("occurred_at").asString()).isEqualTo("2026-11-20T05:35:00Z");

        assertThat(events("&category=POWER").get("items").findValuesAsString("raw_code")).containsExactly("PWR_BACK", "PWR_FAIL");
        assertThat(events("&code=201").get("items").findValuesAsString("name")).containsExactly("Magnet influence (occurrence)");
        assertThat(events("&size=1&page=1").get("items").get(0).get("code").asInt()).isEqualTo(201);

        var episodes = api.get("/api/v1/meters/" + meterId + "/events/episodes?from=" + enc("2026-11-20T00:00:00+05:30")
                + "&to=" + enc("2026-11-21T00:00:00+05:30"), tenant.operator()).json();
        assertThat(episodes).hasSize(2);
        assertThat(episodes.get(0).get("code").asInt()).isEqualTo(101);
        assertThat(episodes.get(0).get("duration_seconds").asLong()).isEqualTo(1800);
        assertThat(episodes.get(1).get("code").asInt()).isEqualTo(201);
        assertThat(episodes.get(1).has("ended_at")).as("magnet still applied").isFalse();
    }

    @Test
    void the_same_event_twice_is_stored_once_and_a_repeated_batch_answers_with_its_first_receipt() {
        String payload = """
                {"batch": "EV-DUP", "events": [{"meter": "E1", "at": "2026-11-21T10:00:00+05:30", "type": "PWR_FAIL"}]}""";
        String firstId = push(payload).json().get("batch_id").asString();
        var again = push(payload);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("status").asString()).isEqualTo("DUPLICATE");
        assertThat(again.json().get("batch_id").asString()).isEqualTo(firstId);
        // the same event inside another batch (and twice in it) is still one event
        assertThat(push("""
                {"batch": "EV-DUP-2", "events": [{"meter": "E1", "at": "2026-11-21T10:00:00+05:30", "type": "101"},
                  {"meter": "E1", "at": "2026-11-21T10:00:00+05:30", "type": "PWR_FAIL"}]}""").status()).isEqualTo(202);
        assertThat(events("").get("total").asLong()).isEqualTo(1);
    }

    @Test
    void unknown_codes_are_kept_raw_and_flagged_while_bad_rows_are_rejected_and_quarantined() {
        var receipt = push("""
                {"batch": "EV-MIXED", "events": [
                  {"meter": "E1", "at": "2026-11-22T10:00:00+05:30", "type": "VENDOR_SPECIAL"},
                  {"meter": "E1", "at": "2026-11-22T10:01:00+05:30", "type": "777"},
                  {"meter": "GHOST", "at": "2026-11-22T10:00:00+05:30", "type": "101"},
                  {"meter": "E1", "at": "not a time", "type": "101"}]}""").json();
        assertThat(receipt.get("values_accepted").asInt()).isEqualTo(2);
        assertThat(receipt.get("values_rejected").asInt()).isEqualTo(2);
        assertThat(receipt.get("rejections").findValuesAsString("reason")).satisfiesExactly(
                r -> assertThat(r).contains("unknown meter GHOST"), r -> assertThat(r).contains("unreadable timestamp"));

        JsonNode unknown = api.get("/api/v1/events?known=false&from=" + enc("2026-11-22T00:00:00+05:30"), tenant.operator()).json();
        assertThat(unknown.get("items").findValuesAsString("raw_code")).containsExactly("777", "VENDOR_SPECIAL");
        assertThat(unknown.get("items").get(1).get("category").asString()).isEqualTo("UNKNOWN");
        assertThat(unknown.get("items").get(1).has("code")).isFalse();
        assertThat(unknown.get("items").get(0).get("code").asInt()).isEqualTo(777);

        JsonNode quarantine = api.get("/api/v1/quarantine", tenant.operator()).json();
        assertThat(quarantine.get("items").findValuesAsString("raw")).anyMatch(raw -> raw.contains("GHOST"));
    }

    /** Pushes as an HES does: a push turned away as busy (503) is sent again after its Retry-After. */
    private ApiClient.Response pushLikeAnHes(String body) {
        ApiClient.Response response = push(body);
        for (int attempt = 0; attempt < 30 && response.status() == 503; attempt++) {
            sleep(1000L * Long.parseLong(response.header("Retry-After")));
            response = push(body);
        }
        return response;
    }

    /**
     * A month's partition is made before the recording transaction takes its connection. Made inside it, each
     * batch would hold one pooled connection while waiting for a second: a burst as large as the pool, arriving
     * while the partition cannot be created yet (its lock is held), then waits on the pool for good. Now the burst
     * is partly turned away at the door (503, sent again later) and none of it waits on the pool.
     */
    @Test
    void a_burst_of_batches_into_a_month_without_a_partition_yet_does_not_starve_the_connection_pool() throws Exception {
        int batches = 30; // three times the pool
        ExecutorService senders = Executors.newFixedThreadPool(batches);
        HikariDataSource pool = (HikariDataSource) dataSource;
        try (Connection reader = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword())) {
            reader.setAutoCommit(false);
            // holds what making the month's partition waits for (as a long reader of the table would)
            reader.createStatement().execute("select pg_advisory_xact_lock(hashtext('meter_event_202307'))");
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < batches; i++) {
                String at = "2023-07-14T10:%02d:00+05:30".formatted(i);
                statuses.add(senders.submit(() -> pushLikeAnHes("{\"events\": [{\"meter\": \"E1\", \"at\": \"" + at
                        + "\", \"type\": \"MAGNET\"}]}").status()));
            }
            sleep(3000);
            reader.commit();
            for (Future<Integer> status : statuses) assertThat(status.get(60, TimeUnit.SECONDS)).isEqualTo(202);
        } finally {
            senders.shutdownNow();
        }
        var july = api.get("/api/v1/meters/" + meterId + "/events?from=" + enc("2023-07-01T00:00:00+05:30")
                + "&to=" + enc("2023-08-01T00:00:00+05:30"), tenant.analyst()).json();
        assertThat(july.get("total").asLong()).isEqualTo(batches);
    }

    @Test
    void a_tenant_cannot_read_another_tenants_meter_events() {
        push("""
                {"events": [{"meter": "E1", "at": "2026-11-23T10:00:00+05:30", "type": "101"}]}""");
        TestTenant other = newTenant();
        assertThat(api.get("/api/v1/meters/" + meterId + "/events", other.analyst()).status()).isEqualTo(404);
        assertThat(api.get("/api/v1/events?from=" + enc("2026-11-01T00:00:00Z"), other.analyst()).json()
                .get("total").asLong()).isZero();
        assertThat(api.get("/api/v1/meters/" + meterId + "/events", tenant.consumer()).status()).isEqualTo(403);
    }

    static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
