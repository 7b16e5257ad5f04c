package io.vidyut.mdm.prepaid.policy;

import static io.vidyut.mdm.prepaid.policy.Policies.IST;
import static io.vidyut.mdm.prepaid.policy.Policies.ist;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Whether an account in negative balance is disconnected now, what holds it back and when it goes. Unless a test says
 * otherwise: the default calendar (18:00–08:00, Sundays, second Saturdays, holidays), no grace and no emergency credit,
 * a notice sent two days before, validated data an hour old, a DT with none disconnected today. November 2026:
 * Saturday the 14th is the second Saturday, the 21st the third; Wednesday the 25th an ordinary working day.
 */
class DisconnectionRulesTest {
    static final UUID ACCOUNT = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID DT = UUID.fromString("00000000-0000-0000-0000-0000000000d1");
    static final UUID FEEDER = UUID.fromString("00000000-0000-0000-0000-0000000000f1");
    static final HolidayCalendar NONE = HolidayCalendar.NONE;

    /** The defaults' calendar, without the per-account time rules. */
    static Policies calendarOnly() {
        Policies p = Policies.defaults();
        p.graceDaysAfterConversion = 0;
        p.emergencyCreditDays = 0;
        return p;
    }

    static final PrepaidPolicy CALENDAR_ONLY = calendarOnly().build();

    /** Zero since {@code zeroSince}, the rest as the class says. */
    static AccountFacts zeroAt(String zeroSince, String now) {
        return new AccountFacts(ACCOUNT, DT, FEEDER, BigDecimal.ZERO, ist(zeroSince), LocalDate.of(2025, 1, 1),
                ist(now).minus(Duration.ofDays(2)), ist(now).minus(Duration.ofHours(1)), false);
    }

    static AccountFacts with(AccountFacts f, BigDecimal balance) {
        return new AccountFacts(f.accountId(), f.dtId(), f.feederId(), balance, f.zeroSince(), f.convertedOn(), f.lastNoticeAt(),
                f.lastValidatedDataAt(), f.underVeeReview());
    }

    static Decision decide(PrepaidPolicy policy, AccountFacts facts, String now) {
        return DisconnectionRules.decide(policy, NONE, facts, ist(now), IST, 0);
    }

    static void holds(Decision decision, HoldingRule rule, String goesAt) {
        assertThat(decision.verdict()).as(decision.explanation()).isEqualTo(Verdict.HOLD);
        assertThat(decision.rule()).as(decision.explanation()).isEqualTo(rule);
        assertThat(decision.goesAt()).as(decision.explanation()).isEqualTo(goesAt == null ? null : ist(goesAt));
    }

    static void disconnects(Decision decision, String now) {
        assertThat(decision.verdict()).as(decision.explanation()).isEqualTo(Verdict.DISCONNECT);
        assertThat(decision.rule()).isNull();
        assertThat(decision.goesAt()).isEqualTo(ist(now));
    }

    @Test
    void a_positive_balance_is_not_due() {
        AccountFacts facts = with(zeroAt("2026-11-25T10:00", "2026-11-25T11:00"), new BigDecimal("0.01"));
        Decision decision = decide(CALENDAR_ONLY, facts, "2026-11-25T11:00");
        assertThat(decision.verdict()).isEqualTo(Verdict.NOT_DUE);
        assertThat(decision.rule()).isNull();
        assertThat(decision.goesAt()).isNull();
        assertThat(decision.explanation()).contains("₹0.01", "positive");
        // zero_since need not be known of an account in credit
        AccountFacts noZero = new AccountFacts(ACCOUNT, DT, FEEDER, BigDecimal.TEN, null, null, null, null, false);
        assertThat(decide(CALENDAR_ONLY, noZero, "2026-11-25T11:00").verdict()).isEqualTo(Verdict.NOT_DUE);
    }

    @Test
    void a_zero_balance_on_a_working_day_is_disconnected_now_when_every_rule_allows() {
        Decision decision = decide(CALENDAR_ONLY, zeroAt("2026-11-25T10:00", "2026-11-25T11:00"), "2026-11-25T11:00");
        disconnects(decision, "2026-11-25T11:00");
        assertThat(decision.explanation()).startsWith("Every rule allows disconnection now");
        disconnects(decide(CALENDAR_ONLY, with(zeroAt("2026-11-25T10:00", "2026-11-25T11:00"), new BigDecimal("-250.50")),
                "2026-11-25T11:00"), "2026-11-25T11:00");
    }

