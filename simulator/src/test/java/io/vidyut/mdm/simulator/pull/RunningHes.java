package io.vidyut.mdm.simulator.pull;

import io.vidyut.mdm.simulator.RunStats;
import io.vidyut.mdm.simulator.Simulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A simulator serving pulls on a free loopback port, run on its own thread, and a client to ask it. */
final class RunningHes implements AutoCloseable {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    final Simulator simulator;
    final int port;
    private final CompletableFuture<RunStats> run = new CompletableFuture<>();

    private RunningHes(Simulator simulator) {
        this.simulator = simulator;
        Thread thread = new Thread(() -> {
            try {
                run.complete(simulator.run());
            } catch (Throwable e) {
                run.completeExceptionally(e);
            }
        }, "simulated-hes");
        thread.setDaemon(true);
        thread.start();
        this.port = simulator.awaitPullPort(Duration.ofSeconds(60));
    }

    static RunningHes start(Simulator.Builder builder) {
        return new RunningHes(builder.servePulls(0).build());
    }

    /** GET {@code pathAndQuery} with {@code key} in X-Hes-Key (none when null). */
    HttpResponse<byte[]> get(String pathAndQuery, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
                .timeout(Duration.ofSeconds(30)).GET();
        if (key != null) {
            request.header(PullServer.KEY_HEADER, key);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (Exception e) {
            throw new AssertionError("GET " + pathAndQuery + " failed", e);
        }
    }

    /** POST {@code body} (JSON) to {@code path} with {@code key} in X-Hes-Key. */
    HttpResponse<String> post(String path, String key, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30)).header(PullServer.KEY_HEADER, key)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError("POST " + path + " failed", e);
        }
    }

    /** Stops the simulator and returns its stats. */
    RunStats stop() {
        simulator.stop();
        try {
            return run.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the simulator did not end after stop()", e);
        }
    }

    @Override
    public void close() {
        if (!run.isDone()) {
            stop();
        }
    }
}
