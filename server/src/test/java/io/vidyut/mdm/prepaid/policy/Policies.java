package io.vidyut.mdm.prepaid.policy;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A policy made from another with some fields changed, for the rules' tests; and IST instants. */
final class Policies {
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    LocalTime protectedFrom, protectedUntil;
    Set<DayOfWeek> protectedWeekdays;
    boolean secondSaturdayProtected, holidaysProtected;
    int graceDaysAfterConversion, emergencyCreditDays;
    BigDecimal emergencyCreditLimit;
    int minimumNoticeMinutes, staleDataHours, dailyCapPerDt, spreadPerFeeder, spreadMinutes, reconnectWithinMinutes;
    BigDecimal reconnectAboveBalance, rechargeMinimum, rechargeMultiple, rechargeMaximum;
    List<Integer> alertPercentsOfLastRecharge;
    Integer alertPercentUsed;
    BigDecimal alertBelowBalance;
    Integer alertDaysLeft;
    int arrearsRecoveryPercent;

    private Policies(PrepaidPolicy p) {
        protectedFrom = p.protectedFrom();
        protectedUntil = p.protectedUntil();
        protectedWeekdays = p.protectedWeekdays();
        secondSaturdayProtected = p.secondSaturdayProtected();
        holidaysProtected = p.holidaysProtected();
        graceDaysAfterConversion = p.graceDaysAfterConversion();
        emergencyCreditDays = p.emergencyCreditDays();
        emergencyCreditLimit = p.emergencyCreditLimit();
        minimumNoticeMinutes = p.minimumNoticeMinutes();
        staleDataHours = p.staleDataHours();
        dailyCapPerDt = p.dailyCapPerDt();
        spreadPerFeeder = p.spreadPerFeeder();
        spreadMinutes = p.spreadMinutes();
        reconnectWithinMinutes = p.reconnectWithinMinutes();
        reconnectAboveBalance = p.reconnectAboveBalance();
        rechargeMinimum = p.rechargeMinimum();
        rechargeMultiple = p.rechargeMultiple();
        rechargeMaximum = p.rechargeMaximum();
        alertPercentsOfLastRecharge = p.alertPercentsOfLastRecharge();
        alertPercentUsed = p.alertPercentUsed();
        alertBelowBalance = p.alertBelowBalance();
        alertDaysLeft = p.alertDaysLeft();
        arrearsRecoveryPercent = p.arrearsRecoveryPercent();
    }

    static Policies from(PrepaidPolicy policy) {
        return new Policies(policy);
    }

    static Policies defaults() {
        return new Policies(PrepaidPolicy.DEFAULTS);
    }

    Policies hours(String from, String until) {
        protectedFrom = from == null ? null : LocalTime.parse(from);
        protectedUntil = until == null ? null : LocalTime.parse(until);
        return this;
    }

    Policies weekdays(DayOfWeek... days) {
        protectedWeekdays = days.length == 0 ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.of(days[0], days);
        return this;
    }

    PrepaidPolicy build() {
        return new PrepaidPolicy(protectedFrom, protectedUntil, protectedWeekdays, secondSaturdayProtected, holidaysProtected,
                graceDaysAfterConversion, emergencyCreditDays, emergencyCreditLimit, minimumNoticeMinutes, staleDataHours,
                dailyCapPerDt, spreadPerFeeder, spreadMinutes, reconnectWithinMinutes, reconnectAboveBalance, rechargeMinimum,
                rechargeMultiple, rechargeMaximum, alertPercentsOfLastRecharge, alertPercentUsed, alertBelowBalance,
                alertDaysLeft, arrearsRecoveryPercent);
    }

    /** An IST wall-clock time ("2026-11-21T19:00") as an instant. */
    static Instant ist(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(IST).toInstant();
    }
}
