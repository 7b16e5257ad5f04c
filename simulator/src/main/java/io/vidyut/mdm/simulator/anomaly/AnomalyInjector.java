package io.vidyut.mdm.simulator.anomaly;

import io.vidyut.mdm.simulator.fleet.MeterRole;
import io.vidyut.mdm.simulator.fleet.SimMeter;
import io.vidyut.mdm.simulator.load.IntervalClock;
import io.vidyut.mdm.simulator.load.RegisterLedger;
import io.vidyut.mdm.simulator.payload.IntervalReading;
import io.vidyut.mdm.simulator.payload.MeterDay;
import io.vidyut.mdm.simulator.payload.Payload;
import io.vidyut.mdm.simulator.payload.RegisterReading;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Applies the {@link AnomalyPlan} to clean readings on their way out and logs each anomaly once.
 *
 * <p>Reverse energy and rollovers are physical (the meter really recorded them) and were already put into the
 * data by the load model and register ledger; here they are only logged. Gaps, spikes, clock drift and late
 * delivery are faults between meter and MDM and are applied here. A run or a meter-day event is logged by the call
 * that covers its first interval, or, for one that began before the simulated window, by the call that covers the
 * window's first interval; so each is logged once whether data goes out a day or an interval at a time.
 */
public final class AnomalyInjector {
    private final AnomalyPlan plan;
    private final AnomalyLog log;
    private final RegisterLedger ledger;
    private final long windowStartSlot;

    /**
     * @param ledger          registers, for logging rollovers (null when no meter reports a register)
     * @param windowStartSlot slot of the first interval this run sends
     */
    public AnomalyInjector(AnomalyPlan plan, AnomalyLog log, RegisterLedger ledger, long windowStartSlot) {
        this.plan = plan;
        this.log = log;
        this.ledger = ledger;
        this.windowStartSlot = windowStartSlot;
    }

    /**
     * What to send now, and what to hold back.
     *
     * @param late      held-back intervals of the same meter-day, or null
     * @param releaseAt when to send {@code late}
     */
    public record Result(MeterDay onTime, MeterDay late, Instant releaseAt) {
    }

    public Result apply(MeterDay clean) {
        if (!plan.enabled()) {
            return new Result(clean, null, null);
        }
        SimMeter meter = clean.meter();
        LocalDate day = clean.day();
        List<IntervalReading> intervals = clean.intervals();
        RegisterReading register = clean.register();
        logRollover(clean);
        if (intervals.isEmpty()) {
            return new Result(clean, null, null);
        }
        long fromSlot = IntervalClock.slot(intervals.get(0).end());
        long toSlot = IntervalClock.slot(intervals.get(intervals.size() - 1).end());
        logReverseEnergy(meter, fromSlot, toSlot);
        List<AnomalyPlan.Run> gaps = plan.gapRuns(meter.key(), fromSlot, toSlot);
        for (AnomalyPlan.Run gap : gaps) {
            if (firstCoveredBy(gap.startSlot(), fromSlot, toSlot)) {
                log(AnomalyKind.GAP, meter, gap.startSlot(), gap.endSlot(), Map.of());
            }
        }
        Optional<AnomalyPlan.LateRun> lateRun = plan.lateRun(meter.key(), day, IntervalClock.PER_DAY);
        int drift = plan.clockDriftMinutes(meter.key(), day);
        List<IntervalReading> onTime = new ArrayList<>(intervals.size());
        List<IntervalReading> late = new ArrayList<>();
        for (IntervalReading reading : intervals) {
            long slot = IntervalClock.slot(reading.end());
            if (covered(gaps, slot)) {
                continue;
            }
            IntervalReading sent = spike(meter, slot, reading);
            if (drift != 0) {
                sent = sent.withEnd(sent.end().plusSeconds(drift * 60L));
            }
            boolean held = lateRun.isPresent() && lateRun.get().covers(IntervalClock.indexOf(reading.end()));
            (held ? late : onTime).add(sent);
        }
        if (drift != 0) {
            if (register != null) {
                register = register.withAt(register.at().plusSeconds(drift * 60L));
            }
            long dayFirst = IntervalClock.firstSlot(day);
            if (firstCoveredBy(dayFirst, fromSlot, toSlot)) {
                log(AnomalyKind.CLOCK_DRIFT, meter, dayFirst, dayFirst + IntervalClock.PER_DAY - 1,
                        Map.of("offset_minutes", drift));
            }
        }
        Instant releaseAt = null;
        if (lateRun.isPresent()) {
            AnomalyPlan.LateRun run = lateRun.get();
            long runFirst = IntervalClock.firstSlot(day) + run.firstIndex();
            long runLast = runFirst + run.count() - 1;
            releaseAt = IntervalClock.endOfSlot(runLast).plus(run.delay());
            if (runLast >= fromSlot && runFirst <= toSlot && firstCoveredBy(runFirst, fromSlot, toSlot)) {
                log(AnomalyKind.LATE, meter, runFirst, runLast, Map.of("delay_minutes", run.delay().toMinutes(),
                        "release_at", releaseAt.toString()));
            }
        }
        MeterDay lateDay = late.isEmpty() ? null : clean.withIntervals(late, null);
        return new Result(clean.withIntervals(onTime, register), lateDay, lateDay == null ? null : releaseAt);
    }

