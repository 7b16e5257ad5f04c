package io.vidyut.mdm.prepaid.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.FieldErrorsException.FieldError;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A PUT body becomes a policy, or a list of every field at fault, each told once. */
class PrepaidPolicyRequestTest {

    static BigDecimal n(String value) {
        return new BigDecimal(value);
    }

    static PrepaidPolicyRequest request(BigDecimal graceDays, BigDecimal dailyCap, List<BigDecimal> alerts, BigDecimal percentUsed) {
        return new PrepaidPolicyRequest(LocalTime.of(18, 0), LocalTime.of(8, 0), Set.of(DayOfWeek.SUNDAY), true, true, graceDays,
                n("3"), null, n("1440"), n("48"), dailyCap, n("5"), n("10"), n("2"), n("0"), n("10"), n("1"), n("100000"), alerts,
                percentUsed, null, null, n("25"));
    }

    static List<String> faults(PrepaidPolicyRequest request) {
        FieldErrorsException e = catchThrowableOfType(FieldErrorsException.class, request::policy);
        return e == null ? List.of() : e.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void a_complete_request_is_the_policy_it_states() {
        PrepaidPolicyRequest request = request(n("30"), n("50.00"), List.of(n("30"), n("10"), n("0")), null);
        assertThat(request.policy().normalised()).as("as stored").isEqualTo(PrepaidPolicy.DEFAULTS);
        assertThat(request(n("3E+1"), n("50"), List.of(n("30"), n("10"), n("0")), null).policy().graceDaysAfterConversion())
                .isEqualTo(30);
    }

    @Test
    void numbers_that_are_not_whole_or_beyond_an_int_are_told_once_each() {
        assertThat(faults(request(n("1e999999999"), n("1e-999999999"), List.of(n("2.5"), n("-1e999999999")), n("75.1"))))
                .containsExactly("grace_days_after_conversion", "daily_cap_per_dt", "alert_percents_of_last_recharge[0]",
                        "alert_percents_of_last_recharge[1]", "alert_percent_used");
        assertThat(faults(request(n("2147483648"), n("50"), List.of(), null))).containsExactly("grace_days_after_conversion");
        assertThat(faults(request(n("366"), n("50"), List.of(), null))).as("an int out of bounds: the policy's own check")
                .containsExactly("grace_days_after_conversion");
    }

    @Test
    void missing_fields_are_required_and_a_null_weekday_is_refused() {
        assertThat(faults(request(null, null, null, null))).containsExactly("grace_days_after_conversion", "daily_cap_per_dt",
                "alert_percents_of_last_recharge");
        PrepaidPolicyRequest nullDay = new PrepaidPolicyRequest(null, null, new java.util.HashSet<>(Arrays.asList(DayOfWeek.SUNDAY, null)),
                null, true, n("0"), n("0"), null, n("0"), n("1"), n("1"), n("1"), n("1"), n("1"), n("0"), n("0"), n("1"), n("1"),
                Arrays.asList(n("10"), null), null, null, null, n("0"));
        assertThat(faults(nullDay)).containsExactly("protected_weekdays", "second_saturday_protected",
                "alert_percents_of_last_recharge[1]");
    }
}
