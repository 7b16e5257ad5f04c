package io.vidyut.mdm.prepaid.policy;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.FieldErrorsException.FieldError;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A whole {@link PrepaidPolicy} as a tenant administrator sends it (PUT): every field is required but those that may be
 * null (no protected hours, no emergency credit limit, no such alert), whose absence means null. Whole numbers are read
 * as decimals, so that a number of any size or precision (1e999999999, 2.5) is a field error naming the field, like
 * every other problem, rather than a body that cannot be read.
 */
record PrepaidPolicyRequest(@JsonFormat(pattern = "HH:mm") LocalTime protectedFrom,
                            @JsonFormat(pattern = "HH:mm") LocalTime protectedUntil, Set<DayOfWeek> protectedWeekdays,
                            Boolean secondSaturdayProtected, Boolean holidaysProtected,
                            @Schema(type = "integer") BigDecimal graceDaysAfterConversion,
                            @Schema(type = "integer") BigDecimal emergencyCreditDays, BigDecimal emergencyCreditLimit,
                            @Schema(type = "integer") BigDecimal minimumNoticeMinutes,
                            @Schema(type = "integer") BigDecimal staleDataHours,
                            @Schema(type = "integer") BigDecimal dailyCapPerDt,
                            @Schema(type = "integer") BigDecimal spreadPerFeeder,
                            @Schema(type = "integer") BigDecimal spreadMinutes,
                            @Schema(type = "integer") BigDecimal reconnectWithinMinutes, BigDecimal reconnectAboveBalance,
                            BigDecimal rechargeMinimum, BigDecimal rechargeMultiple, BigDecimal rechargeMaximum,
                            @ArraySchema(schema = @Schema(type = "integer")) List<BigDecimal> alertPercentsOfLastRecharge,
                            @Schema(type = "integer") BigDecimal alertPercentUsed, BigDecimal alertBelowBalance,
                            @Schema(type = "integer") BigDecimal alertDaysLeft,
                            @Schema(type = "integer") BigDecimal arrearsRecoveryPercent) {
    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE), INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

    /**
     * The policy asked for, or a 422 naming every field missing, not a whole number where one is wanted, or out of
     * bounds. A field found missing or unreadable is told once: the defaults stand in for it while the others are checked.
     */
    PrepaidPolicy policy() {
        List<FieldError> errors = new ArrayList<>();
        PrepaidPolicy d = PrepaidPolicy.DEFAULTS;
        Set<DayOfWeek> weekdays = protectedWeekdays;
        if (weekdays != null && weekdays.stream().anyMatch(Objects::isNull)) {
            errors.add(new FieldError("protected_weekdays", "days of the week, MONDAY to SUNDAY"));
            weekdays = d.protectedWeekdays();
        }
        PrepaidPolicy policy = new PrepaidPolicy(protectedFrom, protectedUntil, weekdays,
                required(errors, "second_saturday_protected", secondSaturdayProtected, d.secondSaturdayProtected()),
                required(errors, "holidays_protected", holidaysProtected, d.holidaysProtected()),
                whole(errors, "grace_days_after_conversion", graceDaysAfterConversion, d.graceDaysAfterConversion()),
                whole(errors, "emergency_credit_days", emergencyCreditDays, d.emergencyCreditDays()),
                emergencyCreditLimit,
                whole(errors, "minimum_notice_minutes", minimumNoticeMinutes, d.minimumNoticeMinutes()),
                whole(errors, "stale_data_hours", staleDataHours, d.staleDataHours()),
                whole(errors, "daily_cap_per_dt", dailyCapPerDt, d.dailyCapPerDt()),
                whole(errors, "spread_per_feeder", spreadPerFeeder, d.spreadPerFeeder()),
                whole(errors, "spread_minutes", spreadMinutes, d.spreadMinutes()),
                whole(errors, "reconnect_within_minutes", reconnectWithinMinutes, d.reconnectWithinMinutes()),
                reconnectAboveBalance, rechargeMinimum, rechargeMultiple, rechargeMaximum,
                alertPercents(errors, d.alertPercentsOfLastRecharge()),
                optionalWhole(errors, "alert_percent_used", alertPercentUsed), alertBelowBalance,
                optionalWhole(errors, "alert_days_left", alertDaysLeft),
                whole(errors, "arrears_recovery_percent", arrearsRecoveryPercent, d.arrearsRecoveryPercent()));
        errors.addAll(policy.problems());
        if (!errors.isEmpty()) throw new FieldErrorsException(errors);
        return policy;
    }

    private List<Integer> alertPercents(List<FieldError> errors, List<Integer> standIn) {
        if (alertPercentsOfLastRecharge == null) return null; // told by the policy's own check
        List<Integer> percents = new ArrayList<>();
        boolean readable = true;
        for (int i = 0; i < alertPercentsOfLastRecharge.size(); i++) {
            Integer percent = alertPercentsOfLastRecharge.get(i) == null ? null
                    : wholeOrNull(alertPercentsOfLastRecharge.get(i));
            if (percent == null) {
                errors.add(new FieldError("alert_percents_of_last_recharge[" + i + "]", "a whole number"));
                readable = false;
            }
            percents.add(percent);
        }
        return readable ? percents : standIn;
    }

    private static <T> T required(List<FieldError> errors, String field, T value, T standIn) {
        if (value != null) return value;
        errors.add(new FieldError(field, "required"));
        return standIn;
    }

    private static int whole(List<FieldError> errors, String field, BigDecimal value, int standIn) {
        if (value == null) {
            errors.add(new FieldError(field, "required"));
            return standIn;
        }
        Integer whole = wholeOrNull(value);
        if (whole == null) {
            errors.add(new FieldError(field, "a whole number"));
            return standIn;
        }
        return whole;
    }

    /** Null when absent; a number that is not whole is told, and null stands in for it (null is allowed there). */
    private static Integer optionalWhole(List<FieldError> errors, String field, BigDecimal value) {
        if (value == null) return null;
        Integer whole = wholeOrNull(value);
        if (whole == null) errors.add(new FieldError(field, "a whole number"));
        return whole;
    }

    /** The value as an int when it is a whole number an int holds; the bounds are compared before any expansion. */
    private static Integer wholeOrNull(BigDecimal value) {
        if (value.compareTo(INT_MIN) < 0 || value.compareTo(INT_MAX) > 0) return null;
        if (value.scale() > 0 && value.stripTrailingZeros().scale() > 0) return null;
        return value.intValueExact();
    }
}
