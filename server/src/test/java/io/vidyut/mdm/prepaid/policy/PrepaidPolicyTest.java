package io.vidyut.mdm.prepaid.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.common.FieldErrorsException.FieldError;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bounds of every field of a policy, checked before anything is stored. */
class PrepaidPolicyTest {

    static List<String> faults(Policies p) {
        return p.build().problems().stream().map(FieldError::field).toList();
    }

    @Test
    void the_defaults_are_a_valid_policy_as_the_brief_describes_it() {
        PrepaidPolicy d = PrepaidPolicy.DEFAULTS;
        assertThat(d.problems()).isEmpty();
        assertThat(d.protectedFrom()).isEqualTo(LocalTime.of(18, 0));
        assertThat(d.protectedUntil()).isEqualTo(LocalTime.of(8, 0));
        assertThat(d.protectedWeekdays()).containsExactly(DayOfWeek.SUNDAY);
        assertThat(d.secondSaturdayProtected()).isTrue();
        assertThat(d.holidaysProtected()).isTrue();
        assertThat(d.graceDaysAfterConversion()).isEqualTo(30);
        assertThat(d.emergencyCreditDays()).isEqualTo(3);
        assertThat(d.emergencyCreditLimit()).isNull();
        assertThat(d.minimumNoticeMinutes()).isEqualTo(1440);
        assertThat(d.staleDataHours()).isEqualTo(48);
        assertThat(d.dailyCapPerDt()).isEqualTo(50);
        assertThat(d.spreadPerFeeder()).isEqualTo(5);
        assertThat(d.spreadMinutes()).isEqualTo(10);
        assertThat(d.reconnectWithinMinutes()).isEqualTo(2);
        assertThat(d.reconnectAboveBalance()).isEqualByComparingTo("0");
        assertThat(d.rechargeMinimum()).isEqualByComparingTo("10");
        assertThat(d.rechargeMultiple()).isEqualByComparingTo("1");
        assertThat(d.rechargeMaximum()).isEqualByComparingTo("100000");
        assertThat(d.alertPercentsOfLastRecharge()).containsExactly(30, 10, 0);
        assertThat(d.arrearsRecoveryPercent()).isEqualTo(25);
        assertThat(d.normalised()).isEqualTo(d);
    }

    @Test
    void protected_hours_are_both_or_neither_and_never_equal() {
        assertThat(faults(Policies.defaults().hours(null, null))).isEmpty();
        assertThat(faults(Policies.defaults().hours("18:00", null))).containsExactly("protected_until");
        assertThat(faults(Policies.defaults().hours(null, "08:00"))).containsExactly("protected_from");
        assertThat(faults(Policies.defaults().hours("08:00", "08:00"))).containsExactly("protected_until");
        assertThat(Policies.defaults().hours(null, null).build().inProtectedHours(LocalTime.NOON)).isFalse();
    }

    @Test
    void every_weekday_may_be_protected_as_a_moratorium_but_the_set_is_required() {
        assertThat(faults(Policies.defaults().weekdays(DayOfWeek.values()))).isEmpty();
        Policies p = Policies.defaults();
        p.protectedWeekdays = null;
        assertThat(faults(p)).containsExactly("protected_weekdays");
    }

