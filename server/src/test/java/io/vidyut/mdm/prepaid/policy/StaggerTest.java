package io.vidyut.mdm.prepaid.policy;

import static io.vidyut.mdm.prepaid.policy.Policies.IST;
import static io.vidyut.mdm.prepaid.policy.Policies.ist;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vidyut.mdm.prepaid.policy.Stagger.Pending;
import io.vidyut.mdm.prepaid.policy.Stagger.Send;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Disconnections waiting for a window are spread so that no feeder is switched at once. */
class StaggerTest {
    static final UUID FEEDER_A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID FEEDER_B = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    static List<Pending> pending(UUID feeder, int count) {
        List<Pending> pending = new ArrayList<>();
        for (int i = 0; i < count; i++) pending.add(new Pending(UUID.nameUUIDFromBytes((feeder + "/" + i).getBytes()), feeder));
        return pending;
    }

    static List<Duration> offsets(List<Send> sends, Instant from) {
        return sends.stream().map(s -> Duration.between(from, s.at())).toList();
    }

    @Test
    void a_feeders_disconnections_are_spaced_evenly_five_per_ten_minutes() {
        Instant opens = ist("2026-11-23T08:00");
        List<Send> sends = Stagger.schedule(pending(FEEDER_A, 12), opens, 5, 10);
        List<Duration> expected = new ArrayList<>();
        for (int k = 0; k < 12; k++) expected.add(Duration.ofMinutes(2L * k));
        assertThat(offsets(sends, opens)).containsExactlyElementsOf(expected);
        assertThat(sends).extracting(Send::accountId).containsExactlyElementsOf(pending(FEEDER_A, 12).stream().map(Pending::accountId).toList());
        assertAtMost(sends, 5, Duration.ofMinutes(10));
    }

    @Test
    void feeders_do_not_wait_for_each_other_and_the_order_given_is_kept() {
        Instant opens = ist("2026-11-23T08:00");
        List<Pending> pending = new ArrayList<>();
        List<Pending> a = pending(FEEDER_A, 3), b = pending(FEEDER_B, 3);
        for (int i = 0; i < 3; i++) {
            pending.add(a.get(i));
            pending.add(b.get(i));
        }
        List<Send> sends = Stagger.schedule(pending, opens, 1, 5);
        assertThat(sends).extracting(Send::accountId).containsExactlyElementsOf(pending.stream().map(Pending::accountId).toList());
        assertThat(offsets(sends, opens)).containsExactly(Duration.ZERO, Duration.ZERO, Duration.ofMinutes(5), Duration.ofMinutes(5),
                Duration.ofMinutes(10), Duration.ofMinutes(10));
    }

    @Test
    void any_span_of_the_spread_holds_at_most_the_limit_when_it_does_not_divide_evenly() {
        Random random = new Random(16);
        List<UUID> feeders = List.of(FEEDER_A, FEEDER_B, UUID.fromString("00000000-0000-0000-0000-00000000000c"));
        List<Pending> pending = new ArrayList<>();
        for (int i = 0; i < 200; i++) pending.add(new Pending(new UUID(0, i), feeders.get(random.nextInt(3))));
        Instant opens = ist("2026-11-23T08:00");
        List<Send> sends = Stagger.schedule(pending, opens, 3, 7);
        assertAtMost(sends, 3, Duration.ofMinutes(7));
        assertThat(Stagger.schedule(pending, opens, 3, 7)).as("deterministic").isEqualTo(sends);
        // within a feeder, in the order given
        Map<UUID, Instant> last = new HashMap<>();
        for (Send send : sends) {
            Instant before = last.put(send.feederId(), send.at());
            if (before != null) assertThat(send.at()).isAfter(before);
        }
        // and no later than needed: a feeder's sends are 7/3 minutes apart
        List<Send> onA = sends.stream().filter(s -> s.feederId().equals(FEEDER_A)).toList();
        assertThat(Duration.between(onA.get(0).at(), onA.get(3).at())).isEqualTo(Duration.ofMinutes(7));
        assertThat(Duration.between(onA.get(0).at(), onA.get(1).at())).isEqualTo(Duration.ofSeconds(140));
    }

    @Test
    void accounts_of_no_known_feeder_are_spread_together() {
        Instant opens = ist("2026-11-23T08:00");
        List<Send> sends = Stagger.schedule(List.of(new Pending(new UUID(0, 1), null), new Pending(new UUID(0, 2), null)), opens, 1, 10);
        assertThat(offsets(sends, opens)).containsExactly(Duration.ZERO, Duration.ofMinutes(10));
    }

    @Test
    void under_the_policy_sends_that_would_fall_in_protected_hours_wait_for_the_next_window() {
        PrepaidPolicy policy = PrepaidPolicy.DEFAULTS; // 5 per feeder per 10 minutes, 18:00–08:00, Sundays
        Instant opens = ist("2026-11-21T17:52"); // a third Saturday
        List<Send> sends = Stagger.schedule(policy, HolidayCalendar.NONE, IST, pending(FEEDER_A, 7), opens);
        assertThat(sends).extracting(Send::at).containsExactly(ist("2026-11-21T17:52"), ist("2026-11-21T17:54"),
                ist("2026-11-21T17:56"), ist("2026-11-21T17:58"), ist("2026-11-23T08:00"), ist("2026-11-23T08:02"),
                ist("2026-11-23T08:04"));
        assertAtMost(sends, 5, Duration.ofMinutes(10));
        PolicyInForce inForce = new PolicyInForce(policy, HolidayCalendar.NONE, IST, opens);
        assertThat(inForce.stagger(pending(FEEDER_A, 7), opens)).isEqualTo(sends);
        // a calendar that never opens: no send time
        PrepaidPolicy moratorium = Policies.defaults().weekdays(java.time.DayOfWeek.values()).build();
        assertThat(Stagger.schedule(moratorium, HolidayCalendar.NONE, IST, pending(FEEDER_A, 2), opens))
                .extracting(Send::at).containsOnlyNulls();
    }

    @Test
    void nothing_to_spread_and_wrong_limits() {
        assertThat(Stagger.schedule(List.of(), Instant.EPOCH, 5, 10)).isEmpty();
        assertThatThrownBy(() -> Stagger.schedule(pending(FEEDER_A, 1), Instant.EPOCH, 0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Stagger.schedule(pending(FEEDER_A, 1), Instant.EPOCH, 5, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** No feeder has more than {@code most} sends in any half-open span of {@code spread}. */
    static void assertAtMost(List<Send> sends, int most, Duration spread) {
        Map<UUID, List<Instant>> byFeeder = new HashMap<>();
        for (Send send : sends) byFeeder.computeIfAbsent(send.feederId(), f -> new ArrayList<>()).add(Objects.requireNonNull(send.at()));
        byFeeder.forEach((feeder, times) -> {
            List<Instant> sorted = times.stream().sorted().toList();
            for (int i = 0; i + most < sorted.size(); i++) {
                assertThat(Duration.between(sorted.get(i), sorted.get(i + most))).as("feeder %s from send %d", feeder, i)
                        .isGreaterThanOrEqualTo(spread);
            }
        });
    }
}
