package io.vidyut.mdm.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The packaged server started as an operator would start it, on fresh embedded defaults. */
final class ServerProcess implements AutoCloseable {
    private final Process process;
    final String baseUrl;

    private ServerProcess(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    static ServerProcess start(Path jar, Path dataDir, Map<String, String> environment, String javaOptions)
            throws IOException, InterruptedException {
        int port = freePort();
        java.util.List<String> command = new java.util.ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(java.util.Arrays.asList(javaOptions.trim().split("\\s+"))); // several options in one flag
        command.addAll(java.util.List.of("-jar", jar.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command);
        // a benchmark holds one sign-in for its whole run, longer than an access token lives by default
        builder.environment().put("MDM_TOKEN_TTL", "PT12H");
        builder.environment().putAll(environment);
        builder.environment().put("MDM_PORT", String.valueOf(port));
        builder.environment().put("MDM_DATA_DIR", dataDir.toString());
        builder.redirectErrorStream(true).redirectOutput(dataDir.resolve("server.log").toFile());
        ServerProcess server = new ServerProcess(builder.start(), "http://127.0.0.1:" + port);
        server.awaitHealthy(Duration.ofSeconds(180));
        return server;
    }

    /** What a benchmark measures against a running server. */
    interface Measurement {
        Map<String, Object> measure(BenchApi api) throws Exception;
    }

    /**
     * A fresh server on embedded defaults in a new data directory (left for inspection) with the platform admin's
     * password and this environment, measured, then stopped.
     */
    static Map<String, Object> measureFresh(Path jar, Map<String, String> environment, String javaOptions, Measurement measurement)
            throws Exception {
        Path dataDir = java.nio.file.Files.createTempDirectory("mdm-bench-");
        Map<String, String> env = new java.util.HashMap<>(environment);
        env.put("MDM_ADMIN_PASSWORD", IngestBench.ADMIN_PASSWORD);
        try (ServerProcess server = start(jar, dataDir, env, javaOptions)) {
            return measurement.measure(new BenchApi(server.baseUrl));
        } finally {
            System.err.println("bench data left in " + dataDir + " (delete it when done)");
        }
    }

    private void awaitHealthy(Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) throw new IllegalStateException("server exited; see its server.log");
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/actuator/health"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) return;
            } catch (IOException starting) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("server not healthy within " + timeout.toSeconds() + " s");
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) process.destroyForcibly();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