    @Test
    void zero_at_19h_on_a_third_saturday_holds_for_protected_hours_and_sunday_until_monday_08h() {
        assertThat(AllowedWindows.isSecondSaturday(LocalDate.of(2026, 11, 21))).isFalse();
        Decision decision = decide(CALENDAR_ONLY, zeroAt("2026-11-21T19:00", "2026-11-21T19:00"), "2026-11-21T19:00");
        holds(decision, HoldingRule.PROTECTED_HOURS, "2026-11-23T08:00");
        assertThat(decision.explanation()).isEqualTo("Protected hours 18:00–08:00; then Sun 2026-11-22 is a protected weekday. "
                + "Goes at Mon 2026-11-23 08:00 IST.");
        // the same Saturday evening with Sundays allowed: Sunday 08:00
        Policies sundays = calendarOnly().weekdays();
        holds(decide(sundays.build(), zeroAt("2026-11-21T19:00", "2026-11-21T19:00"), "2026-11-21T19:00"),
                HoldingRule.PROTECTED_HOURS, "2026-11-22T08:00");
    }

    @Test
    void zero_at_19h_on_the_second_saturday_holds_for_the_second_saturday_until_monday_08h() {
        assertThat(AllowedWindows.isSecondSaturday(LocalDate.of(2026, 11, 14))).isTrue();
        Decision decision = decide(CALENDAR_ONLY, zeroAt("2026-11-14T19:00", "2026-11-14T19:00"), "2026-11-14T19:00");
        holds(decision, HoldingRule.SECOND_SATURDAY, "2026-11-16T08:00");
        assertThat(decision.explanation()).isEqualTo("Sat 2026-11-14 is the second Saturday of the month; "
                + "then Sun 2026-11-15 is a protected weekday; then protected hours 18:00–08:00. Goes at Mon 2026-11-16 08:00 IST.");
        // by day too
        holds(decide(CALENDAR_ONLY, zeroAt("2026-11-14T10:00", "2026-11-14T10:00"), "2026-11-14T10:00"),
                HoldingRule.SECOND_SATURDAY, "2026-11-16T08:00");
        // a state that does not protect the second Saturday: in its evening the hours hold, by day it goes
        Policies p = calendarOnly();
        p.secondSaturdayProtected = false;
        holds(decide(p.build(), zeroAt("2026-11-14T19:00", "2026-11-14T19:00"), "2026-11-14T19:00"),
                HoldingRule.PROTECTED_HOURS, "2026-11-16T08:00");
        disconnects(decide(p.build(), zeroAt("2026-11-14T10:00", "2026-11-14T10:00"), "2026-11-14T10:00"), "2026-11-14T10:00");
    }

    @Test
    void on_a_protected_sunday_the_weekday_holds() {
        Decision decision = decide(CALENDAR_ONLY, zeroAt("2026-11-22T10:00", "2026-11-22T10:00"), "2026-11-22T10:00");
        holds(decision, HoldingRule.PROTECTED_WEEKDAY, "2026-11-23T08:00");
        assertThat(decision.explanation()).startsWith("Sun 2026-11-22 is a protected weekday; then protected hours 18:00–08:00.");
    }

    @Test
    void no_disconnection_18h_to_10h_even_at_zero_balance() {
        // the second state: no protected days at all, 18:00–10:00, no emergency credit
        Policies state = calendarOnly().hours("18:00", "10:00").weekdays();
        state.secondSaturdayProtected = false;
        state.holidaysProtected = false;
        PrepaidPolicy policy = state.build();
        holds(decide(policy, zeroAt("2026-11-25T20:00", "2026-11-25T20:00"), "2026-11-25T20:00"),
                HoldingRule.PROTECTED_HOURS, "2026-11-26T10:00");
        holds(decide(policy, zeroAt("2026-11-25T20:00", "2026-11-26T09:59"), "2026-11-26T09:59"),
                HoldingRule.PROTECTED_HOURS, "2026-11-26T10:00");
        disconnects(decide(policy, zeroAt("2026-11-25T20:00", "2026-11-26T10:00"), "2026-11-26T10:00"), "2026-11-26T10:00");
        // on a Sunday too, by day
        disconnects(decide(policy, zeroAt("2026-11-22T10:30", "2026-11-22T10:30"), "2026-11-22T10:30"), "2026-11-22T10:30");
    }

