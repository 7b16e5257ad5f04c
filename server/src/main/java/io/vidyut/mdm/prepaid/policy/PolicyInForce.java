package io.vidyut.mdm.prepaid.policy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * A tenant's prepaid policy as it stands at one instant ({@link PrepaidPolicyStore#inForce()}): the policy, the
 * holidays loaded for it, the tenant's zone and the instant, so that many accounts are decided on the same reading.
 */
public record PolicyInForce(PrepaidPolicy policy, HolidayCalendar holidays, ZoneId zone, Instant now) {

    /** What the policy says of this account now; see {@link DisconnectionRules#decide}. */
    public Decision decide(AccountFacts facts, int dtDisconnectionsToday) {
        return DisconnectionRules.decide(policy, holidays, facts, now, zone, dtDisconnectionsToday);
    }

    /** {@code from} if disconnection is allowed then, else the calendar's next opening (null: none). */
    public Instant nextOpening(Instant from) {
        return AllowedWindows.nextOpening(policy, holidays, from, zone);
    }

    /** Send times for these disconnections from {@code opensAt}, spread per feeder and within the allowed windows. */
    public List<Stagger.Send> stagger(List<Stagger.Pending> pending, Instant opensAt) {
        return Stagger.schedule(policy, holidays, zone, pending, opensAt);
    }

    /** The tenant-local day of {@link #now()}: the day a DT's disconnections are counted in. */
    public LocalDate today() {
        return LocalDate.ofInstant(now, zone);
    }
}
