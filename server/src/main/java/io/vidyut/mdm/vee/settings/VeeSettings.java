package io.vidyut.mdm.vee.settings;

import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.channels.ChannelKind;
import io.vidyut.mdm.common.FieldErrorsException.FieldError;
import io.vidyut.mdm.vee.VeeRule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What VEE checks and how, for one tenant and meter class. Absent fields take the defaults of
 * PRODUCT.md §4.3, so a tenant states only what it changes.
 *
 * @param rules                         the checks that run (all by default)
 * @param graceMinutes                  how long a gap may stay open before it is a gap (late data is normal)
 * @param lookbackDays                  how far back the gap scan looks
 * @param highLimitFactor               interval energy above sanctioned kW × interval hours × this fails
 * @param lowLimitFactor                interval energy below sanctioned kW × interval hours × this fails (0: off)
 * @param spikeFactor                   an interval above this multiple of its neighbours' median is a spike
 * @param spikeWindow                   neighbours on each side the median is taken over
 * @param spikeMinimumKwh               intervals below this are never spikes (noise at near-zero load)
 * @param spikeHistoryFactor            with too few neighbours to judge by, an interval above this multiple of the
 *                                      meter's recent typical interval is a spike
 * @param zeroRunIntervals              zero intervals in a row, with voltage present, that fail
 * @param zeroRunMinimumVolts           voltage that counts as present
 * @param flatLineIntervals             equal non-zero intervals in a row that fail
 * @param sumCheckTolerancePercent      allowed difference between Σ intervals and the register's advance
 * @param sumCheckMinimumKwh            differences below this always pass (interval rounding)
 * @param registerMaximumKwh            the largest value a cumulative register shows before it restarts
 * @param rolloverThresholdPercent      a register falling from above this share of its maximum rolled over
 * @param linearMaximumMinutes          gaps up to this long are interpolated
 * @param likeDayWeeks                  weeks of history the like-day average uses
 * @param prolongedEstimationIntervals  consecutive estimates that raise an exception
 * @param estimatedChannels             the channels VEE fills gaps in
 * @param holidays                      days estimated like Sundays
 * @param editApprovalRequired          edits wait for a second person's approval
 */