    @Test
    void a_public_holiday_on_a_monday_pushes_a_saturday_evening_zero_to_tuesday_08h() {
        HolidayCalendar republicDay = new HolidayCalendar(Map.of(LocalDate.of(2026, 1, 26), "Republic Day"));
        Decision decision = DisconnectionRules.decide(CALENDAR_ONLY, republicDay, zeroAt("2026-01-24T19:00", "2026-01-24T19:00"),
                ist("2026-01-24T19:00"), IST, 0);
        holds(decision, HoldingRule.PROTECTED_HOURS, "2026-01-27T08:00");
        assertThat(decision.explanation()).contains("Mon 2026-01-26 is a public holiday (Republic Day)");
        Decision onTheDay = DisconnectionRules.decide(CALENDAR_ONLY, republicDay, zeroAt("2026-01-24T19:00", "2026-01-26T12:00"),
                ist("2026-01-26T12:00"), IST, 0);
        holds(onTheDay, HoldingRule.PUBLIC_HOLIDAY, "2026-01-27T08:00");
    }

    @Test
    void the_grace_after_conversion_holds_until_the_midnight_ending_it_then_the_calendar() {
        Policies p = calendarOnly();
        p.graceDaysAfterConversion = 30;
        AccountFacts converted = new AccountFacts(ACCOUNT, DT, FEEDER, new BigDecimal("-40"), ist("2026-11-20T09:00"),
                LocalDate.of(2026, 11, 10), ist("2026-11-20T09:00"), ist("2026-11-25T10:00"), false);
        // converted on the 10th: the 30 days run to the end of 9 December; the 10th's first window is 08:00
        Decision decision = decide(p.build(), converted, "2026-11-25T11:00");
        holds(decision, HoldingRule.GRACE_AFTER_CONVERSION, "2026-12-10T08:00");
        assertThat(decision.explanation()).isEqualTo("In the 30 days' grace after conversion to prepaid on Tue 2026-11-10, "
                + "until Thu 2026-12-10 00:00 IST; then protected hours 18:00–08:00. Goes at Thu 2026-12-10 08:00 IST.");
        AccountFacts later = new AccountFacts(ACCOUNT, DT, FEEDER, new BigDecimal("-40"), ist("2026-11-20T09:00"),
                LocalDate.of(2026, 11, 10), ist("2026-11-20T09:00"), ist("2026-12-10T08:00"), false);
        disconnects(decide(p.build(), later, "2026-12-10T08:30"), "2026-12-10T08:30");
        // a consumer whose conversion day is not known has no grace
        AccountFacts unknown = new AccountFacts(ACCOUNT, DT, FEEDER, new BigDecimal("-40"), ist("2026-11-20T09:00"), null,
                ist("2026-11-20T09:00"), ist("2026-11-25T10:00"), false);
        disconnects(decide(p.build(), unknown, "2026-11-25T11:00"), "2026-11-25T11:00");
    }

    @Test
    void emergency_credit_holds_for_its_days_from_the_balance_reaching_zero() {
        Policies p = calendarOnly();
        p.emergencyCreditDays = 3;
        // zero on Tuesday 20:00: the credit runs to Friday 20:00, in the protected hours; Saturday the 28th (the fourth) opens at 08:00
        AccountFacts facts = zeroAt("2026-11-24T20:00", "2026-11-25T11:00");
        Decision decision = decide(p.build(), facts, "2026-11-25T11:00");
        holds(decision, HoldingRule.EMERGENCY_CREDIT, "2026-11-28T08:00");
        assertThat(decision.explanation()).startsWith("On 3 days' emergency credit from the balance reaching zero at "
                + "Tue 2026-11-24 20:00 IST, until Fri 2026-11-27 20:00 IST; then protected hours 18:00–08:00.");
        // zero on Tuesday 11:00: Friday 11:00
        holds(decide(p.build(), zeroAt("2026-11-24T11:00", "2026-11-25T11:00"), "2026-11-25T11:00"),
                HoldingRule.EMERGENCY_CREDIT, "2026-11-27T11:00");
        disconnects(decide(p.build(), zeroAt("2026-11-24T11:00", "2026-11-27T11:00"), "2026-11-27T11:00"), "2026-11-27T11:00");
    }

