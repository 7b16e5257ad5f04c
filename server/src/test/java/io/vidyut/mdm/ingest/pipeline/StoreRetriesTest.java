package io.vidyut.mdm.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StoreRetriesTest {

    @Test
    void the_wait_doubles_from_the_first_backoff_and_stops_growing_at_ten_seconds() {
        StoreRetries retries = new StoreRetries(5, Duration.ofMillis(200));
        assertThat(retries.backoffAfter(1)).isEqualTo(Duration.ofMillis(200));
        assertThat(retries.backoffAfter(2)).isEqualTo(Duration.ofMillis(400));
        assertThat(retries.backoffAfter(4)).isEqualTo(Duration.ofMillis(1600));
        assertThat(retries.backoffAfter(StoreRetries.MOST_ATTEMPTS)).isEqualTo(StoreRetries.LONGEST_BACKOFF);
        assertThat(new StoreRetries(3, Duration.ofMinutes(1)).backoffAfter(1)).isEqualTo(StoreRetries.LONGEST_BACKOFF);
    }

    @Test
    void every_wait_of_the_most_attempts_together_stays_well_within_kafka_s_five_minute_poll_interval() {
        StoreRetries slowest = new StoreRetries(StoreRetries.MOST_ATTEMPTS, StoreRetries.LONGEST_BACKOFF);
        Duration total = Duration.ZERO;
        for (int failed = 1; failed < slowest.maxAttempts(); failed++) total = total.plus(slowest.backoffAfter(failed));
        assertThat(total).isLessThan(Duration.ofMinutes(4));
    }

    @Test
    void at_least_one_attempt_and_at_most_twenty() {
        assertThatThrownBy(() -> new StoreRetries(0, Duration.ofMillis(200))).hasMessageContaining("mdm.kafka.max-store-attempts");
        assertThatThrownBy(() -> new StoreRetries(21, Duration.ofMillis(200))).hasMessageContaining("between 1 and 20");
        assertThatThrownBy(() -> new StoreRetries(5, Duration.ofMillis(-1))).hasMessageContaining("store-retry-backoff");
    }
}
