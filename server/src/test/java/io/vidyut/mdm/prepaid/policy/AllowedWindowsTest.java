package io.vidyut.mdm.prepaid.policy;

import static io.vidyut.mdm.prepaid.policy.Policies.IST;
import static io.vidyut.mdm.prepaid.policy.Policies.ist;
import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.prepaid.policy.AllowedWindows.Window;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * When the calendar allows disconnection. November 2026: Saturday the 14th is the month's second Saturday, the 21st
 * its third; January 2026: Monday the 26th is Republic Day.
 */
class AllowedWindowsTest {
    static final PrepaidPolicy DEFAULTS = PrepaidPolicy.DEFAULTS;
    static final HolidayCalendar NONE = HolidayCalendar.NONE;

    static Instant next(PrepaidPolicy policy, HolidayCalendar holidays, String from) {
        return AllowedWindows.nextOpening(policy, holidays, ist(from), IST);
    }

    @Test
    void an_allowed_instant_is_its_own_opening() {
        assertThat(next(DEFAULTS, NONE, "2026-11-24T11:00")).isEqualTo(ist("2026-11-24T11:00"));
        assertThat(next(DEFAULTS, NONE, "2026-11-24T08:00")).as("the protected hours' end is allowed").isEqualTo(ist("2026-11-24T08:00"));
        assertThat(next(DEFAULTS, NONE, "2026-11-24T17:59:59.999")).isEqualTo(ist("2026-11-24T17:59:59.999"));
        assertThat(AllowedWindows.protection(DEFAULTS, NONE, ist("2026-11-24T11:00"), IST)).isNull();
    }

    @Test
    void protected_hours_wrapping_midnight_protect_the_evening_and_the_next_morning() {
        assertThat(next(DEFAULTS, NONE, "2026-11-24T18:00")).isEqualTo(ist("2026-11-25T08:00"));
        assertThat(next(DEFAULTS, NONE, "2026-11-24T23:59")).isEqualTo(ist("2026-11-25T08:00"));
        assertThat(next(DEFAULTS, NONE, "2026-11-25T00:00")).isEqualTo(ist("2026-11-25T08:00"));
        assertThat(next(DEFAULTS, NONE, "2026-11-25T07:59:59")).isEqualTo(ist("2026-11-25T08:00"));
        assertThat(AllowedWindows.protection(DEFAULTS, NONE, ist("2026-11-25T06:00"), IST)).isEqualTo(HoldingRule.PROTECTED_HOURS);
    }

    @Test
    void protected_hours_within_a_day_protect_only_that_span() {
        PrepaidPolicy lunch = Policies.defaults().hours("13:00", "14:00").build();
        assertThat(next(lunch, NONE, "2026-11-24T12:59")).isEqualTo(ist("2026-11-24T12:59"));
        assertThat(next(lunch, NONE, "2026-11-24T13:00")).isEqualTo(ist("2026-11-24T14:00"));
        assertThat(next(lunch, NONE, "2026-11-24T20:00")).as("the evening is allowed").isEqualTo(ist("2026-11-24T20:00"));
        assertThat(next(lunch, NONE, "2026-11-25T00:00")).isEqualTo(ist("2026-11-25T00:00"));
    }

    @Test
    void protected_hours_may_start_at_midnight() {
        PrepaidPolicy night = Policies.defaults().hours("00:00", "06:00").weekdays().build();
        assertThat(next(night, NONE, "2026-11-24T23:59")).isEqualTo(ist("2026-11-24T23:59"));
        assertThat(next(night, NONE, "2026-11-25T00:00")).isEqualTo(ist("2026-11-25T06:00"));
        assertThat(AllowedWindows.nextClosing(night, NONE, ist("2026-11-24T12:00"), IST)).isEqualTo(ist("2026-11-25T00:00"));
    }