    @Test
    void emergency_credit_ends_early_below_its_amount_limit() {
        Policies p = calendarOnly();
        p.emergencyCreditDays = 3;
        p.emergencyCreditLimit = new BigDecimal("500.00");
        AccountFacts facts = zeroAt("2026-11-24T11:00", "2026-11-25T11:00");
        holds(decide(p.build(), with(facts, new BigDecimal("-500.00")), "2026-11-25T11:00"),
                HoldingRule.EMERGENCY_CREDIT, "2026-11-27T11:00");
        Decision usedUp = decide(p.build(), with(facts, new BigDecimal("-500.01")), "2026-11-25T11:00");
        disconnects(usedUp, "2026-11-25T11:00");
        assertThat(usedUp.explanation()).contains("the emergency credit is used up: the balance (−₹500.01) is below the limit of −₹500.00");
        // used up in the protected hours: the calendar holds
        Decision evening = decide(p.build(), with(zeroAt("2026-11-24T11:00", "2026-11-25T19:00"), new BigDecimal("-800")),
                "2026-11-25T19:00");
        holds(evening, HoldingRule.PROTECTED_HOURS, "2026-11-26T08:00");
        assertThat(evening.explanation()).startsWith("The emergency credit is used up");
        // without a limit, any debt stays on emergency credit for the days
        p.emergencyCreditLimit = null;
        holds(decide(p.build(), with(facts, new BigDecimal("-99999")), "2026-11-25T11:00"),
                HoldingRule.EMERGENCY_CREDIT, "2026-11-27T11:00");
    }

    @Test
    void the_minimum_notice_runs_from_the_last_notice_sent() {
        Policies p = calendarOnly();
        p.minimumNoticeMinutes = 24 * 60;
        AccountFacts morning = new AccountFacts(ACCOUNT, DT, FEEDER, BigDecimal.ZERO, ist("2026-11-25T09:00"), null,
                ist("2026-11-25T09:00"), ist("2026-11-25T10:30"), false);
        Decision decision = decide(p.build(), morning, "2026-11-25T11:00");
        holds(decision, HoldingRule.MINIMUM_NOTICE, "2026-11-26T09:00");
        assertThat(decision.explanation()).isEqualTo("The last notice was sent at Wed 2026-11-25 09:00 IST: the minimum notice of "
                + "24 h runs until Thu 2026-11-26 09:00 IST. Goes at Thu 2026-11-26 09:00 IST.");
        // a notice sent in the evening ends in the protected hours: the next morning
        AccountFacts evening = new AccountFacts(ACCOUNT, DT, FEEDER, BigDecimal.ZERO, ist("2026-11-25T19:00"), null,
                ist("2026-11-25T19:00"), ist("2026-11-25T19:00"), false);
        holds(decide(p.build(), evening, "2026-11-25T19:30"), HoldingRule.MINIMUM_NOTICE, "2026-11-27T08:00");
        p.minimumNoticeMinutes = 90;
        holds(decide(p.build(), morning, "2026-11-25T10:00"), HoldingRule.MINIMUM_NOTICE, "2026-11-25T10:30");
        disconnects(decide(p.build(), morning, "2026-11-25T10:30"), "2026-11-25T10:30");
    }

