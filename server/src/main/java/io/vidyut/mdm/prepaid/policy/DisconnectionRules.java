package io.vidyut.mdm.prepaid.policy;

import io.vidyut.mdm.prepaid.policy.AllowedWindows.Protection;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Whether an account in negative balance may be disconnected now, and if not, which rule holds it back and when it
 * will go. Pure: the caller gives the policy, the holidays, what it knows of the account, the instant and the tenant's
 * zone, and how many disconnections the account's DT has had today.
 *
 * <p>The rules, in the order they are reported ({@link HoldingRule}'s order):
 * <ol>
 * <li>Rules that hold until something happens, so that no time can be given ({@code goesAt} null): no notice sent
 *     ({@code NO_NOTICE_SENT}: a disconnection is never sent without one), the consumer's validated data older than
 *     {@code stale_data_hours} or absent ({@code STALE_DATA}), the consumer's data under VEE review
 *     ({@code VEE_REVIEW}).</li>
 * <li>Rules that hold until a time: the grace days after conversion (to the tenant-local midnight ending them), the
 *     emergency credit days from the balance reaching zero (unless the balance is below minus the emergency credit
 *     limit), the minimum notice after the last notice sent.</li>
 * <li>The calendar ({@link AllowedWindows}): protected weekday, second Saturday, public holiday, protected hours.</li>
 * <li>The DT's daily cap: when the disconnection would go today and the DT has had its cap today, it goes in the
 *     next tenant-local day's first window.</li>
 * </ol>
 * {@code goesAt} is the latest of now and the ends of the time rules, moved to the calendar's next opening (and by the
 * DT cap); the explanation lists every rule met on the way.
 */
