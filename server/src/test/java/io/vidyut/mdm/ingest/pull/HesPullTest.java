package io.vidyut.mdm.ingest.pull;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.Registry;
import io.vidyut.mdm.testing.TestTenant;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * MDM → HES pull against a stand-in HES (the JDK's HTTP server on loopback, playing the vendor's
 * API): the answer is ingested like a push; failures are retried, then reported; a failing HES
 * trips its circuit.
 */
class HesPullTest extends IntegrationTest {
    HttpServer hes;
    final AtomicInteger calls = new AtomicInteger();
    final AtomicInteger failuresToServe = new AtomicInteger();
    final AtomicReference<String> lastQuery = new AtomicReference<>();

    TestTenant tenant;
    String vendorId;
    String meterId;

    @BeforeEach
    void hesAndVendor() throws Exception {
        hes = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        hes.createContext("/hes/", exchange -> {
            calls.incrementAndGet();
            lastQuery.set(exchange.getRequestURI().toString() + " key=" + exchange.getRequestHeaders().getFirst("X-Hes-Key"));
            byte[] body = failuresToServe.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? new byte[0] : """
                    {"meters": [{"serial": "PULL-1", "intervals": [
                      {"end": "2026-11-20T10:15:00+05:30", "values": {"1.0.1.29.0.255": 0.75}}]}]}"""
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body.length == 0 ? 503 : 200, body.length == 0 ? -1 : body.length);
            if (body.length > 0) exchange.getResponseBody().write(body);
            exchange.close();
        });
        hes.start();
        tenant = newTenant();
        allowHesNetwork(tenant, "127.0.0.1/32"); // the test HES answers on loopback
        Registry registry = new Registry(api, tenant.admin());
        vendorId = registry.vendor("PULLER").get("vendor").get("id").asString();
        Map<String, Object> mapping = new HashMap<>(Map.of("format", "JSON", "rows", "meters[*].intervals[*]",
                "fields", Map.of("meter", "^.serial", "timestamp", "end", "values", "values")));
        mapping.put("pull", Map.of("base_url", "http://127.0.0.1:" + hes.getAddress().getPort(),
                "read_path", "/hes/meters/{serial}/read", "history_path", "/hes/meters/{serial}/profile?from={from}&to={to}",
                "api_key_header", "X-Hes-Key", "api_key", "secret-of-the-hes", "timeout_seconds", 2));
        assertThat(api.put("/api/v1/hes-vendors/" + vendorId + "/mapping", tenant.admin(), mapping).status()).isEqualTo(200);
        meterId = registry.meter("PULL-1", vendorId, null).get("id").asString();
    }

    @AfterEach
    void stopHes() {
        hes.stop(0);
    }

    @Test
    void a_history_pull_is_ingested_like_a_push() throws Exception {
        var response = api.post("/api/v1/meters/" + meterId + "/pull", tenant.operator(),
                Map.of("from", "2026-11-20T00:00:00+05:30", "to", "2026-11-21T00:00:00+05:30"));
        assertThat(response.status()).as(response.raw()).isEqualTo(202);
        assertThat(lastQuery.get()).contains("/hes/meters/PULL-1/profile?from=2026-11-19T18").contains("key=secret-of-the-hes");
        long deadline = System.nanoTime() / 1_000_000 + 10_000;
        long stored = 0;
        while (stored == 0 && System.nanoTime() / 1_000_000 < deadline) {
            stored = api.get("/api/v1/meters/" + meterId + "/consumption?from=2026-11-20T04:30:00Z&to=2026-11-20T04:45:00Z",
                    tenant.analyst()).json().get("total").get("intervals").asLong();
            Thread.sleep(100);
        }
        assertThat(stored).isEqualTo(1);
    }

    @Test
    void the_hes_api_key_is_masked_for_operators_and_kept_when_saved_back_masked() throws Exception {
        var asOperator = api.get("/api/v1/hes-vendors/" + vendorId + "/mapping", tenant.operator()).json();
        assertThat(asOperator.get("mapping").get("pull").get("api_key").asString()).isEqualTo("********");
        var asAdmin = api.get("/api/v1/hes-vendors/" + vendorId + "/mapping", tenant.admin()).json();
        assertThat(asAdmin.get("mapping").get("pull").get("api_key").asString()).isEqualTo("secret-of-the-hes");

        assertThat(api.put("/api/v1/hes-vendors/" + vendorId + "/mapping", tenant.admin(), asOperator.get("mapping")).status())
                .isEqualTo(200);
        assertThat(api.post("/api/v1/meters/" + meterId + "/pull", tenant.operator(), null).status()).isIn(200, 202);
        assertThat(lastQuery.get()).endsWith("key=secret-of-the-hes");
    }

    @Test
    void a_flaky_hes_is_retried_and_a_dead_one_reported_then_paused() {
        failuresToServe.set(2);
        assertThat(api.post("/api/v1/meters/" + meterId + "/pull", tenant.operator(), null).status()).isIn(200, 202);
        assertThat(calls.get()).isEqualTo(3);

        failuresToServe.set(1000);
        var failed = api.post("/api/v1/meters/" + meterId + "/pull", tenant.operator(), null);
        // 502 after its retries, or already 503 if the circuit opened during them
        assertThat(failed.status()).isIn(502, 503);
        assertThat(failed.isProblem()).isTrue();
        int status = 0;
        for (int i = 0; i < 5 && status != 503; i++) {
            status = api.post("/api/v1/meters/" + meterId + "/pull", tenant.operator(), null).status();
        }
        assertThat(status).as("circuit opens after repeated failures").isEqualTo(503);
        int before = calls.get();
        assertThat(api.post("/api/v1/meters/" + meterId + "/pull", tenant.operator(), null).status()).isEqualTo(503);
        assertThat(calls.get()).as("an open circuit sends nothing to the HES").isEqualTo(before);
    }
}
