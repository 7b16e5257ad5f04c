package io.vidyut.mdm.prepaid.policy;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.vidyut.mdm.common.FieldErrorsException.FieldError;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A tenant's prepaid rules (PRODUCT.md §4.5): when a consumer in negative balance may be disconnected, alerts,
 * reconnection, recharge amounts and arrears recovery. Money is rupees ({@link BigDecimal}, at most 2 decimals).
 * {@link #DEFAULTS} until a tenant administrator saves its own. See docs/prepaid.md, "Disconnection policy".
 *
 * @param protectedFrom               start of the protected hours (tenant-local, included); with {@code protectedUntil}
 *                                    both null: no protected hours
 * @param protectedUntil              end of the protected hours (tenant-local, excluded); before {@code protectedFrom},
 *                                    the span wraps midnight (18:00–08:00 protects evenings and mornings)
 * @param protectedWeekdays           days of the week protected whole (tenant-local)
 * @param secondSaturdayProtected     the second Saturday of each calendar month is protected whole
 * @param holidaysProtected           the tenant's public holidays ({@link HolidayCalendar}) are protected whole
 * @param graceDaysAfterConversion    no disconnection until this many days after the day of conversion to prepaid
 * @param emergencyCreditDays         no disconnection until this many days after the balance fell to zero or below
 * @param emergencyCreditLimit        the emergency credit ends early once the balance is below minus this (null: no limit)
 * @param minimumNoticeMinutes        no disconnection until this long after the last notice sent
 * @param staleDataHours              no disconnection while the consumer's last validated data is older than this
 * @param dailyCapPerDt               at most this many disconnections per distribution transformer per tenant-local day
 * @param spreadPerFeeder             at most this many disconnections per feeder in any {@code spreadMinutes}
 * @param spreadMinutes               see {@code spreadPerFeeder}
 * @param reconnectWithinMinutes      a qualifying recharge reconnects the consumer within this many minutes
 * @param reconnectAboveBalance       a recharge qualifies when it brings the balance above this
 * @param rechargeMinimum             the smallest recharge accepted
 * @param rechargeMultiple            a recharge is a multiple of this
 * @param rechargeMaximum             the largest recharge accepted
 * @param alertPercentsOfLastRecharge alerts when the balance falls to these percentages of the last recharge
 *                                    (highest first, at most 5)
 * @param alertPercentUsed            an alert when this percentage of the last recharge is used (null: none)
 * @param alertBelowBalance           an alert when the balance falls below this amount (null: none)
 * @param alertDaysLeft               an alert when the balance lasts about this many days more (null: none)
 * @param arrearsRecoveryPercent      at most this share of each recharge recovers arrears (a negative balance, migrated
 *                                    dues); 100: all at once
 */
public record PrepaidPolicy(@JsonFormat(pattern = "HH:mm") LocalTime protectedFrom,
                            @JsonFormat(pattern = "HH:mm") LocalTime protectedUntil, Set<DayOfWeek> protectedWeekdays,
                            boolean secondSaturdayProtected, boolean holidaysProtected, int graceDaysAfterConversion,
                            int emergencyCreditDays, BigDecimal emergencyCreditLimit, int minimumNoticeMinutes,
                            int staleDataHours, int dailyCapPerDt, int spreadPerFeeder, int spreadMinutes,
                            int reconnectWithinMinutes, BigDecimal reconnectAboveBalance, BigDecimal rechargeMinimum,
                            BigDecimal rechargeMultiple, BigDecimal rechargeMaximum, List<Integer> alertPercentsOfLastRecharge,
                            Integer alertPercentUsed, BigDecimal alertBelowBalance, Integer alertDaysLeft,
                            int arrearsRecoveryPercent) {

    /** No disconnection 18:00–08:00, on Sundays, second Saturdays and public holidays; see docs/prepaid.md. */
    public static final PrepaidPolicy DEFAULTS = new PrepaidPolicy(LocalTime.of(18, 0), LocalTime.of(8, 0),
            EnumSet.of(DayOfWeek.SUNDAY), true, true, 30, 3, null, 24 * 60, 48, 50, 5, 10, 2, new BigDecimal("0.00"),
            new BigDecimal("10.00"), new BigDecimal("1.00"), new BigDecimal("100000.00"), List.of(30, 10, 0), null, null, null,
            25);

    static final BigDecimal LAKH = new BigDecimal("100000");
    /** The largest recharge limit a tenant may set (₹10,00,000). */
    static final BigDecimal TEN_LAKH = new BigDecimal("1000000");
    static final int MAX_ALERT_PERCENTS = 5;

    public PrepaidPolicy {
        protectedWeekdays = protectedWeekdays == null ? null : protectedWeekdays.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(DayOfWeek.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(protectedWeekdays));
        alertPercentsOfLastRecharge = alertPercentsOfLastRecharge == null ? null
                : Collections.unmodifiableList(new ArrayList<>(alertPercentsOfLastRecharge));
    }

    /** Whether there are protected hours at all. */
    public boolean hasProtectedHours() {
        return protectedFrom != null && protectedUntil != null;
    }

    /** Whether a tenant-local time of day is in the protected hours. */
    public boolean inProtectedHours(LocalTime time) {
        if (!hasProtectedHours()) return false;
        if (protectedFrom.isBefore(protectedUntil)) return !time.isBefore(protectedFrom) && time.isBefore(protectedUntil);
        return !time.isBefore(protectedFrom) || time.isBefore(protectedUntil);
    }

    /** The same policy with its alert percentages highest first, as stored. */
    PrepaidPolicy normalised() {
        List<Integer> alerts = new ArrayList<>(alertPercentsOfLastRecharge);
        alerts.sort(Collections.reverseOrder());
        return new PrepaidPolicy(protectedFrom, protectedUntil, protectedWeekdays, secondSaturdayProtected, holidaysProtected,
                graceDaysAfterConversion, emergencyCreditDays, money(emergencyCreditLimit), minimumNoticeMinutes,
                staleDataHours, dailyCapPerDt, spreadPerFeeder, spreadMinutes, reconnectWithinMinutes,
                money(reconnectAboveBalance), money(rechargeMinimum), money(rechargeMultiple), money(rechargeMaximum), alerts,
                alertPercentUsed, money(alertBelowBalance), alertDaysLeft, arrearsRecoveryPercent);
    }

    /** Rupees with exactly two decimals (the value was checked to have at most two). */
    private static BigDecimal money(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    /** Why this policy cannot be used, one entry per field at fault (snake_case, as the API names it); empty when it can. */
    List<FieldError> problems() {
        List<FieldError> problems = new ArrayList<>();
        if ((protectedFrom == null) != (protectedUntil == null)) {
            problems.add(new FieldError(protectedFrom == null ? "protected_from" : "protected_until",
                    "both protected_from and protected_until, or neither (no protected hours)"));
        } else if (protectedFrom != null && protectedFrom.equals(protectedUntil)) {
            problems.add(new FieldError("protected_until", "must differ from protected_from (to protect a whole day, "
                    + "protect the weekday)"));
        }
        // all seven may be protected: a moratorium on disconnections
        if (protectedWeekdays == null) problems.add(new FieldError("protected_weekdays", "required (may be empty)"));
        between(problems, "grace_days_after_conversion", graceDaysAfterConversion, 0, 365);
        between(problems, "emergency_credit_days", emergencyCreditDays, 0, 30);
        if (emergencyCreditLimit != null) amount(problems, "emergency_credit_limit", emergencyCreditLimit, BigDecimal.ZERO, LAKH);
        between(problems, "minimum_notice_minutes", minimumNoticeMinutes, 0, 10_080);
        between(problems, "stale_data_hours", staleDataHours, 1, 720);
        between(problems, "daily_cap_per_dt", dailyCapPerDt, 1, 10_000);
        between(problems, "spread_per_feeder", spreadPerFeeder, 1, 10_000);
        between(problems, "spread_minutes", spreadMinutes, 1, 1440);
        between(problems, "reconnect_within_minutes", reconnectWithinMinutes, 1, 1440);
        amount(problems, "reconnect_above_balance", reconnectAboveBalance, LAKH.negate(), LAKH);
        boolean minimumOk = amount(problems, "recharge_minimum", rechargeMinimum, BigDecimal.ZERO, TEN_LAKH);
        boolean multipleOk = amount(problems, "recharge_multiple", rechargeMultiple, new BigDecimal("0.01"), TEN_LAKH);
        boolean maximumOk = amount(problems, "recharge_maximum", rechargeMaximum, new BigDecimal("0.01"), TEN_LAKH);
        if (minimumOk && maximumOk && rechargeMinimum.compareTo(rechargeMaximum) > 0) {
            problems.add(new FieldError("recharge_maximum", "must not be below recharge_minimum"));
        } else if (multipleOk && maximumOk && rechargeMultiple.compareTo(rechargeMaximum) > 0) {
            problems.add(new FieldError("recharge_multiple", "must not be above recharge_maximum"));
        }
        if (alertPercentsOfLastRecharge == null) {
            problems.add(new FieldError("alert_percents_of_last_recharge", "required (may be empty)"));
        } else if (alertPercentsOfLastRecharge.size() > MAX_ALERT_PERCENTS
                || alertPercentsOfLastRecharge.stream().anyMatch(p -> p == null || p < 0 || p > 100)
                || new HashSet<>(alertPercentsOfLastRecharge).size() < alertPercentsOfLastRecharge.size()) {
            problems.add(new FieldError("alert_percents_of_last_recharge",
                    "at most " + MAX_ALERT_PERCENTS + " distinct percentages, each 0 to 100"));
        }
        if (alertPercentUsed != null) between(problems, "alert_percent_used", alertPercentUsed, 1, 100);
        if (alertBelowBalance != null) amount(problems, "alert_below_balance", alertBelowBalance, BigDecimal.ZERO, LAKH);
        if (alertDaysLeft != null) between(problems, "alert_days_left", alertDaysLeft, 1, 30);
        between(problems, "arrears_recovery_percent", arrearsRecoveryPercent, 0, 100);
        return problems;
    }

    private static void between(List<FieldError> problems, String field, int value, int least, int most) {
        if (value < least || value > most) problems.add(new FieldError(field, least + " to " + most));
    }

    /**
     * Checks an amount of rupees: present, within the bounds, at most 2 decimals. The scale is looked at before any
     * arithmetic, so 1e-999999999 and 1e999999999 are refused without being expanded.
     */
    private static boolean amount(List<FieldError> problems, String field, BigDecimal value, BigDecimal least, BigDecimal most) {
        if (value == null || value.scale() > 2 && value.stripTrailingZeros().scale() > 2
                || value.compareTo(least) < 0 || value.compareTo(most) > 0) {
            problems.add(new FieldError(field, "required, " + rupees(least) + " to " + rupees(most) + " with at most 2 decimals"));
            return false;
        }
        return true;
    }

    private static String rupees(BigDecimal amount) {
        return amount.toPlainString();
    }
}
