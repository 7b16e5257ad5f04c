package io.vidyut.mdm.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code mdm.outbox.*}: defaults, what a bad value says at start, which settings win, and the backoff. */
class OutboxSettingsTest {
    static OutboxSettings settings(Map<String, KindSettings> kinds) {
        return new OutboxSettings(null, null, null, null, null, null, null, kinds);
    }

    @Test
    void without_settings_the_defaults_hold() {
        OutboxSettings defaults = settings(null);
        assertThat(defaults.poll()).isEqualTo(Duration.ofMillis(500));
        assertThat(defaults.batchSize()).isEqualTo(100);
        assertThat(defaults.defaults()).isEqualTo(new KindSettings(8, Duration.ofSeconds(5), Duration.ofHours(1),
                Duration.ofMinutes(2), Duration.ofDays(30)));
    }

    @Test
    void a_bad_value_is_refused_with_the_property_it_came_from() {
        assertThatThrownBy(() -> new OutboxSettings(Duration.ZERO, null, null, null, null, null, null, null))
                .hasMessageContaining("mdm.outbox.poll");
        assertThatThrownBy(() -> new OutboxSettings(null, 0, null, null, null, null, null, null))
                .hasMessageContaining("mdm.outbox.batch-size");
        assertThatThrownBy(() -> new OutboxSettings(null, null, null, 0, null, null, null, null))
                .hasMessageContaining("mdm.outbox.max-attempts");
        assertThatThrownBy(() -> new OutboxSettings(null, null, null, null, Duration.ofMinutes(5), Duration.ofMinutes(1), null, null))
                .hasMessageContaining("mdm.outbox.backoff-cap");
        assertThatThrownBy(() -> new OutboxSettings(null, null, Duration.ofMillis(10), null, null, null, null, null))
                .hasMessageContaining("mdm.outbox.lease");
        assertThatThrownBy(() -> settings(Map.of("webhook", new KindSettings(null, null, null, null, Duration.ofDays(-1)))))
                .hasMessageContaining("mdm.outbox.kinds.webhook.retention");
        // a kind's own backoff above the outbox's cap is refused once the two meet
        assertThatThrownBy(() -> settings(null).policyOf("sms", new KindSettings(null, Duration.ofHours(2), null, null, null)))
                .hasMessageContaining("mdm.outbox.kinds.sms.backoff-cap");
    }

    @Test
    void a_kinds_own_settings_win_over_its_handlers_defaults_which_win_over_the_outboxs() {
        OutboxSettings settings = settings(Map.of("webhook", new KindSettings(12, null, null, null, null)));
        KindPolicy webhook = settings.policyOf("webhook", new KindSettings(3, Duration.ofSeconds(2), null, Duration.ofSeconds(40), null));
        assertThat(webhook).isEqualTo(new KindPolicy("webhook", 12, Duration.ofSeconds(2), Duration.ofHours(1),
                Duration.ofSeconds(40), Duration.ofDays(30)));
        assertThat(settings.policyOf("sms", KindSettings.NONE)).isEqualTo(new KindPolicy("sms", 8, Duration.ofSeconds(5),
                Duration.ofHours(1), Duration.ofMinutes(2), Duration.ofDays(30)));
    }

    @Test
    void the_backoff_doubles_per_attempt_up_to_the_cap_and_a_handlers_wait_stays_within_a_day() {
        KindPolicy policy = new KindPolicy("x", 50, Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofMinutes(2),
                Duration.ofDays(1));
        assertThat(policy.backoffAfter(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.backoffAfter(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(policy.backoffAfter(4)).isEqualTo(Duration.ofSeconds(40));
        assertThat(policy.backoffAfter(5)).isEqualTo(Duration.ofMinutes(1));
        assertThat(policy.backoffAfter(49)).isEqualTo(Duration.ofMinutes(1));
        assertThat(KindPolicy.retryAfter(Duration.ofDays(3))).isEqualTo(Duration.ofDays(1));
        assertThat(KindPolicy.retryAfter(Duration.ofSeconds(-3))).isEqualTo(Duration.ZERO);
    }
}
