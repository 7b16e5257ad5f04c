package io.vidyut.mdm.prepaid.charging;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.prepaid.accounts.Ledger;
import io.vidyut.mdm.prepaid.accounts.PrepaidAccount;
import io.vidyut.mdm.prepaid.policy.PrepaidPolicy;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Low-balance thresholds from the policy, and an alert once per crossing: the lowest threshold a posting went through. */
class BalanceAlertsTest {
    static final PrepaidPolicy POLICY = PrepaidPolicy.DEFAULTS; // 30, 10 and 0 % of the last recharge

    static PrepaidAccount lastRecharged(String amount) {
        return new PrepaidAccount(UUID.randomUUID(), UUID.randomUUID(), "A-1", PrepaidAccount.Status.ACTIVE, LocalDate.of(2026, 11, 1),
                new BigDecimal("500.00"), BigDecimal.ZERO, new BigDecimal(amount), Instant.EPOCH, null, null, PrepaidAccount.Supply.CONNECTED,
                null, null, null, null, "test", Instant.EPOCH, null);
    }

    static Ledger.Posted posting(String before, String after) {
        return new Ledger.Posted(UUID.randomUUID(), new BigDecimal(before), new BigDecimal(after), null);
    }

    @Test
    void the_thresholds_are_shares_of_the_last_recharge() {
        assertThat(BalanceAlerts.thresholds(POLICY, lastRecharged("500.00"), new BigDecimal("20.00")))
                .extracting(BalanceAlerts.Threshold::balance).map(BigDecimal::toPlainString).containsExactly("150.00", "50.00", "0.00");
    }

    @Test
    void a_posting_through_two_thresholds_alerts_once_for_the_lower_and_one_that_crosses_none_not_at_all() {
        List<BalanceAlerts.Threshold> thresholds = BalanceAlerts.thresholds(POLICY, lastRecharged("500.00"), new BigDecimal("20.00"));
        assertThat(BalanceAlerts.crossed(thresholds, posting("160.00", "40.00"))).get()
                .satisfies(t -> assertThat(t.words()).isEqualTo("10 % of the last recharge"));
        assertThat(BalanceAlerts.crossed(thresholds, posting("149.00", "120.00"))).as("below 30 % already: no second alert").isEmpty();
        assertThat(BalanceAlerts.crossed(thresholds, posting("50.01", "50.00"))).as("at the threshold is crossing it").isPresent();
        assertThat(BalanceAlerts.crossed(thresholds, posting("10.00", "-5.00"))).get()
                .satisfies(t -> assertThat(t.balance()).isEqualByComparingTo("0"));
    }

    @Test
    void a_state_that_alerts_when_75_percent_is_used_or_two_days_are_left() {
        PrepaidPolicy third = new PrepaidPolicy(POLICY.protectedFrom(), POLICY.protectedUntil(), POLICY.protectedWeekdays(),
                POLICY.secondSaturdayProtected(), POLICY.holidaysProtected(), POLICY.graceDaysAfterConversion(),
                POLICY.emergencyCreditDays(), POLICY.emergencyCreditLimit(), POLICY.minimumNoticeMinutes(), POLICY.staleDataHours(),
                POLICY.dailyCapPerDt(), POLICY.spreadPerFeeder(), POLICY.spreadMinutes(), POLICY.reconnectWithinMinutes(),
                POLICY.reconnectAboveBalance(), POLICY.rechargeMinimum(), POLICY.rechargeMultiple(), POLICY.rechargeMaximum(),
                List.of(), 75, null, 2, POLICY.arrearsRecoveryPercent());
        List<BalanceAlerts.Threshold> thresholds = BalanceAlerts.thresholds(third, lastRecharged("400.00"), new BigDecimal("30.00"));
        assertThat(thresholds).extracting(BalanceAlerts.Threshold::words).containsExactly("75 % of the last recharge used", "2 days left");
        assertThat(thresholds).extracting(BalanceAlerts.Threshold::balance).map(BigDecimal::toPlainString).containsExactly("100.00", "60.00");
    }
}
