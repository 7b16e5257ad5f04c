package io.vidyut.mdm.ingest.push;

import io.vidyut.mdm.ingest.IngestApiTest;
import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import io.vidyut.mdm.testing.ApiClient;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.Registry;
import io.vidyut.mdm.testing.TestTenant;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Overload is shed at once, before a push's body is read: beyond its tenant's push rates an HES gets 429, and when
 * the memory set aside for bodies being read is taken (by many slow or large bodies) every push gets 503, each with
 * Retry-After. Nothing refused was acknowledged, and what was accepted is stored.
 */
class PushSheddingTest extends IntegrationTest {
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    TestTenant tenant;
    Registry registry;

    @BeforeEach
    void tenant() {
        tenant = newTenant();
        registry = new Registry(api, tenant.admin());
    }

    @Test
    void an_hes_pushing_beyond_its_rate_gets_429_with_retry_after_while_the_tenants_other_hes_goes_on() {
        setRates(2, 100);
        Hes fast = hes("FAST", "F1");
        Hes other = hes("OTHER", "O1");

        assertThat(fast.push("b1").status()).isEqualTo(202);
        assertThat(fast.push("b2").status()).isEqualTo(202);
        ApiClient.Response refused = fast.push("b3");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.isProblem()).isTrue();
        assertThat(refused.json().get("type").asString()).endsWith("/rate-limited");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 60L);
        assertThat(other.push("b1").status()).as("another vendor's share is its own").isEqualTo(202);
        assertThat(storedBatches()).as("refused pushes were not acknowledged, so not kept").isEqualTo(3);
    }

    @Test
    void the_tenants_vendors_together_are_held_to_the_tenants_rate_and_another_tenant_is_not() {
        setRates(100, 3);
        Hes first = hes("FIRST", "A1");
        Hes second = hes("SECOND", "B1");
        assertThat(first.push("b1").status()).isEqualTo(202);
        assertThat(second.push("b1").status()).isEqualTo(202);
        assertThat(first.push("b2").status()).isEqualTo(202);

        assertThat(second.push("b2").status()).isEqualTo(429);

        TestTenant another = newTenant();
        Registry theirs = new Registry(api, another.admin());
        assertThat(new Hes(theirs, another.admin(), "FIRST", "A1").push("b1").status()).isEqualTo(202);
    }

    @Test
    void slow_bodies_filling_the_memory_set_aside_for_bodies_turn_pushes_away_at_once_until_they_end() throws Exception {
        Hes hes = hes("SLOW", "S1");
        List<Socket> slow = new ArrayList<>();
        try {
            // each declares the largest batch and sends one byte of it: together they hold the 256 MiB set aside
            for (int i = 0; i < 8; i++) slow.add(hes.startSlowPush(port, 32 * 1024 * 1024));
            // they hold it once the server has taken each in (a push sent before that could still slip in)
            String platform = platformAdmin();
            await("/actuator/metrics/mdm.ingest.body.budget.free", platform,
                    free -> free.get("measurements").get(0).get("value").asDouble() == 0);
            ApiClient.Response refused = hes.push("while-slow");

            assertThat(refused.status()).isEqualTo(503);
            assertThat(refused.json().get("type").asString()).endsWith("/ingest-busy");
            assertThat(refused.header("Retry-After")).isEqualTo("1");
        } finally {
            for (Socket socket : slow) socket.close();
        }
        ApiClient.Response accepted = poll(() -> hes.push("after"), r -> r.status() == 202, Duration.ofSeconds(30));
        assertThat(accepted.status()).as("the memory came back when the slow bodies ended").isEqualTo(202);
    }

    private void setRates(int perVendorPerMinute, int perTenantPerMinute) {
        var saved = api.put("/api/v1/platform/tenants/" + tenant.code(), platformAdmin(), Map.of("settings",
                Map.of("push_rates", Map.of("per_vendor_per_minute", perVendorPerMinute,
                        "per_tenant_per_minute", perTenantPerMinute))));
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
    }

    private Hes hes(String code, String serial) {
        return new Hes(registry, tenant.admin(), code, serial);
    }

    private long storedBatches() {
        return TenantContext.callAs(TenantScope.of(tenant.id(), tenant.code()),
                () -> transactions.execute(s -> jdbc.sql("select count(*) from ingest_batch").query(Long.class).single()));
    }

    /** An HES vendor with the JSON mapping of the ingestion tests and one meter. */
    private final class Hes {
        final String apiKey;
        final String serial;

        Hes(Registry registry, String adminToken, String code, String serial) {
            JsonNode vendor = registry.vendor(code);
            String vendorId = vendor.get("vendor").get("id").asString();
            this.apiKey = vendor.get("api_key").asString();
            this.serial = serial;
            assertThat(api.put("/api/v1/hes-vendors/" + vendorId + "/mapping", adminToken,
                    IngestApiTest.VENDOR_A_MAPPING).status()).isEqualTo(200);
            registry.meter(serial, vendorId, null);
        }

        ApiClient.Response push(String batchId) {
            return api.send("POST", "/api/v1/meters/readings", null,
                    IngestApiTest.intervals(batchId, serial, "2026-11-25T10:15:00+05:30", 1, 0.25), "application/json",
                    Map.of("X-API-Key", apiKey));
        }

        /** A push that declares {@code length} bytes, sends one and then nothing: a slow (or hostile) HES. */
        Socket startSlowPush(int port, int length) throws IOException {
            Socket socket = new Socket("127.0.0.1", port);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/meters/readings HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: " + apiKey
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + length + "\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return socket;
        }
    }
}