    @Test
    void whole_numbers_out_of_their_bounds_are_named() {
        Policies p = Policies.defaults();
        p.graceDaysAfterConversion = 366;
        p.emergencyCreditDays = -1;
        p.minimumNoticeMinutes = 10_081;
        p.staleDataHours = 0;
        p.dailyCapPerDt = 10_001;
        p.spreadPerFeeder = 0;
        p.spreadMinutes = 1441;
        p.reconnectWithinMinutes = 0;
        p.alertPercentUsed = 0;
        p.alertDaysLeft = 31;
        p.arrearsRecoveryPercent = 101;
        assertThat(faults(p)).containsExactly("grace_days_after_conversion", "emergency_credit_days", "minimum_notice_minutes",
                "stale_data_hours", "daily_cap_per_dt", "spread_per_feeder", "spread_minutes", "reconnect_within_minutes",
                "alert_percent_used", "alert_days_left", "arrears_recovery_percent");
        Policies edges = Policies.defaults();
        edges.graceDaysAfterConversion = 365;
        edges.emergencyCreditDays = 30;
        edges.minimumNoticeMinutes = 0;
        edges.staleDataHours = 720;
        edges.dailyCapPerDt = 1;
        edges.reconnectWithinMinutes = 1440;
        edges.alertPercentUsed = 100;
        edges.alertDaysLeft = 1;
        edges.arrearsRecoveryPercent = 0;
        assertThat(faults(edges)).isEmpty();
    }

    @Test
    void amounts_of_outlandish_size_or_precision_or_sign_are_named_without_being_expanded() {
        Policies p = Policies.defaults();
        p.emergencyCreditLimit = new BigDecimal("1e999999999");
        p.reconnectAboveBalance = new BigDecimal("-1e999999999");
        p.rechargeMinimum = new BigDecimal("1e-999999999");
        p.rechargeMultiple = new BigDecimal("0.001");
        p.rechargeMaximum = new BigDecimal("-100");
        p.alertBelowBalance = new BigDecimal("-0.01");
        assertThat(faults(p)).containsExactly("emergency_credit_limit", "reconnect_above_balance", "recharge_minimum",
                "recharge_multiple", "recharge_maximum", "alert_below_balance");
        Policies fine = Policies.defaults();
        fine.emergencyCreditLimit = new BigDecimal("100000.00");
        fine.reconnectAboveBalance = new BigDecimal("-100000");
        fine.rechargeMinimum = new BigDecimal("0");
        fine.rechargeMultiple = new BigDecimal("0.01");
        fine.rechargeMaximum = new BigDecimal("1000000.000");
        fine.alertBelowBalance = new BigDecimal("0");
        assertThat(faults(fine)).isEmpty();
        Policies missing = Policies.defaults();
        missing.rechargeMinimum = null;
        assertThat(faults(missing)).containsExactly("recharge_minimum");
    }

    @Test
    void recharge_limits_agree_with_each_other() {
        Policies p = Policies.defaults();
        p.rechargeMinimum = new BigDecimal("500");
        p.rechargeMaximum = new BigDecimal("100");
        assertThat(faults(p)).containsExactly("recharge_maximum");
        Policies q = Policies.defaults();
        q.rechargeMultiple = new BigDecimal("200000");
        q.rechargeMaximum = new BigDecimal("100000");
        assertThat(faults(q)).containsExactly("recharge_multiple");
    }

    @Test
    void alert_percentages_are_at_most_five_distinct_and_stored_highest_first() {
        Policies p = Policies.defaults();
        p.alertPercentsOfLastRecharge = List.of(10, 30, 10);
        assertThat(faults(p)).containsExactly("alert_percents_of_last_recharge");
        p.alertPercentsOfLastRecharge = List.of(1, 2, 3, 4, 5, 6);
        assertThat(faults(p)).containsExactly("alert_percents_of_last_recharge");
        p.alertPercentsOfLastRecharge = List.of(101);
        assertThat(faults(p)).containsExactly("alert_percents_of_last_recharge");
        p.alertPercentsOfLastRecharge = null;
        assertThat(faults(p)).containsExactly("alert_percents_of_last_recharge");
        p.alertPercentsOfLastRecharge = List.of();
        assertThat(faults(p)).isEmpty();
        p.alertPercentsOfLastRecharge = List.of(0, 75, 10);
        p.rechargeMultiple = new BigDecimal("100");
        PrepaidPolicy normalised = p.build().normalised();
        assertThat(normalised.alertPercentsOfLastRecharge()).containsExactly(75, 10, 0);
        assertThat(normalised.rechargeMultiple()).isEqualTo(new BigDecimal("100.00"));
    }
}