    @Test
    void without_any_notice_sent_it_is_never_disconnected_and_no_time_is_given() {
        AccountFacts silent = new AccountFacts(ACCOUNT, DT, FEEDER, new BigDecimal("-10"), ist("2026-11-20T09:00"), null, null,
                ist("2026-11-25T10:30"), false);
        Decision decision = decide(CALENDAR_ONLY, silent, "2026-11-25T11:00");
        holds(decision, HoldingRule.NO_NOTICE_SENT, null);
        assertThat(decision.explanation()).contains("notice").contains("must reach the consumer first");
        // even with nothing else in the way, and with everything else in the way
        Policies p = calendarOnly();
        p.graceDaysAfterConversion = 30;
        AccountFacts everything = new AccountFacts(ACCOUNT, DT, FEEDER, new BigDecimal("-10"), ist("2026-11-20T09:00"),
                LocalDate.of(2026, 11, 20), null, null, true);
        Decision all = decide(p.build(), everything, "2026-11-25T11:00");
        holds(all, HoldingRule.NO_NOTICE_SENT, null);
        assertThat(all.explanation()).contains("no validated data", "VEE review", "Also in the 30 days' grace");
    }

    @Test
    void stale_data_holds_without_a_time() {
        PrepaidPolicy policy = CALENDAR_ONLY; // stale after 48 h
        AccountFacts stale = new AccountFacts(ACCOUNT, DT, FEEDER, BigDecimal.ZERO, ist("2026-11-20T09:00"), null,
                ist("2026-11-20T09:00"), ist("2026-11-23T10:59"), false);
        Decision decision = decide(policy, stale, "2026-11-25T11:00");
        holds(decision, HoldingRule.STALE_DATA, null);
        assertThat(decision.explanation()).contains("Mon 2026-11-23 10:59 IST", "older than 48 h");
        AccountFacts fresh = new AccountFacts(ACCOUNT, DT, FEEDER, BigDecimal.ZERO, ist("2026-11-20T09:00"), null,
                ist("2026-11-20T09:00"), ist("2026-11-23T11:00"), false);
        disconnects(decide(policy, fresh, "2026-11-25T11:00"), "2026-11-25T11:00");
        AccountFacts none = new AccountFacts(ACCOUNT, DT, FEEDER, BigDecimal.ZERO, ist("2026-11-20T09:00"), null,
                ist("2026-11-20T09:00"), null, false);
        holds(decide(policy, none, "2026-11-25T11:00"), HoldingRule.STALE_DATA, null);
    }

    @Test
    void data_under_vee_review_holds_without_a_time() {
        AccountFacts review = new AccountFacts(ACCOUNT, DT, FEEDER, BigDecimal.ZERO, ist("2026-11-20T09:00"), null,
                ist("2026-11-20T09:00"), ist("2026-11-25T10:00"), true);
        Decision decision = decide(CALENDAR_ONLY, review, "2026-11-25T11:00");
        holds(decision, HoldingRule.VEE_REVIEW, null);
        assertThat(decision.explanation()).contains("under VEE review");
    }

    @Test
    void a_dt_that_had_its_cap_today_waits_for_the_next_days_first_window() {
        AccountFacts facts = zeroAt("2026-11-25T10:00", "2026-11-25T11:00");
        Decision capped = DisconnectionRules.decide(CALENDAR_ONLY, NONE, facts, ist("2026-11-25T11:00"), IST, 50);
        holds(capped, HoldingRule.DT_DAILY_CAP, "2026-11-26T08:00");
        assertThat(capped.explanation()).isEqualTo("The DT has had its daily cap of 50 disconnections today; then protected hours "
                + "18:00–08:00. Goes at Thu 2026-11-26 08:00 IST.");
        disconnects(DisconnectionRules.decide(CALENDAR_ONLY, NONE, facts, ist("2026-11-25T11:00"), IST, 49), "2026-11-25T11:00");
        // a consumer whose DT is not known has no cap
        AccountFacts noDt = new AccountFacts(ACCOUNT, null, FEEDER, BigDecimal.ZERO, facts.zeroSince(), null, facts.lastNoticeAt(),
                facts.lastValidatedDataAt(), false);
        disconnects(DisconnectionRules.decide(CALENDAR_ONLY, NONE, noDt, ist("2026-11-25T11:00"), IST, 500), "2026-11-25T11:00");
        // capped on a third Saturday: Sunday is protected, so Monday
        holds(DisconnectionRules.decide(CALENDAR_ONLY, NONE, zeroAt("2026-11-21T10:00", "2026-11-21T11:00"),
                ist("2026-11-21T11:00"), IST, 50), HoldingRule.DT_DAILY_CAP, "2026-11-23T08:00");
        // before the day's window opens, a full cap moves it to tomorrow
        holds(DisconnectionRules.decide(CALENDAR_ONLY, NONE, zeroAt("2026-11-25T06:00", "2026-11-25T06:00"),
                ist("2026-11-25T06:00"), IST, 50), HoldingRule.PROTECTED_HOURS, "2026-11-26T08:00");
        // in the evening it goes tomorrow anyway: today's count does not matter
        holds(DisconnectionRules.decide(CALENDAR_ONLY, NONE, zeroAt("2026-11-25T20:00", "2026-11-25T20:00"),
                ist("2026-11-25T20:00"), IST, 50), HoldingRule.PROTECTED_HOURS, "2026-11-26T08:00");
    }

