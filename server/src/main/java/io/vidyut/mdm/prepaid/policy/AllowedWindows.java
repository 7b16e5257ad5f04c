package io.vidyut.mdm.prepaid.policy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * When a policy's calendar allows disconnection: not in the protected hours, not on a protected weekday, not on the
 * second Saturday of the month, not on a public holiday (each as the policy says), all tenant-local. A protected day
 * protects the whole tenant-local day; protected hours that wrap midnight (18:00–08:00) protect evenings and mornings.
 *
 * <p>Whether disconnection is allowed changes only at a day's start, at the protected hours' ends and at the zone's
 * offset changes; those are the boundaries walked, so the answers are exact in any zone (IST has no daylight saving,
 * but a local time that does not exist or exists twice is handled). Searches stop {@link #SEARCH_DAYS} days ahead.
 * Pure: no clock, no database.
 */
public final class AllowedWindows {
    /** How far ahead an opening is looked for: beyond, the policy is taken never to allow disconnection. */
    public static final int SEARCH_DAYS = 400;

    private AllowedWindows() {}

    /** A span in which disconnection is allowed: from {@code start} (included) to {@code end} (excluded). */
    public record Window(Instant start, Instant end) {}

    /**
     * The calendar rule that protects this instant, in the order whole days first (protected weekday, second Saturday,
     * public holiday), then the protected hours; null when the calendar allows disconnection then.
     */
    public static HoldingRule protection(PrepaidPolicy policy, HolidayCalendar holidays, Instant at, ZoneId zone) {
        LocalDateTime local = LocalDateTime.ofInstant(at, zone);
        LocalDate day = local.toLocalDate();
        if (policy.protectedWeekdays().contains(day.getDayOfWeek())) return HoldingRule.PROTECTED_WEEKDAY;
        if (policy.secondSaturdayProtected() && isSecondSaturday(day)) return HoldingRule.SECOND_SATURDAY;
        if (policy.holidaysProtected() && holidays.isHoliday(day)) return HoldingRule.PUBLIC_HOLIDAY;
        if (policy.inProtectedHours(local.toLocalTime())) return HoldingRule.PROTECTED_HOURS;
        return null;
    }

    public static boolean allowed(PrepaidPolicy policy, HolidayCalendar holidays, Instant at, ZoneId zone) {
        return protection(policy, holidays, at, zone) == null;
    }

    /** The second Saturday of its calendar month (the 8th to the 14th). */
    public static boolean isSecondSaturday(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY && day.getDayOfMonth() >= 8 && day.getDayOfMonth() <= 14;
    }

    /**
     * {@code from} itself when the calendar allows disconnection then, else the first instant after it that it allows;
     * null when none does within {@link #SEARCH_DAYS} days (every weekday protected).
     */
    public static Instant nextOpening(PrepaidPolicy policy, HolidayCalendar holidays, Instant from, ZoneId zone) {
        if (allowed(policy, holidays, from, zone)) return from;
        return firstBoundary(policy, holidays, from, zone, true);
    }

    /**
     * The first instant after {@code from} at which the calendar does not allow disconnection (the end of the window
     * {@code from} is in); null when none does within {@link #SEARCH_DAYS} days (no protection at all).
     */
    public static Instant nextClosing(PrepaidPolicy policy, HolidayCalendar holidays, Instant from, ZoneId zone) {
        return firstBoundary(policy, holidays, from, zone, false);
    }

    /** The windows in which disconnection is allowed between {@code from} (included) and {@code to} (excluded), cut to that span. */
    public static List<Window> between(PrepaidPolicy policy, HolidayCalendar holidays, Instant from, Instant to, ZoneId zone) {
        List<Window> windows = new ArrayList<>();
        Instant at = from;
        while (at.isBefore(to)) {
            Instant opening = nextOpening(policy, holidays, at, zone);
            if (opening == null || !opening.isBefore(to)) break;
            Instant closing = nextClosing(policy, holidays, opening, zone);
            Instant end = closing == null || closing.isAfter(to) ? to : closing;
            windows.add(new Window(opening, end));
            at = end;
        }
        return windows;
    }

    /** The most calendar rules an explanation lists. */
    static final int MAX_TOLD = 6;

    /**
     * The calendar rules met on the way from {@code from} to {@code until} (excluded; null: never allowed, only the
     * one at {@code from} is told), each with the tenant-local day it was met on, in order, the protected hours told
     * once, at most {@link #MAX_TOLD}: what an explanation lists.
     */
    static List<Protection> protectionsBetween(PrepaidPolicy policy, HolidayCalendar holidays, Instant from, Instant until,
                                               ZoneId zone) {
        List<Protection> met = new ArrayList<>();
        note(met, policy, holidays, from, zone);
        if (until == null) return met;
        firstBoundary(policy, from, zone, LocalDate.ofInstant(until, zone), boundary -> {
            if (!boundary.isBefore(until) || met.size() >= MAX_TOLD) return true;
            note(met, policy, holidays, boundary, zone);
            return false;
        });
        return met;
    }

    /** A calendar rule met on a tenant-local day. */
    record Protection(HoldingRule rule, LocalDate day) {}

    private static void note(List<Protection> met, PrepaidPolicy policy, HolidayCalendar holidays, Instant at, ZoneId zone) {
        HoldingRule rule = protection(policy, holidays, at, zone);
        if (rule == null) return;
        Protection protection = new Protection(rule, LocalDate.ofInstant(at, zone));
        boolean told = met.stream().anyMatch(p -> p.equals(protection)
                || p.rule() == HoldingRule.PROTECTED_HOURS && rule == HoldingRule.PROTECTED_HOURS);
        if (!told) met.add(protection);
    }

    private static Instant firstBoundary(PrepaidPolicy policy, HolidayCalendar holidays, Instant from, ZoneId zone,
                                         boolean wantAllowed) {
        return firstBoundary(policy, from, zone, LocalDate.ofInstant(from, zone).plusDays(SEARCH_DAYS),
                boundary -> allowed(policy, holidays, boundary, zone) == wantAllowed);
    }

    /**
     * The first boundary after {@code from}, in time order, that the test accepts; null when none up to the end of
     * {@code lastDay} does. Days are walked in order, and a day's boundaries are taken once every earlier one is known:
     * those of later days all come at or after the later day's start (a local time of a day is never read before the
     * day's start), but an offset change may put some of a day's after the next day's start.
     */
    private static Instant firstBoundary(PrepaidPolicy policy, Instant from, ZoneId zone, LocalDate lastDay,
                                         Predicate<Instant> wanted) {
        TreeSet<Instant> pending = new TreeSet<>();
        for (LocalDate day = LocalDate.ofInstant(from, zone).minusDays(1); !day.isAfter(lastDay); day = day.plusDays(1)) {
            pending.addAll(boundaries(policy, day, zone));
            Instant settled = startOf(day.plusDays(1), zone);
            while (!pending.isEmpty() && pending.first().isBefore(settled)) {
                Instant boundary = pending.pollFirst();
                if (boundary.isAfter(from) && wanted.test(boundary)) return boundary;
            }
        }
        for (Instant boundary : pending) {
            if (boundary.isAfter(from) && wanted.test(boundary)) return boundary;
        }
        return null;
    }

    /**
     * The instants of a tenant-local day at which whether disconnection is allowed may change, in order: the day's
     * start, every instant the local time reads the protected hours' start or end, and the zone's offset changes.
     */
    private static TreeSet<Instant> boundaries(PrepaidPolicy policy, LocalDate day, ZoneId zone) {
        TreeSet<Instant> boundaries = new TreeSet<>();
        ZoneRules rules = zone.getRules();
        addEvery(boundaries, day.atStartOfDay(), rules);
        if (policy.hasProtectedHours()) {
            addEvery(boundaries, day.atTime(policy.protectedFrom()), rules);
            addEvery(boundaries, day.atTime(policy.protectedUntil()), rules);
        }
        if (!(zone instanceof ZoneOffset)) {
            Instant start = day.atStartOfDay(zone).toInstant();
            Instant next = day.plusDays(1).atStartOfDay(zone).toInstant();
            for (ZoneOffsetTransition t = rules.nextTransition(start.minusNanos(1));
                 t != null && t.getInstant().isBefore(next); t = rules.nextTransition(t.getInstant())) {
                boundaries.add(t.getInstant());
            }
        }
        return boundaries;
    }

    /** Every instant the local date-time is read (two in an overlap), or, in a gap, the instant the gap ends. */
    private static void addEvery(TreeSet<Instant> boundaries, LocalDateTime local, ZoneRules rules) {
        List<ZoneOffset> offsets = rules.getValidOffsets(local);
        if (offsets.isEmpty()) {
            boundaries.add(rules.getTransition(local).getInstant());
        } else {
            for (ZoneOffset offset : offsets) boundaries.add(local.toInstant(offset));
        }
    }

    /** The first instant of a tenant-local day (after a gap at midnight, the gap's end). */
    static Instant startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }
}
