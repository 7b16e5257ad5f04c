package io.vidyut.mdm.simulator.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(8, Duration.ofMillis(100), Duration.ofSeconds(2));

    @Test
    void delaysGrowExponentiallyUpToTheCapWithJitter() {
        for (int i = 0; i < 200; i++) {
            assertThat(policy.delayAfter(1, null)).isBetween(Duration.ZERO, Duration.ofMillis(100));
            assertThat(policy.delayAfter(3, null)).isBetween(Duration.ZERO, Duration.ofMillis(400));
            assertThat(policy.delayAfter(12, null)).isBetween(Duration.ZERO, Duration.ofSeconds(2));
        }
        long sumFirst = 0;
        long sumFourth = 0;
        for (int i = 0; i < 500; i++) {
            sumFirst += policy.delayAfter(1, null).toMillis();
            sumFourth += policy.delayAfter(4, null).toMillis();
        }
        assertThat(sumFourth).isGreaterThan(4 * sumFirst);
    }

    @Test
    void retryAfterIsAFloor() {
        assertThat(policy.delayAfter(1, Duration.ofSeconds(1))).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void retriesRateLimitsAndServerFailuresOnly() {
        assertThat(RetryPolicy.retryable(429)).isTrue();
        assertThat(RetryPolicy.retryable(503)).isTrue();
        assertThat(RetryPolicy.retryable(500)).isTrue();
        assertThat(RetryPolicy.retryable(400)).isFalse();
        assertThat(RetryPolicy.retryable(401)).isFalse();
        assertThat(RetryPolicy.retryable(413)).isFalse();
    }
}