public final class DisconnectionRules {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm zzz", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd", Locale.ENGLISH);

    private DisconnectionRules() {}

    /** A rule that holds until a time, and why, in words. */
    private record Until(HoldingRule rule, Instant end, String why) {}

    /**
     * @param dtDisconnectionsToday the disconnections the account's DT has had so far this tenant-local day
     * @throws IllegalArgumentException when the balance is not positive and {@code zeroSince} is not known
     */
    public static Decision decide(PrepaidPolicy policy, HolidayCalendar holidays, AccountFacts facts, Instant now, ZoneId zone,
                                  int dtDisconnectionsToday) {
        if (facts.balance().signum() > 0) {
            return new Decision(Verdict.NOT_DUE, null, "The balance (" + rupees(facts.balance()) + ") is positive.", null);
        }
        if (facts.zeroSince() == null) {
            throw new IllegalArgumentException("account " + facts.accountId() + " is not in credit but zeroSince is not known");
        }

        List<HoldingRule> waiting = new ArrayList<>();
        List<String> waitingFor = new ArrayList<>();
        if (facts.lastNoticeAt() == null) {
            waiting.add(HoldingRule.NO_NOTICE_SENT);
            waitingFor.add("no low-balance or disconnection notice has been sent: one must reach the consumer first");
        }
        if (facts.lastValidatedDataAt() == null) {
            waiting.add(HoldingRule.STALE_DATA);
            waitingFor.add("the consumer has no validated data: disconnection waits for it");
        } else if (facts.lastValidatedDataAt().isBefore(now.minus(Duration.ofHours(policy.staleDataHours())))) {
            waiting.add(HoldingRule.STALE_DATA);
            waitingFor.add("the consumer's latest validated data (to " + when(facts.lastValidatedDataAt(), zone)
                    + ") is older than " + policy.staleDataHours() + " h: disconnection waits for fresh validated data");
        }
        if (facts.underVeeReview()) {
            waiting.add(HoldingRule.VEE_REVIEW);
            waitingFor.add("the consumer's data is under VEE review: disconnection waits until it is resolved");
        }

        List<Until> timed = new ArrayList<>();
        String emergencyUsedUp = null;
        if (facts.convertedOn() != null && policy.graceDaysAfterConversion() > 0) {
            Instant end = AllowedWindows.startOf(facts.convertedOn().plusDays(policy.graceDaysAfterConversion()), zone);
            if (end.isAfter(now)) {
                timed.add(new Until(HoldingRule.GRACE_AFTER_CONVERSION, end, "in the " + policy.graceDaysAfterConversion()
                        + " days' grace after conversion to prepaid on " + day(facts.convertedOn()) + ", until " + when(end, zone)));
            }
        }
        if (policy.emergencyCreditDays() > 0) {
            Instant end = facts.zeroSince().atZone(zone).plusDays(policy.emergencyCreditDays()).toInstant();
            BigDecimal limit = policy.emergencyCreditLimit();
            if (end.isAfter(now)) {
                if (limit != null && facts.balance().compareTo(limit.negate()) < 0) {
                    emergencyUsedUp = "the emergency credit is used up: the balance (" + rupees(facts.balance())
                            + ") is below the limit of " + rupees(limit.negate());
                } else {
                    timed.add(new Until(HoldingRule.EMERGENCY_CREDIT, end, "on " + policy.emergencyCreditDays()
                            + " days' emergency credit from the balance reaching zero at " + when(facts.zeroSince(), zone)
                            + ", until " + when(end, zone)));
                }
            }
        }
        if (facts.lastNoticeAt() != null) {
            Instant end = facts.lastNoticeAt().plus(Duration.ofMinutes(policy.minimumNoticeMinutes()));
            if (end.isAfter(now)) {
                timed.add(new Until(HoldingRule.MINIMUM_NOTICE, end, "the last notice was sent at " + when(facts.lastNoticeAt(), zone)
                        + ": the minimum notice of " + duration(policy.minimumNoticeMinutes()) + " runs until " + when(end, zone)));
            }
        }

        Instant earliest = now;
        for (Until until : timed) if (until.end().isAfter(earliest)) earliest = until.end();
        Instant goes = AllowedWindows.nextOpening(policy, holidays, earliest, zone);
        List<String> calendar = new ArrayList<>();
        for (Protection met : AllowedWindows.protectionsBetween(policy, holidays, earliest, goes, zone)) {
            calendar.add(describe(met, policy, holidays));
        }
        LocalDate today = LocalDate.ofInstant(now, zone);
        boolean capped = goes != null && facts.dtId() != null && dtDisconnectionsToday >= policy.dailyCapPerDt()
                && LocalDate.ofInstant(goes, zone).equals(today);
        if (capped) {
            Instant tomorrow = AllowedWindows.startOf(today.plusDays(1), zone);
            calendar.add("the DT has had its daily cap of " + policy.dailyCapPerDt() + " disconnections today");
            goes = AllowedWindows.nextOpening(policy, holidays, tomorrow, zone);
            for (Protection met : AllowedWindows.protectionsBetween(policy, holidays, tomorrow, goes, zone)) {
                calendar.add(describe(met, policy, holidays));
            }
        }

        if (!waiting.isEmpty()) {
            StringBuilder why = new StringBuilder(sentence(String.join("; ", waitingFor)));
            List<String> also = new ArrayList<>();
            timed.forEach(until -> also.add(until.why()));
            if (emergencyUsedUp != null) also.add(emergencyUsedUp);
            if (!also.isEmpty()) why.append(" Also ").append(String.join("; ", also)).append('.');
            return new Decision(Verdict.HOLD, waiting.get(0), why.toString(), null);
        }
        HoldingRule rule = !timed.isEmpty() ? timed.get(0).rule()
                : AllowedWindows.protection(policy, holidays, now, zone) != null ? AllowedWindows.protection(policy, holidays, now, zone)
                : capped ? HoldingRule.DT_DAILY_CAP : null;
        List<String> steps = new ArrayList<>();
        if (emergencyUsedUp != null) steps.add(emergencyUsedUp);
        timed.forEach(until -> steps.add(until.why()));
        steps.addAll(calendar);
        if (rule == null) {
            String why = "Every rule allows disconnection now" + (steps.isEmpty() ? "." : ": " + String.join("; ", steps) + ".");
            return new Decision(Verdict.DISCONNECT, null, why, now);
        }
        String ending = goes == null ? " No day is open for disconnection in the next " + AllowedWindows.SEARCH_DAYS + " days."
                : " Goes at " + when(goes, zone) + ".";
        return new Decision(Verdict.HOLD, rule, sentence(String.join("; then ", steps)) + ending, goes);
    }

    private static String describe(Protection met, PrepaidPolicy policy, HolidayCalendar holidays) {
        return switch (met.rule()) {
            case PROTECTED_HOURS -> "protected hours " + policy.protectedFrom() + "–" + policy.protectedUntil();
            case PROTECTED_WEEKDAY -> day(met.day()) + " is a protected weekday";
            case SECOND_SATURDAY -> day(met.day()) + " is the second Saturday of the month";
            case PUBLIC_HOLIDAY -> day(met.day()) + " is a public holiday (" + holidays.nameOf(met.day()) + ")";
            default -> throw new IllegalStateException("not a calendar rule: " + met.rule());
        };
    }

    private static String sentence(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1) + (text.endsWith(".") ? "" : ".");
    }

    static String when(Instant at, ZoneId zone) {
        return WHEN.format(at.atZone(zone));
    }

    private static String day(LocalDate day) {
        return DAY.format(day);
    }

    private static String duration(int minutes) {
        return minutes % 60 == 0 ? minutes / 60 + " h" : minutes + " min";
    }

    private static String rupees(BigDecimal amount) {
        return (amount.signum() < 0 ? "−₹" : "₹") + amount.abs().toPlainString();
    }
}
