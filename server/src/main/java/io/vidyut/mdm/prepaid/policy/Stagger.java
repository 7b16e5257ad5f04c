package io.vidyut.mdm.prepaid.policy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Send times for disconnections that wait for a window to open, spread so that no feeder gets more than
 * {@code perFeeder} of them in any {@code spreadMinutes} (any half-open span of that length): a feeder's sends are
 * {@code spreadMinutes / perFeeder} apart (at least), and each is at least {@code spreadMinutes} after the one
 * {@code perFeeder} before it. The order given (e.g. the most negative balance first) is kept within each feeder;
 * feeders do not wait for each other. Accounts whose feeder is not known are spread as one feeder. Deterministic.
 */
public final class Stagger {
    private Stagger() {}

    /** A disconnection waiting to be sent. */
    public record Pending(UUID accountId, UUID feederId) {}

    /** When to send it: null when the calendar allows no send within its search. */
    public record Send(UUID accountId, UUID feederId, Instant at) {}

    /** Send times from {@code opensAt}, as if the window never closed; in the order given. */
    public static List<Send> schedule(List<Pending> pending, Instant opensAt, int perFeeder, int spreadMinutes) {
        return schedule(pending, opensAt, perFeeder, spreadMinutes, UnaryOperator.identity());
    }

    /** Send times under the tenant's policy: its spread, and a send falling where the calendar protects waits for the next opening. */
    public static List<Send> schedule(PrepaidPolicy policy, HolidayCalendar holidays, ZoneId zone, List<Pending> pending,
                                      Instant opensAt) {
        return schedule(pending, opensAt, policy.spreadPerFeeder(), policy.spreadMinutes(),
                at -> AllowedWindows.nextOpening(policy, holidays, at, zone));
    }

    /**
     * @param nextAllowed the first instant at or after the one given at which a disconnection may be sent (null: none);
     *                    a send moved later by it only widens the spacing, so the limit still holds
     */
    public static List<Send> schedule(List<Pending> pending, Instant opensAt, int perFeeder, int spreadMinutes,
                                      UnaryOperator<Instant> nextAllowed) {
        if (perFeeder < 1 || spreadMinutes < 1) throw new IllegalArgumentException("perFeeder and spreadMinutes must be positive");
        Duration spread = Duration.ofMinutes(spreadMinutes);
        Duration gap = spread.dividedBy(perFeeder);
        Map<UUID, List<Instant>> sentByFeeder = new HashMap<>();
        List<Send> sends = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            List<Instant> sent = sentByFeeder.computeIfAbsent(p.feederId(), feeder -> new ArrayList<>());
            Instant at = null;
            boolean blocked = !sent.isEmpty() && sent.get(sent.size() - 1) == null;
            if (!blocked) {
                at = opensAt;
                int k = sent.size();
                if (k >= 1) at = later(at, sent.get(k - 1).plus(gap));
                if (k >= perFeeder) at = later(at, sent.get(k - perFeeder).plus(spread));
                at = nextAllowed.apply(at);
            }
            sent.add(at);
            sends.add(new Send(p.accountId(), p.feederId(), at));
        }
        return sends;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
