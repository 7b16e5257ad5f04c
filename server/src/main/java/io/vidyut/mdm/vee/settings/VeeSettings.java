package io.vidyut.mdm.vee.settings;

import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.channels.ChannelKind;
import io.vidyut.mdm.common.FieldErrorsException.FieldError;
import io.vidyut.mdm.vee.VeeRule;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What VEE checks and how, for one tenant and meter class. Absent fields take the defaults of
 * PRODUCT.md §4.3, so a tenant states only what it changes. Run lengths are durations (minutes), so
 * one setting means the same on 15- and 30-minute meters; stored settings from before V31 held
 * interval counts and were converted at 15 minutes each.
 *
 * @param rules                          the checks that run (all by default)
 * @param blockingRules                  the checks whose exceptions hold their values back from billing until a
 *                                       person resolves them; the others only inform (default: each rule's own)
 * @param graceMinutes                   how long a gap may stay open before it is a gap (late data is normal)
 * @param lookbackDays                   how far back the gap scan looks
 * @param highLimitFactor                interval energy above sanctioned kW × interval hours × this fails
 * @param lowLimitFactor                 interval energy below sanctioned kW × interval hours × this fails (0: off)
 * @param spikeTolerancePercent          an interval more than this far above the day's reference interval is a spike
 *                                       (300: over four times it)
 * @param spikeReferenceRank             the day's reference interval is its n-th highest (2: the day's peak is judged
 *                                       against its next; ordinary peaks such as a kettle or a heater recur, a spike
 *                                       does not; 3 also catches two spikes in a day, at more false ones)
 * @param spikeMinimumKw                 intervals below this average power (energy ÷ interval hours) are never spikes
 * @param spikeHistoryFactor             until the day is complete, an interval above this multiple of the meter's
 *                                       recent typical interval is a spike (gross ones only: a kettle is ten times a
 *                                       quiet household's average half-hour)
 * @param spikePeakFactor                a spike must also be above this multiple of the meter's usual daily peak (the
 *                                       median of its highest interval on each of the last four weeks' complete days,
 *                                       once a week of them is known): a household's big days recur, a fault does not
 *                                       (0: off)
 * @param zeroRunMinutes                 zero consumption this long, with voltage present, fails
 * @param zeroRunMinimumVolts            voltage that counts as present
 * @param zeroRunWithoutVoltageMinutes   zero consumption this long on a day without voltage data is a ZERO_RUN too
 * @param zeroRunWithoutVoltageBlocking  whether such a zero run (vacancy or an outage, not provably a fault) blocks
 * @param flatLineMinutes                the same non-zero value this long fails
 * @param flatLineMinimumKw              runs below this average power are standby load, never a flat line
 * @param sumCheckTolerancePercent       allowed difference between Σ intervals and the register's advance
 * @param sumCheckMinimumKwh             differences below this always pass (interval rounding)
 * @param registerMaximumKwh             the largest value a cumulative register shows before it restarts
 * @param rolloverThresholdPercent       a register falling from above this share of its maximum rolled over
 * @param linearMaximumMinutes           gaps up to this long may be interpolated (where the estimation order tries LINEAR)
 * @param likeDayWeeks                   weeks of history like-day estimation uses
 * @param prolongedEstimationMinutes     estimates in a row this long raise an exception
 * @param estimatedChannels              the channels VEE fills gaps in
 * @param holidays                       days estimated like Sundays
 * @param editApprovalRequired           edits wait for a second person's approval
 * @param resendChangeThresholdPercent   a re-sent actual value changing a stored actual one by more than this (of
 *                                       the stored value) is subject to {@code resendChangeAction}; smaller changes
 *                                       replace
 * @param resendChangeAction             REPLACE: such a change replaces the value (history, a DUPLICATE exception,
 *                                       a billing notice); HOLD: the stored value stands and the re-sent one waits in
 *                                       a RESEND_CHANGE exception for a person
 * @param estimationOrder                the methods tried per gap length, shortest bound first (see {@link EstimationStep})
 * @param likeDayEstimatedWeight         how much an estimated value in the like-day history counts against an actual one
 * @param likeDayWeeklyWeight            how much each week further back counts against the week after it (1: all alike)
 * @param weekendDays                    the days like-day estimation takes as the weekend (Saturday and Sunday; a
 *                                       DISCOM whose consumers work on Saturdays leaves Saturday out); holidays too
 */
