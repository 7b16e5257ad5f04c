package io.vidyut.mdm.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vidyut.mdm.testing.ManualClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Failed sign-ins are limited per address, and an account is locked for a while after wrong passwords in a row. */
class SignInGuardTest {
    final ManualClock clock = new ManualClock(Instant.parse("2026-11-26T04:00:00Z"));
    final SignInGuard guard = new SignInGuard(clock, new SignInProperties(3, 5, Duration.ofMinutes(15)));

    @Test
    void an_address_that_failed_too_often_is_refused_while_another_address_is_not() {
        for (int i = 0; i < 3; i++) {
            guard.check("user" + i, "10.0.0.1");
            guard.failed("user" + i, "10.0.0.1");
        }
        assertThatThrownBy(() -> guard.check("someone-else", "10.0.0.1")).isInstanceOf(SignInGuard.Throttled.class)
                .hasMessageContaining("this address");
        assertThatCode(() -> guard.check("someone-else", "10.0.0.2")).doesNotThrowAnyException();
    }

    @Test
    void successes_do_not_count_against_the_address() {
        for (int i = 0; i < 10; i++) {
            guard.check("clerk" + i, "10.0.0.9");
            guard.succeeded("clerk" + i);
        }
        assertThatCode(() -> guard.check("clerk", "10.0.0.9")).doesNotThrowAnyException();
    }

    @Test
    void five_wrong_passwords_in_a_row_lock_the_account_until_the_lock_runs_out() {
        for (int i = 0; i < 4; i++) assertThat(guard.failed("Ravi", "10.0.1." + i)).isFalse();
        assertThat(guard.failed("ravi", "10.0.1.9")).as("the fifth, whatever the case and address").isTrue();

        assertThatThrownBy(() -> guard.check("RAVI", "10.0.2.1")).isInstanceOf(SignInGuard.Throttled.class)
                .satisfies(e -> assertThat(((SignInGuard.Throttled) e).retryAfterSeconds()).isEqualTo(15 * 60));

        clock.advance(Duration.ofMinutes(15));
        assertThatCode(() -> guard.check("ravi", "10.0.2.1")).doesNotThrowAnyException();
        assertThat(guard.failed("ravi", "10.0.2.1")).as("the count starts again after a lock").isFalse();
    }

    @Test
    void a_right_password_clears_the_count() {
        for (int i = 0; i < 4; i++) guard.failed("meena", "10.0.3.1");
        guard.succeeded("meena");
        assertThat(guard.failed("meena", "10.0.3.1")).isFalse();
    }
}
