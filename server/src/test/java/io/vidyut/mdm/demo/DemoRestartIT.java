package io.vidyut.mdm.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.ApiClient;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The packaged server as `bin/mdm demo` runs it: killed with SIGKILL and started again, it keeps
 * every acknowledged write; stopped with SIGTERM, it also stops its embedded PostgreSQL.
 */
class DemoRestartIT {
    final Path dataDir = Path.of("target", "it-data", "demo-" + UUID.randomUUID()).toAbsolutePath();
    Process server;

    @AfterEach
    void stop() {
        if (server != null && server.isAlive()) server.destroyForcibly();
    }

    @Test
    void a_killed_demo_restarts_with_all_its_data() throws Exception {
        int port = freePort();
        ApiClient api = new ApiClient("http://127.0.0.1:" + port);
        server = start(port, "first");
        awaitHealthy(api);
        String operator = api.signIn("demo.operator", DemoCredentials.PASSWORD);
        assertThat(api.get("/api/v1/meters?size=1", operator).json().get("total").asLong()).isEqualTo(1058);
        var added = api.post("/api/v1/consumers", operator, Map.of("account_no", "AFTER-ACK", "name", "Written just before the kill",
                "tariff_category", "LT-1 Domestic", "sanctioned_load_kw", 2, "supply_mode", "PREPAID"));
        assertThat(added.status()).isEqualTo(201);

        // an HES batch acknowledged with 202, then the process is killed at once
        String meterSerial = api.get("/api/v1/meters?category=CONSUMER&serial=HPL&size=1", operator).json()
                .get("items").get(0).get("serial").asString();
        var receipt = api.send("POST", "/api/v1/meters/readings", null, hplBatch(meterSerial), "application/json",
                Map.of("X-API-Key", DemoCredentials.VENDORS.get(0).apiKey()));
        server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(receipt.status()).as(receipt.raw()).isEqualTo(202);

        server = start(port, "second");
        awaitHealthy(api);
        operator = api.signIn("demo.operator", DemoCredentials.PASSWORD);
        assertThat(api.get("/api/v1/meters?size=1", operator).json().get("total").asLong()).isEqualTo(1058);
        assertThat(api.get("/api/v1/consumers?q=AFTER-ACK", operator).json().get("total").asLong()).isEqualTo(1);
        assertThat(Files.readString(dataDir.resolve("second.log"))).contains("existing data reused");
        String meterId = api.get("/api/v1/meters/by-serial/" + meterSerial, operator).json().get("id").asString();
        assertThat(awaitStoredIntervals(api, operator, meterId)).as("the acknowledged batch is in the store").isEqualTo(4);

        server.destroy();
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        assertThat(dataDir.resolve("postgres/postmaster.pid")).as("embedded PostgreSQL stopped too").doesNotExist();
    }

    /** Four quarter-hours for an HPL meter, in vendor A's wire format. */
    private static String hplBatch(String serial) {
        return """
                {"batch_id": "kill-test", "meters": [{"serial": "%s", "intervals": [
                  {"end": "2026-11-20T10:15:00+05:30", "values": {"1.0.1.29.0.255": 0.21}},
                  {"end": "2026-11-20T10:30:00+05:30", "values": {"1.0.1.29.0.255": 0.22}},
                  {"end": "2026-11-20T10:45:00+05:30", "values": {"1.0.1.29.0.255": 0.23}},
                  {"end": "2026-11-20T11:00:00+05:30", "values": {"1.0.1.29.0.255": 0.24}}]}]}""".formatted(serial);
    }

    private static long awaitStoredIntervals(ApiClient api, String token, String meterId) throws InterruptedException {
        String range = "from=2026-11-20T10:00:00%2B05:30&to=2026-11-20T11:00:00%2B05:30";
        long stored = 0;
        for (int attempt = 0; attempt < 100 && stored < 4; attempt++) {
            stored = api.get("/api/v1/meters/" + meterId + "/consumption?" + range, token).json()
                    .get("total").get("intervals").asLong();
            if (stored < 4) Thread.sleep(200);
        }
        return stored;
    }

    private Process start(int port, String name) throws IOException {
        Files.createDirectories(dataDir);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar", new File("target/mdm-server.jar").getAbsolutePath());
        builder.environment().put("LOADER_PATH", new File("../simulator/target/mdm-simulator-lib.jar").getAbsolutePath());
        builder.environment().putAll(Map.of("MDM_DEMO", "true", "MDM_DEMO_BACKFILL_DAYS", "0", "MDM_PORT", String.valueOf(port),
                "MDM_DATA_DIR", dataDir.toString(), "MDM_ADMIN_PASSWORD", "it-platform-password"));
        builder.redirectErrorStream(true).redirectOutput(dataDir.resolve(name + ".log").toFile());
        return builder.start();
    }

    private void awaitHealthy(ApiClient api) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as("server process alive").isTrue();
            try {
                if (api.get("/actuator/health", null).status() == 200
                        && api.post("/api/v1/auth/token", null, Map.of("username", "demo.operator",
                        "password", DemoCredentials.PASSWORD)).status() == 200) {
                    return;
                }
            } catch (IllegalStateException notYetListening) {
                // connection refused while starting
            }
            Thread.sleep(500);
        }
        throw new AssertionError("server did not become healthy within 120 s");
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