public record VeeSettings(Set<VeeRule> rules, Set<VeeRule> blockingRules, Integer graceMinutes, Integer lookbackDays,
                          Double highLimitFactor, Double lowLimitFactor, Double spikeTolerancePercent,
                          Integer spikeReferenceRank, Double spikeMinimumKw, Double spikeHistoryFactor, Double spikePeakFactor,
                          Integer zeroRunMinutes, Double zeroRunMinimumVolts, Integer zeroRunWithoutVoltageMinutes,
                          Boolean zeroRunWithoutVoltageBlocking, Integer flatLineMinutes, Double flatLineMinimumKw,
                          Double sumCheckTolerancePercent, Double sumCheckMinimumKwh, Double registerMaximumKwh,
                          Double rolloverThresholdPercent, Integer linearMaximumMinutes, Integer likeDayWeeks,
                          Integer prolongedEstimationMinutes, Set<Channel> estimatedChannels, Set<LocalDate> holidays,
                          Boolean editApprovalRequired, Double resendChangeThresholdPercent,
                          ResendAction resendChangeAction, List<EstimationStep> estimationOrder,
                          Double likeDayEstimatedWeight, Double likeDayWeeklyWeight, Set<DayOfWeek> weekendDays) {

    /** What happens to a re-sent actual value that changes a stored one beyond the threshold. */
    public enum ResendAction { REPLACE, HOLD }

    public VeeSettings {
        if (rules == null) rules = EnumSet.allOf(VeeRule.class);
        if (blockingRules == null) blockingRules = EnumSet.copyOf(Arrays.stream(VeeRule.values()).filter(VeeRule::blocking).toList());
        if (graceMinutes == null) graceMinutes = 240;
        if (lookbackDays == null) lookbackDays = 3;
        if (highLimitFactor == null) highLimitFactor = 1.5;
        if (lowLimitFactor == null) lowLimitFactor = 0.0;
        if (spikeTolerancePercent == null) spikeTolerancePercent = 300.0;
        if (spikeReferenceRank == null) spikeReferenceRank = 2;
        if (spikeMinimumKw == null) spikeMinimumKw = 1.5;
        if (spikeHistoryFactor == null) spikeHistoryFactor = 30.0;
        if (spikePeakFactor == null) spikePeakFactor = 2.0;
        if (zeroRunMinutes == null) zeroRunMinutes = 240;
        if (zeroRunMinimumVolts == null) zeroRunMinimumVolts = 100.0;
        if (zeroRunWithoutVoltageMinutes == null) zeroRunWithoutVoltageMinutes = 480;
        if (zeroRunWithoutVoltageBlocking == null) zeroRunWithoutVoltageBlocking = false;
        if (flatLineMinutes == null) flatLineMinutes = 180;
        if (flatLineMinimumKw == null) flatLineMinimumKw = 0.2;
        if (sumCheckTolerancePercent == null) sumCheckTolerancePercent = 2.0;
        if (sumCheckMinimumKwh == null) sumCheckMinimumKwh = 0.05;
        if (registerMaximumKwh == null) registerMaximumKwh = 99_999.999;
        if (rolloverThresholdPercent == null) rolloverThresholdPercent = 90.0;
        if (linearMaximumMinutes == null) linearMaximumMinutes = 120;
        if (likeDayWeeks == null) likeDayWeeks = 4;
        if (prolongedEstimationMinutes == null) prolongedEstimationMinutes = 1440;
        if (estimatedChannels == null) estimatedChannels = EnumSet.of(Channel.KWH_IMPORT, Channel.KVAH_IMPORT);
        if (holidays == null) holidays = Set.of();
        if (editApprovalRequired == null) editApprovalRequired = false;
        if (resendChangeThresholdPercent == null) resendChangeThresholdPercent = 10.0;
        if (resendChangeAction == null) resendChangeAction = ResendAction.REPLACE;
        if (estimationOrder == null || estimationOrder.isEmpty()) estimationOrder = EstimationStep.defaults();
        if (likeDayEstimatedWeight == null) likeDayEstimatedWeight = 0.25;
        if (likeDayWeeklyWeight == null) likeDayWeeklyWeight = 1.0;
        weekendDays = weekendDays == null ? EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY)
                : weekendDays.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(weekendDays);
        estimationOrder = List.copyOf(estimationOrder);
        rules = rules.isEmpty() ? EnumSet.noneOf(VeeRule.class) : EnumSet.copyOf(rules);
        blockingRules = blockingRules.isEmpty() ? EnumSet.noneOf(VeeRule.class) : EnumSet.copyOf(blockingRules);
    }

    public static VeeSettings defaults() {
        return new VeeSettings(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Whether an exception of this rule holds its values back from billing. */
    public boolean blocks(VeeRule rule) {
        return blockingRules.contains(rule);
    }

    /** A run of {@code minutes} in intervals of {@code intervalMinutes}, never less than two (one interval is no run). */
    public static int intervalsIn(int minutes, int intervalMinutes) {
        return Math.max(2, (minutes + intervalMinutes - 1) / intervalMinutes);
    }

    /** Whether a re-sent value changes a stored one by more than {@code resendChangeThresholdPercent} of it. */
    public boolean beyondResendThreshold(long stored, long resent) {
        return Math.abs((double) resent - stored) * 100 > resendChangeThresholdPercent * Math.abs((double) stored);
    }

    /** The methods to try, in order, for a gap this many minutes long: the first step whose bound it is within, else the last. */
    public List<io.vidyut.mdm.vee.EstimationMethod> estimationMethodsFor(long gapMinutes) {
        for (EstimationStep step : estimationOrder) {
            if (step.upToMinutes() == null || gapMinutes <= step.upToMinutes()) return step.methods();
        }
        return estimationOrder.get(estimationOrder.size() - 1).methods();
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
        if (spikeTolerancePercent <= 0) problems.add(new FieldError("spike_tolerance_percent", "must be positive"));
        between(problems, "spike_reference_rank", spikeReferenceRank, 2, 12);
        if (spikeMinimumKw < 0) problems.add(new FieldError("spike_minimum_kw", "must not be negative"));
        if (spikeHistoryFactor <= 1) problems.add(new FieldError("spike_history_factor", "must be more than 1"));
        if (spikePeakFactor < 0) problems.add(new FieldError("spike_peak_factor", "must not be negative"));
        between(problems, "zero_run_minutes", zeroRunMinutes, 30, 1440);
        if (zeroRunMinimumVolts <= 0) problems.add(new FieldError("zero_run_minimum_volts", "must be positive"));
        between(problems, "zero_run_without_voltage_minutes", zeroRunWithoutVoltageMinutes, 30, 1440);
        between(problems, "flat_line_minutes", flatLineMinutes, 30, 1440);
        if (flatLineMinimumKw < 0) problems.add(new FieldError("flat_line_minimum_kw", "must not be negative"));
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
        between(problems, "prolonged_estimation_minutes", prolongedEstimationMinutes, 15, 525_600);
        if (resendChangeThresholdPercent < 0) problems.add(new FieldError("resend_change_threshold_percent", "must not be negative"));
        estimationOrderProblems(problems);
        if (likeDayEstimatedWeight < 0 || likeDayEstimatedWeight > 1) {
            problems.add(new FieldError("like_day_estimated_weight", "must be between 0 and 1"));
        }
        if (weekendDays.size() == 7) problems.add(new FieldError("weekend_days", "leave at least one working day"));
        if (likeDayWeeklyWeight <= 0 || likeDayWeeklyWeight > 1) {
            problems.add(new FieldError("like_day_weekly_weight", "must be above 0 and at most 1"));
        }
        for (Channel channel : estimatedChannels) {
            if (channel.kind() != ChannelKind.INTERVAL || !channel.additive()) {
                problems.add(new FieldError("estimated_channels", channel + " is not an interval energy channel"));
            }
        }
        return problems;
    }

    private void estimationOrderProblems(List<FieldError> problems) {
        Integer previous = null;
        for (int i = 0; i < estimationOrder.size(); i++) {
            EstimationStep step = estimationOrder.get(i);
            if (step.methods().isEmpty()) problems.add(new FieldError("estimation_order", "step " + (i + 1) + " names no method"));
            if (step.upToMinutes() == null && i < estimationOrder.size() - 1) {
                problems.add(new FieldError("estimation_order", "only the last step may be without up_to_minutes"));
            }
            if (step.upToMinutes() != null && (step.upToMinutes() <= 0 || (previous != null && step.upToMinutes() <= previous))) {
                problems.add(new FieldError("estimation_order", "up_to_minutes must be positive and grow from step to step"));
            }
            if (step.upToMinutes() != null) previous = step.upToMinutes();
        }
    }

    private static void atLeast(List<FieldError> problems, String field, int value, int minimum) {
        if (value < minimum) problems.add(new FieldError(field, "must be at least " + minimum));
    }

    private static void between(List<FieldError> problems, String field, int value, int minimum, int maximum) {
        if (value < minimum || value > maximum) problems.add(new FieldError(field, "must be between " + minimum + " and " + maximum));
    }
}