    @Test
    void zero_at_19h_on_a_third_saturday_waits_for_monday_08h_when_sunday_is_protected() {
        assertThat(LocalDate.of(2026, 11, 21).getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(AllowedWindows.isSecondSaturday(LocalDate.of(2026, 11, 21))).isFalse();
        assertThat(AllowedWindows.protection(DEFAULTS, NONE, ist("2026-11-21T19:00"), IST)).isEqualTo(HoldingRule.PROTECTED_HOURS);
        assertThat(next(DEFAULTS, NONE, "2026-11-21T19:00")).isEqualTo(ist("2026-11-23T08:00"));
        assertThat(next(DEFAULTS, NONE, "2026-11-21T10:00")).as("its daytime is allowed").isEqualTo(ist("2026-11-21T10:00"));

        PrepaidPolicy sundaysAllowed = Policies.defaults().weekdays().build();
        assertThat(next(sundaysAllowed, NONE, "2026-11-21T19:00")).isEqualTo(ist("2026-11-22T08:00"));
    }

    @Test
    void the_second_saturday_is_protected_all_day_when_the_policy_says_so() {
        LocalDate secondSaturday = LocalDate.of(2026, 11, 14);
        assertThat(secondSaturday.getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
        assertThat(AllowedWindows.isSecondSaturday(secondSaturday)).isTrue();
        assertThat(AllowedWindows.isSecondSaturday(LocalDate.of(2026, 11, 7))).isFalse();
        assertThat(AllowedWindows.isSecondSaturday(LocalDate.of(2026, 11, 13))).as("a Friday").isFalse();
        assertThat(AllowedWindows.isSecondSaturday(LocalDate.of(2026, 8, 8))).as("the 8th, when the 1st is a Saturday").isTrue();
        assertThat(AllowedWindows.isSecondSaturday(LocalDate.of(2026, 2, 14))).as("the 14th, when the 1st is a Sunday").isTrue();

        assertThat(AllowedWindows.protection(DEFAULTS, NONE, ist("2026-11-14T10:00"), IST)).isEqualTo(HoldingRule.SECOND_SATURDAY);
        assertThat(AllowedWindows.protection(DEFAULTS, NONE, ist("2026-11-14T19:00"), IST))
                .as("the whole day comes before the hours").isEqualTo(HoldingRule.SECOND_SATURDAY);
        assertThat(next(DEFAULTS, NONE, "2026-11-14T10:00")).isEqualTo(ist("2026-11-16T08:00"));
        assertThat(next(DEFAULTS, NONE, "2026-11-14T19:00")).isEqualTo(ist("2026-11-16T08:00"));
        assertThat(next(DEFAULTS, NONE, "2026-11-13T18:30")).as("Friday evening").isEqualTo(ist("2026-11-16T08:00"));

        Policies p = Policies.defaults();
        p.secondSaturdayProtected = false;
        assertThat(next(p.build(), NONE, "2026-11-14T10:00")).isEqualTo(ist("2026-11-14T10:00"));
        assertThat(next(p.build(), NONE, "2026-11-13T18:30")).isEqualTo(ist("2026-11-14T08:00"));
    }

    @Test
    void a_public_holiday_on_a_monday_pushes_a_saturday_evening_to_tuesday_08h() {
        HolidayCalendar republicDay = new HolidayCalendar(Map.of(LocalDate.of(2026, 1, 26), "Republic Day"));
        assertThat(LocalDate.of(2026, 1, 26).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
        assertThat(next(DEFAULTS, republicDay, "2026-01-24T19:00")).isEqualTo(ist("2026-01-27T08:00"));
        assertThat(AllowedWindows.protection(DEFAULTS, republicDay, ist("2026-01-26T12:00"), IST))
                .isEqualTo(HoldingRule.PUBLIC_HOLIDAY);

        Policies ignoringHolidays = Policies.defaults();
        ignoringHolidays.holidaysProtected = false;
        assertThat(next(ignoringHolidays.build(), republicDay, "2026-01-24T19:00")).isEqualTo(ist("2026-01-26T08:00"));
    }

    @Test
    void consecutive_protected_days_are_crossed_together() {
        // Friday evening, second Saturday, Sunday, a Monday holiday, Tuesday morning
        HolidayCalendar holidays = HolidayCalendar.of(LocalDate.of(2026, 11, 16));
        assertThat(next(DEFAULTS, holidays, "2026-11-13T18:00")).isEqualTo(ist("2026-11-17T08:00"));
    }

    @Test
    void when_every_weekday_is_protected_there_is_never_an_opening() {
        PrepaidPolicy moratorium = Policies.defaults().weekdays(DayOfWeek.values()).build();
        assertThat(next(moratorium, NONE, "2026-11-24T11:00")).isNull();
        assertThat(AllowedWindows.between(moratorium, NONE, ist("2026-11-23T00:00"), ist("2026-12-23T00:00"), IST)).isEmpty();
    }

    @Test
    void the_search_stops_after_its_days() {
        PrepaidPolicy noHours = Policies.defaults().hours(null, null).weekdays().build();
        Map<LocalDate, String> everyDay = new HashMap<>();
        LocalDate first = LocalDate.of(2026, 11, 24);
        for (int d = 0; d <= AllowedWindows.SEARCH_DAYS + 1; d++) everyDay.put(first.plusDays(d), "strike");
        assertThat(next(noHours, new HolidayCalendar(everyDay), "2026-11-24T11:00")).isNull();
        everyDay.remove(first.plusDays(300));
        assertThat(next(noHours, new HolidayCalendar(everyDay), "2026-11-24T11:00"))
                .isEqualTo(first.plusDays(300).atStartOfDay(IST).toInstant());
    }

    @Test
    void without_any_protection_every_instant_is_allowed_and_nothing_closes() {
        Policies open = Policies.defaults().hours(null, null).weekdays();
        open.secondSaturdayProtected = false;
        PrepaidPolicy policy = open.build();
        assertThat(next(policy, HolidayCalendar.of(LocalDate.of(2026, 11, 24)), "2026-11-24T11:00"))
                .as("a protected holiday, the whole day").isEqualTo(ist("2026-11-25T00:00"));
        open.holidaysProtected = false;
        policy = open.build();
        assertThat(next(policy, NONE, "2026-11-14T23:00")).isEqualTo(ist("2026-11-14T23:00"));
        assertThat(AllowedWindows.nextClosing(policy, NONE, ist("2026-11-14T23:00"), IST)).isNull();
        assertThat(AllowedWindows.between(policy, NONE, ist("2026-11-23T00:00"), ist("2026-11-30T00:00"), IST))
                .containsExactly(new Window(ist("2026-11-23T00:00"), ist("2026-11-30T00:00")));
    }

    @Test
    void a_week_of_windows_under_the_defaults() {
        List<Window> windows = AllowedWindows.between(DEFAULTS, NONE, ist("2026-11-09T00:00"), ist("2026-11-16T00:00"), IST);
        // Monday 9 to Friday 13, 08:00–18:00; Saturday 14 is the second Saturday, Sunday 15 protected
        assertThat(windows).containsExactly(
                new Window(ist("2026-11-09T08:00"), ist("2026-11-09T18:00")),
                new Window(ist("2026-11-10T08:00"), ist("2026-11-10T18:00")),
                new Window(ist("2026-11-11T08:00"), ist("2026-11-11T18:00")),
                new Window(ist("2026-11-12T08:00"), ist("2026-11-12T18:00")),
                new Window(ist("2026-11-13T08:00"), ist("2026-11-13T18:00")));
        List<Window> next = AllowedWindows.between(DEFAULTS, NONE, ist("2026-11-16T00:00"), ist("2026-11-23T00:00"), IST);
        assertThat(next).hasSize(6).last().isEqualTo(new Window(ist("2026-11-21T08:00"), ist("2026-11-21T18:00")));
    }

    @Test
    void windows_are_cut_at_the_span_asked_for() {
        assertThat(AllowedWindows.between(DEFAULTS, NONE, ist("2026-11-24T12:00"), ist("2026-11-24T13:00"), IST))
                .containsExactly(new Window(ist("2026-11-24T12:00"), ist("2026-11-24T13:00")));
        assertThat(AllowedWindows.between(DEFAULTS, NONE, ist("2026-11-24T19:00"), ist("2026-11-25T09:00"), IST))
                .containsExactly(new Window(ist("2026-11-25T08:00"), ist("2026-11-25T09:00")));
        assertThat(AllowedWindows.between(DEFAULTS, NONE, ist("2026-11-24T19:00"), ist("2026-11-25T08:00"), IST)).isEmpty();
    }

    @Test
    void protected_hours_that_end_in_a_skipped_local_hour_open_when_the_clock_springs_forward() {
        ZoneId newYork = ZoneId.of("America/New_York");
        // 2026-03-08: 02:00 EST becomes 03:00 EDT; 02:30 never happens
        PrepaidPolicy policy = Policies.defaults().hours("18:00", "02:30").weekdays().build();
        Instant saturdayEvening = Instant.parse("2026-03-08T01:00:00Z"); // 20:00 EST on the 7th
        assertThat(AllowedWindows.nextOpening(policy, NONE, saturdayEvening, newYork)).isEqualTo(Instant.parse("2026-03-08T07:00:00Z"));
    }

    @Test
    void a_local_hour_read_twice_when_the_clock_falls_back_is_judged_by_the_local_time_each_time() {
        ZoneId newYork = ZoneId.of("America/New_York");
        // 2026-11-01: 02:00 EDT becomes 01:00 EST; 01:00–02:00 is read twice
        PrepaidPolicy policy = Policies.defaults().hours("01:30", "05:00").weekdays().build();
        Policies p = Policies.from(policy);
        p.secondSaturdayProtected = false;
        policy = p.build();
        Instant firstPass = Instant.parse("2026-11-01T05:40:00Z"); // 01:40 EDT
        assertThat(AllowedWindows.allowed(policy, NONE, firstPass, newYork)).isFalse();
        Instant fallBack = Instant.parse("2026-11-01T06:00:00Z"); // 01:00 EST
        assertThat(AllowedWindows.nextOpening(policy, NONE, firstPass, newYork)).isEqualTo(fallBack);
        assertThat(AllowedWindows.nextClosing(policy, NONE, fallBack, newYork)).isEqualTo(Instant.parse("2026-11-01T06:30:00Z"));
        assertThat(AllowedWindows.nextOpening(policy, NONE, Instant.parse("2026-11-01T06:30:00Z"), newYork))
                .isEqualTo(Instant.parse("2026-11-01T10:00:00Z")); // 05:00 EST
    }

    @Test
    void protected_days_follow_the_tenant_zone_not_utc() {
        // Monday 23 Nov 2026 00:30 IST is still Sunday in UTC: the tenant's Monday is not protected, its hours are
        assertThat(AllowedWindows.protection(DEFAULTS, NONE, ist("2026-11-23T00:30"), IST)).isEqualTo(HoldingRule.PROTECTED_HOURS);
        assertThat(AllowedWindows.protection(Policies.defaults().hours(null, null).build(), NONE, ist("2026-11-23T00:30"), IST))
                .isNull();
        assertThat(AllowedWindows.protection(Policies.defaults().hours(null, null).build(), NONE, ist("2026-11-22T23:30"), IST))
                .isEqualTo(HoldingRule.PROTECTED_WEEKDAY);
    }
}
