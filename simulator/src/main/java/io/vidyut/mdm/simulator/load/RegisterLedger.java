package io.vidyut.mdm.simulator.load;

import io.vidyut.mdm.simulator.anomaly.AnomalyPlan;
import io.vidyut.mdm.simulator.fleet.SimMeter;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * The cumulative import register (1.0.1.8.0.255) of meters that report one, at each local midnight.
 *
 * <p>Register = opening reading + every kWh the meter recorded since a fixed epoch (default 1 Jan 2026), modulo
 * 100000 kWh (it shows 0.000 … 99999.999). Counting from a fixed epoch rather than from the run's start keeps
 * the register identical for the same midnight in every run and never lets it go backwards when a simulator
 * restarts; the price is computing the days since the epoch once (about a millisecond per day per thousand
 * meters). The daily increase equals the sum of the day's recorded intervals, so the MDM's sum check passes unless
 * an anomaly (spike, gap) broke the interval data.
 *
 * <p>A register can only roll over visibly if it was near 99999.999 the day before, so for a meter drawn to roll
 * over on day D the opening reading is chosen so that it passes 99999.999 halfway through D.
 */
public final class RegisterLedger {
    public static final double WRAP_KWH = 100_000.0;
    private static final int TAG_OPENING = 501;

    private final FleetDayCalculator calculator;
    private final LocalDate epoch;
    private final List<SimMeter> meters;
    private final Map<String, Integer> indexById = new HashMap<>();
    private final List<double[]> cumulative = new ArrayList<>();  // [day since epoch][meter]: kWh through that day
    private final double[] opening;
    private final LocalDate[] rolloverDays;

    /**
     * @param rolloverFrom first day on which an injected rollover may happen (the simulated window's start)
     * @param rolloverTo   last such day
     */
    public RegisterLedger(FleetDayCalculator calculator, Collection<SimMeter> meters, LocalDate epoch, long seed,
                          AnomalyPlan plan, LocalDate rolloverFrom, LocalDate rolloverTo) {
        this.calculator = calculator;
        this.epoch = epoch;
        this.meters = List.copyOf(meters);
        this.opening = new double[this.meters.size()];
        this.rolloverDays = new LocalDate[this.meters.size()];
        for (int i = 0; i < this.meters.size(); i++) {
            SimMeter meter = this.meters.get(i);
            indexById.put(meter.id(), i);
            opening[i] = 100 + 19_900 * Noise.unit(seed, meter.key(), 0, TAG_OPENING);
        }
        for (int i = 0; i < this.meters.size(); i++) {
            LocalDate from = rolloverFrom.isBefore(epoch) ? epoch : rolloverFrom;
            Optional<LocalDate> day = plan.rolloverDay(this.meters.get(i).key(), from, rolloverTo);
            if (day.isPresent()) {
                arrangeRollover(i, day.get());
            }
        }
    }

    public boolean tracks(SimMeter meter) {
        return indexById.containsKey(meter.id());
    }

    /** The register at the midnight ending {@code day}, kWh with three decimals, as the meter displays it. */
    public synchronized double registerAt(SimMeter meter, LocalDate day) {
        int i = index(meter);
        double raw = opening[i] + cumulativeThrough(i, day);
        double shown = raw % WRAP_KWH;
        return Math.floor(shown * 1000) / 1000;
    }

    /**
     * The register at the end of interval {@code index} of the fleet day: the previous midnight's count plus what
     * the meter recorded since, as an on-demand read shows it. At the day's last interval it is exactly
     * {@link #registerAt}, the value pushed at midnight.
     */
    public synchronized double registerAfter(SimMeter meter, FleetDay fleetDay, int index) {
        LocalDate day = fleetDay.day();
        if (index == IntervalClock.PER_DAY - 1) {
            return registerAt(meter, day);
        }
        int i = index(meter);
        double today = 0;
        MeterFlow flow = fleetDay.flow(meter);
        for (int k = 0; flow != null && k <= index; k++) {
            today += flow.importKwh()[k];
        }
        double raw = opening[i] + cumulativeThrough(i, day.minusDays(1)) + today;
        return Math.floor(raw % WRAP_KWH * 1000) / 1000;
    }

    /** Whether registers can be given for {@code day}: days before the epoch have no count. */
    public boolean counts(LocalDate day) {
        return !day.isBefore(epoch);
    }

    /** Whether the register restarted from 0 during {@code day}. */
    public synchronized boolean rolledOverOn(SimMeter meter, LocalDate day) {
        return registerAt(meter, day) < registerAt(meter, day.minusDays(1));
    }

    /** Whether the rollover on {@code day} was arranged as an anomaly (rather than the meter's natural wrap). */
    public boolean injectedRolloverOn(SimMeter meter, LocalDate day) {
        return day.equals(rolloverDays[index(meter)]);
    }

    private void arrangeRollover(int i, LocalDate day) {
        double before = cumulativeThrough(i, day.minusDays(1));
        double during = cumulativeThrough(i, day) - before;
        if (during < 0.01) {
            return;  // nothing recorded that day (e.g. reversed all day): it cannot roll over
        }
        double target = (before + during / 2) % WRAP_KWH;
        opening[i] = (WRAP_KWH - target) % WRAP_KWH;
        rolloverDays[i] = day;
    }

    private double cumulativeThrough(int meterIndex, LocalDate day) {
        long offset = ChronoUnit.DAYS.between(epoch, day);
        if (offset < -1) {
            throw new IllegalArgumentException("register asked for " + day + ", before the register epoch " + epoch);
        }
        if (offset == -1) {
            return 0;
        }
        ensureThrough((int) offset);
        return cumulative.get((int) offset)[meterIndex];
    }

    private void ensureThrough(int offset) {
        int from = cumulative.size();
        if (offset < from) {
            return;
        }
        // days are independent, so they are computed in parallel and summed in order afterwards
        double[][] totals = IntStream.rangeClosed(from, offset).parallel()
                .mapToObj(k -> dayTotals(epoch.plusDays(k))).toArray(double[][]::new);
        double[] running = from == 0 ? new double[meters.size()] : cumulative.get(from - 1).clone();
        for (double[] day : totals) {
            for (int m = 0; m < running.length; m++) {
                running[m] += day[m];
            }
            cumulative.add(running.clone());
        }
    }

    private double[] dayTotals(LocalDate day) {
        FleetDay fleetDay = calculator.compute(day);
        double[] totals = new double[meters.size()];
        for (int m = 0; m < totals.length; m++) {
            MeterFlow flow = fleetDay.flow(meters.get(m));
            totals[m] = flow == null ? 0 : flow.importTotal();
        }
        return totals;
    }

    private int index(SimMeter meter) {
        Integer i = indexById.get(meter.id());
        if (i == null) {
            throw new IllegalArgumentException("meter " + meter.serial() + " has no register in this ledger");
        }
        return i;
    }
}