public record VeeSettings(Set<VeeRule> rules, Integer graceMinutes, Integer lookbackDays, Double highLimitFactor,
                          Double lowLimitFactor, Double spikeFactor, Integer spikeWindow, Double spikeMinimumKwh,
                          Double spikeHistoryFactor,
                          Integer zeroRunIntervals, Double zeroRunMinimumVolts, Integer flatLineIntervals,
                          Double sumCheckTolerancePercent, Double sumCheckMinimumKwh, Double registerMaximumKwh,
                          Double rolloverThresholdPercent, Integer linearMaximumMinutes, Integer likeDayWeeks,
                          Integer prolongedEstimationIntervals, Set<Channel> estimatedChannels, Set<LocalDate> holidays,
                          Boolean editApprovalRequired) {

    public VeeSettings {
        if (rules == null) rules = EnumSet.allOf(VeeRule.class);
        if (graceMinutes == null) graceMinutes = 240;
        if (lookbackDays == null) lookbackDays = 3;
        if (highLimitFactor == null) highLimitFactor = 1.5;
        if (lowLimitFactor == null) lowLimitFactor = 0.0;
        if (spikeFactor == null) spikeFactor = 5.0;
        if (spikeWindow == null) spikeWindow = 8;
        if (spikeMinimumKwh == null) spikeMinimumKwh = 0.05;
        if (spikeHistoryFactor == null) spikeHistoryFactor = 10.0;
        if (zeroRunIntervals == null) zeroRunIntervals = 16;
        if (zeroRunMinimumVolts == null) zeroRunMinimumVolts = 100.0;
        if (flatLineIntervals == null) flatLineIntervals = 12;
        if (sumCheckTolerancePercent == null) sumCheckTolerancePercent = 2.0;
        if (sumCheckMinimumKwh == null) sumCheckMinimumKwh = 0.05;
        if (registerMaximumKwh == null) registerMaximumKwh = 99_999.999;
        if (rolloverThresholdPercent == null) rolloverThresholdPercent = 90.0;
        if (linearMaximumMinutes == null) linearMaximumMinutes = 120;
        if (likeDayWeeks == null) likeDayWeeks = 4;
        if (prolongedEstimationIntervals == null) prolongedEstimationIntervals = 96;
        if (estimatedChannels == null) estimatedChannels = EnumSet.of(Channel.KWH_IMPORT, Channel.KVAH_IMPORT);
        if (holidays == null) holidays = Set.of();
        if (editApprovalRequired == null) editApprovalRequired = false;
        rules = rules.isEmpty() ? EnumSet.noneOf(VeeRule.class) : EnumSet.copyOf(rules);
    }

    public static VeeSettings defaults() {
        return new VeeSettings(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null);
    }

    public boolean checks(VeeRule rule) {
        return rules.contains(rule);
    }

    /** Why these settings cannot be used; empty when they can. */
    public List<FieldError> problems() {
        List<FieldError> problems = new ArrayList<>();
        atLeast(problems, "grace_minutes", graceMinutes, 0);
        between(problems, "lookback_days", lookbackDays, 1, 62);
        if (highLimitFactor <= 0) problems.add(new FieldError("high_limit_factor", "must be positive"));
        if (lowLimitFactor < 0) problems.add(new FieldError("low_limit_factor", "must not be negative"));
        if (lowLimitFactor > 0 && lowLimitFactor >= highLimitFactor) {
            problems.add(new FieldError("low_limit_factor", "overlaps the high limit: must be below high_limit_factor ("
                    + highLimitFactor + ")"));
        }
        if (spikeFactor <= 1) problems.add(new FieldError("spike_factor", "must be more than 1"));
        between(problems, "spike_window", spikeWindow, 1, 48);
        if (spikeMinimumKwh < 0) problems.add(new FieldError("spike_minimum_kwh", "must not be negative"));
        if (spikeHistoryFactor <= 1) problems.add(new FieldError("spike_history_factor", "must be more than 1"));
        between(problems, "zero_run_intervals", zeroRunIntervals, 2, 2880);
        if (zeroRunMinimumVolts <= 0) problems.add(new FieldError("zero_run_minimum_volts", "must be positive"));
        between(problems, "flat_line_intervals", flatLineIntervals, 2, 2880);
        if (sumCheckTolerancePercent < 0 || sumCheckTolerancePercent > 100) {
            problems.add(new FieldError("sum_check_tolerance_percent", "must be between 0 and 100"));
        }
        if (sumCheckMinimumKwh < 0) problems.add(new FieldError("sum_check_minimum_kwh", "must not be negative"));
        if (registerMaximumKwh <= 0) problems.add(new FieldError("register_maximum_kwh", "must be positive"));
        if (rolloverThresholdPercent <= 0 || rolloverThresholdPercent >= 100) {
            problems.add(new FieldError("rollover_threshold_percent", "must be between 0 and 100 (exclusive)"));
        }
        between(problems, "linear_maximum_minutes", linearMaximumMinutes, 0, 1440);
        between(problems, "like_day_weeks", likeDayWeeks, 1, 52);
        between(problems, "prolonged_estimation_intervals", prolongedEstimationIntervals, 1, 100_000);
        for (Channel channel : estimatedChannels) {
            if (channel.kind() != ChannelKind.INTERVAL || !channel.additive()) {
                problems.add(new FieldError("estimated_channels", channel + " is not an interval energy channel"));
            }
        }
        return problems;
    }

    private static void atLeast(List<FieldError> problems, String field, int value, int minimum) {
        if (value < minimum) problems.add(new FieldError(field, "must be at least " + minimum));
    }

    private static void between(List<FieldError> problems, String field, int value, int minimum, int maximum) {
        if (value < minimum || value > maximum) problems.add(new FieldError(field, "must be between " + minimum + " and " + maximum));
    }
}
