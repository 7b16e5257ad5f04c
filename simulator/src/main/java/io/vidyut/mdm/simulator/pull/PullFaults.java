package io.vidyut.mdm.simulator.pull;

import io.vidyut.mdm.simulator.load.Noise;
import java.time.Duration;

/**
 * The faults an unreliable HES shows: a slow answer, or 503. Whether request n fails is a hash of (seed, n), not
 * a sequence of draws, so the same seed fails the same request numbers in every run.
 */
final class PullFaults {
    private static final long KEY = Noise.keyOf("pull-failures");
    private static final int TAG_FAIL = 601;

    private final long seed;
    private final double failureRate;
    private final Duration delay;

    PullFaults(long seed, double failureRate, Duration delay) {
        this.seed = seed;
        this.failureRate = failureRate;
        this.delay = delay;
    }

    /** Whether to answer request {@code requestNo} (0-based, in arrival order) with 503. */
    boolean fails(long requestNo) {
        return failureRate > 0 && Noise.unit(seed, KEY, requestNo, TAG_FAIL) < failureRate;
    }

    /** Sleeps the configured delay; false when interrupted (the server is closing). */
    boolean stall() {
        if (delay.isZero()) {
            return true;
        }
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