    @Test
    void when_every_weekday_is_protected_it_never_goes() {
        PrepaidPolicy moratorium = calendarOnly().weekdays(DayOfWeek.values()).build();
        Decision decision = decide(moratorium, zeroAt("2026-11-25T10:00", "2026-11-25T11:00"), "2026-11-25T11:00");
        holds(decision, HoldingRule.PROTECTED_WEEKDAY, null);
        assertThat(decision.explanation()).endsWith("No day is open for disconnection in the next 400 days.");
    }

    @Test
    void the_first_rule_holding_is_reported_and_it_goes_when_the_last_lets_go() {
        Policies p = calendarOnly();
        p.graceDaysAfterConversion = 30;
        p.emergencyCreditDays = 3;
        // grace to 1 Dec 00:00, emergency credit to Sat 28 Nov 10:00, notice to Thu 26 Nov 10:00
        AccountFacts facts = new AccountFacts(ACCOUNT, DT, FEEDER, new BigDecimal("-1"), ist("2026-11-25T10:00"),
                LocalDate.of(2026, 11, 1), ist("2026-11-25T10:00"), ist("2026-11-25T10:00"), false);
        Decision decision = decide(p.build(), facts, "2026-11-25T11:00");
        holds(decision, HoldingRule.GRACE_AFTER_CONVERSION, "2026-12-01T08:00");
        assertThat(decision.explanation()).contains("grace", "emergency credit", "minimum notice", "protected hours");
        // once the grace is over, the emergency credit is what holds
        p.graceDaysAfterConversion = 0;
        holds(decide(p.build(), facts, "2026-11-25T11:00"), HoldingRule.EMERGENCY_CREDIT, "2026-11-28T10:00");
    }

    @Test
    void the_first_state_of_the_brief_under_the_defaults() {
        // 3 days of emergency credit, 30 days' grace, 18:00–08:00, Sundays, holidays, second Saturdays
        AccountFacts facts = new AccountFacts(ACCOUNT, DT, FEEDER, new BigDecimal("-12.40"), ist("2026-11-11T19:30"),
                LocalDate.of(2026, 9, 1), ist("2026-11-11T19:30"), ist("2026-11-13T20:00"), false);
        // the credit runs to Saturday the 14th 19:30, the second Saturday; Sunday; Monday 08:00
        Decision decision = DisconnectionRules.decide(PrepaidPolicy.DEFAULTS, NONE, facts, ist("2026-11-13T21:00"), IST, 0);
        holds(decision, HoldingRule.EMERGENCY_CREDIT, "2026-11-16T08:00");
        assertThat(decision.explanation()).contains("Sat 2026-11-14 is the second Saturday of the month",
                "Sun 2026-11-15 is a protected weekday");
    }

    @Test
    void an_account_not_in_credit_needs_to_say_since_when() {
        AccountFacts facts = new AccountFacts(ACCOUNT, DT, FEEDER, new BigDecimal("-1"), null, null, Instant.EPOCH, Instant.EPOCH,
                false);
        assertThatThrownBy(() -> decide(CALENDAR_ONLY, facts, "2026-11-25T11:00")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AccountFacts(ACCOUNT, DT, FEEDER, null, null, null, null, null, false))
                .isInstanceOf(NullPointerException.class);
    }
}