    /** Whether to send this batch twice; logs the duplicate when so. */
    public boolean duplicate(Payload payload) {
        if (!plan.enabled() || !plan.isDuplicate(payload.identity())) {
            return false;
        }
        log.record(new InjectedAnomaly(AnomalyKind.DUPLICATE, payload.vendorCode(), null, null, null, null, 0,
                Map.of("batch", payload.identity(), "values", payload.valueCount())));
        return true;
    }

    private IntervalReading spike(SimMeter meter, long slot, IntervalReading reading) {
        if (reading.importKwh() <= 0 || !plan.isSpike(meter.key(), slot)) {
            return reading;
        }
        IntervalReading spiked = reading.withEnergyTimes(AnomalyPlan.SPIKE_FACTOR);
        log(AnomalyKind.SPIKE, meter, slot, slot, Map.of("factor", AnomalyPlan.SPIKE_FACTOR,
                "original_kwh", reading.importKwh(), "sent_kwh", spiked.importKwh()));
        return spiked;
    }

    private void logReverseEnergy(SimMeter meter, long fromSlot, long toSlot) {
        if (meter.role() != MeterRole.CONSUMER || meter.netMetered()) {
            return;
        }
        for (AnomalyPlan.Run run : plan.reverseRuns(meter.key(), fromSlot, toSlot)) {
            if (firstCoveredBy(run.startSlot(), fromSlot, toSlot)) {
                log(AnomalyKind.REVERSE_ENERGY, meter, run.startSlot(), run.endSlot(), Map.of());
            }
        }
    }

    private void logRollover(MeterDay clean) {
        if (clean.register() == null || ledger == null || !ledger.rolledOverOn(clean.meter(), clean.day())) {
            return;
        }
        long slot = IntervalClock.slot(clean.register().at());
        log(AnomalyKind.ROLLOVER, clean.meter(), slot, slot, Map.of(
                "previous_kwh", ledger.registerAt(clean.meter(), clean.day().minusDays(1)),
                "register_kwh", clean.register().importKwh(),
                "injected", ledger.injectedRolloverOn(clean.meter(), clean.day())));
    }

    /** See the class comment: the call covering an event's first slot logs it, or the window's first call. */
    private boolean firstCoveredBy(long eventStart, long fromSlot, long toSlot) {
        if (eventStart >= fromSlot && eventStart <= toSlot) {
            return true;
        }
        return eventStart < windowStartSlot && fromSlot == windowStartSlot;
    }

    private static boolean covered(List<AnomalyPlan.Run> runs, long slot) {
        for (AnomalyPlan.Run run : runs) {
            if (run.covers(slot)) {
                return true;
            }
        }
        return false;
    }

    private void log(AnomalyKind kind, SimMeter meter, long fromSlot, long toSlot, Map<String, Object> detail) {
        log.record(new InjectedAnomaly(kind, meter.vendorCode(), meter.id(), meter.serial(),
                IntervalClock.endOfSlot(fromSlot), IntervalClock.endOfSlot(toSlot), (int) (toSlot - fromSlot + 1),
                detail));
    }
}
