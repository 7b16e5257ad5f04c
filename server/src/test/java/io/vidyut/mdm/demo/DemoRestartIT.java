package io.vidyut.mdm.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.ApiClient;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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

        server.destroyForcibly().waitFor(30, TimeUnit.SECONDS);

        server = start(port, "second");
        awaitHealthy(api);
        operator = api.signIn("demo.operator", DemoCredentials.PASSWORD);
        assertThat(api.get("/api/v1/meters?size=1", operator).json().get("total").asLong()).isEqualTo(1058);
        assertThat(api.get("/api/v1/consumers?q=AFTER-ACK", operator).json().get("total").asLong()).isEqualTo(1);
        assertThat(Files.readString(dataDir.resolve("second.log"))).contains("existing data reused");

        server.destroy();
        assertThat(server.waitFor(60, TimeUnit.SECONDS)).as("stops on SIGTERM").isTrue();
        assertThat(dataDir.resolve("postgres/postmaster.pid")).as("embedded PostgreSQL stopped too").doesNotExist();
    }

    private Process start(int port, String name) throws IOException {
        Files.createDirectories(dataDir);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-jar", new File("target/mdm-server.jar").getAbsolutePath());
        builder.environment().putAll(Map.of("MDM_DEMO", "true", "MDM_PORT", String.valueOf(port),
                "MDM_DATA_DIR", dataDir.toString(), "MDM_ADMIN_PASSWORD", "it-admin-password"));
        builder.redirectErrorStream(true).redirectOutput(dataDir.resolve(name + ".log").toFile());
        return builder.start();
    }

    private void awaitHealthy(ApiClient api) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
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
