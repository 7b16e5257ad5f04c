package io.vidyut.mdm.simulator.pull;

import java.time.Duration;
import java.util.Objects;

/**
 * How the pull server listens and misbehaves.
 *
 * @param host        address to bind (127.0.0.1 keeps the simulated HES private to this machine)
 * @param port        TCP port; 0 picks a free one ({@link PullServer#port()} tells which)
 * @param key         the value requests must carry in {@link PullServer#KEY_HEADER}
 * @param failureRate share of requests answered 503 (0 … 1), to exercise the MDM's retries and circuit breaker
 * @param delay       wait before answering any request, to exercise the MDM's timeout
 * @param seed        which requests fail is a function of (seed, request number), so a run can be repeated
 */
public record PullSettings(String host, int port, String key, double failureRate, Duration delay, long seed) {
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final String DEFAULT_KEY = "hes-secret";

    public PullSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(delay, "delay");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("pull port must be within 0..65535, got " + port);
        }
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("the pull key must not be empty");
        }
        if (!(failureRate >= 0 && failureRate <= 1)) {
            throw new IllegalArgumentException("pull failure rate must be within 0..1, got " + failureRate);
        }
        if (delay.isNegative()) {
            throw new IllegalArgumentException("pull delay must not be negative");
        }
    }

    /** Port {@code port} on loopback, the default key, no faults. */
    public static PullSettings onPort(int port) {
        return new PullSettings(DEFAULT_HOST, port, DEFAULT_KEY, 0, Duration.ZERO, 42);
    }

    public PullSettings withPort(int newPort) {
        return new PullSettings(host, newPort, key, failureRate, delay, seed);
    }

    public PullSettings withHost(String newHost) {
        return new PullSettings(newHost, port, key, failureRate, delay, seed);
    }

    public PullSettings withKey(String newKey) {
        return new PullSettings(host, port, newKey, failureRate, delay, seed);
    }

    public PullSettings withFailureRate(double rate) {
        return new PullSettings(host, port, key, rate, delay, seed);
    }

    public PullSettings withDelay(Duration newDelay) {
        return new PullSettings(host, port, key, failureRate, newDelay, seed);
    }

    public PullSettings withSeed(long newSeed) {
        return new PullSettings(host, port, key, failureRate, delay, newSeed);
    }
}
