package io.vidyut.mdm.simulator.pull;

import io.vidyut.mdm.simulator.fleet.SimMeter;
import io.vidyut.mdm.simulator.load.FleetDay;
import io.vidyut.mdm.simulator.load.FleetDayCalculator;
import io.vidyut.mdm.simulator.load.IntervalClock;
import io.vidyut.mdm.simulator.load.RegisterLedger;
import io.vidyut.mdm.simulator.payload.MeterDay;
import io.vidyut.mdm.simulator.payload.MeterDayAssembler;
import io.vidyut.mdm.simulator.payload.RegisterReading;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a meter recorded, read back as an HES reads the meter's load-profile memory: the clean values every push
 * starts from, computed by the same model, so the same seed gives the same numbers. The faults the push adds
 * between meter and MDM (gaps, spikes, clock drift, late and duplicate delivery) are not in the meter's memory,
 * so a pull fills a pushed gap; what the meter itself measured (reverse energy, a register rollover) is.
 */
public final class ProfileSource {
    /** A day of the whole fleet is costly to compute and pulls tend to ask for the last few days again and again. */
    private static final int CACHED_DAYS = 8;

    private final FleetDayCalculator calculator;
    private final MeterDayAssembler assembler;
    private final RegisterLedger ledger;
    private final Map<LocalDate, FleetDay> recentDays = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<LocalDate, FleetDay> eldest) {
            return size() > CACHED_DAYS;
        }
    };

    /** @param ledger registers of the meters that report one (vendor A), or null when none do */
    public ProfileSource(FleetDayCalculator calculator, MeterDayAssembler assembler, RegisterLedger ledger) {
        this.calculator = calculator;
        this.assembler = assembler;
        this.ledger = ledger;
    }

    /**
     * The interval ending at the boundary {@code end}, with the cumulative register at that moment when
     * {@code withRegister} and the meter keeps one (at midnight: the very value the push sends).
     */
    public MeterDay interval(SimMeter meter, Instant end, boolean withRegister) {
        LocalDate day = IntervalClock.dayOf(end);
        int index = IntervalClock.indexOf(end);
        FleetDay fleetDay = fleetDay(day);
        MeterDay reading = assembler.assemble(meter, fleetDay, index, index + 1, false);
        if (!withRegister || !hasRegister(meter, day) || reading.intervals().isEmpty()) {
            return reading;
        }
        return reading.withIntervals(reading.intervals(),
                new RegisterReading(end, ledger.registerAfter(meter, fleetDay, index)));
    }

    /**
     * Every interval whose end lies in (from, to], one {@link MeterDay} per local day as a backfill groups them;
     * a day whose midnight is in range carries its midnight register when {@code withRegisters}.
     */
    public List<MeterDay> intervals(SimMeter meter, Instant from, Instant to, boolean withRegisters) {
        long slot = IntervalClock.slot(IntervalClock.floorToBoundary(from)) + 1;
        long last = IntervalClock.slot(IntervalClock.floorToBoundary(to));
        List<MeterDay> days = new ArrayList<>();
        while (slot <= last) {
            Instant end = IntervalClock.endOfSlot(slot);
            LocalDate day = IntervalClock.dayOf(end);
            int fromIndex = IntervalClock.indexOf(end);
            int toIndex = (int) Math.min(IntervalClock.PER_DAY, fromIndex + (last - slot) + 1);
            boolean midnight = toIndex == IntervalClock.PER_DAY;
            MeterDay meterDay = assembler.assemble(meter, fleetDay(day), fromIndex, toIndex,
                    midnight && withRegisters && hasRegister(meter, day));
            if (!meterDay.isEmpty()) {
                days.add(meterDay);
            }
            slot += toIndex - fromIndex;
        }
        return days;
    }

    private boolean hasRegister(SimMeter meter, LocalDate day) {
        return ledger != null && ledger.tracks(meter) && ledger.counts(day);
    }

    private synchronized FleetDay fleetDay(LocalDate day) {
        return recentDays.computeIfAbsent(day, calculator::compute);
    }
}
