package io.vidyut.mdm.simulator.payload;

import io.vidyut.mdm.simulator.fleet.SimMeter;
import io.vidyut.mdm.simulator.load.ElectricalModel;
import io.vidyut.mdm.simulator.load.FleetDay;
import io.vidyut.mdm.simulator.load.IntervalClock;
import io.vidyut.mdm.simulator.load.MeterFlow;
import io.vidyut.mdm.simulator.load.RegisterLedger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Turns a meter's energy from a {@link FleetDay} into full readings: kVAh, voltage and current per phase. */
public final class MeterDayAssembler {
    private final ElectricalModel electrical;
    private final RegisterLedger ledger;

    /** @param ledger registers for the meters that report one, or null when none do */
    public MeterDayAssembler(ElectricalModel electrical, RegisterLedger ledger) {
        this.electrical = electrical;
        this.ledger = ledger;
    }

    /**
     * Intervals {@code fromIndex} (inclusive) to {@code toIndex} (exclusive) of the day, and the midnight
     * register when {@code withRegister} and the meter has one.
     */
    public MeterDay assemble(SimMeter meter, FleetDay fleetDay, int fromIndex, int toIndex, boolean withRegister) {
        LocalDate day = fleetDay.day();
        MeterFlow flow = fleetDay.flow(meter);
        if (flow == null) {
            return new MeterDay(meter, day, List.of(), null);
        }
        double pf = electrical.powerFactor(meter);
        int phases = meter.phases();
        List<IntervalReading> readings = new ArrayList<>(toIndex - fromIndex);
        for (int i = fromIndex; i < toIndex; i++) {
            double imported = flow.importKwh()[i];
            double exported = flow.exportKwh()[i];
            double[] voltage = new double[phases];
            double[] current = new double[phases];
            for (int p = 0; p < phases; p++) {
                voltage[p] = electrical.voltage(meter, day, i, p);
                current[p] = electrical.current(meter, imported + exported, voltage[p], p);
            }
            readings.add(new IntervalReading(IntervalClock.intervalEnd(day, i), imported, exported, imported / pf,
                    voltage, current));
        }
        RegisterReading register = null;
        if (withRegister && ledger != null && ledger.tracks(meter)) {
            register = new RegisterReading(IntervalClock.intervalEnd(day, IntervalClock.PER_DAY - 1),
                    ledger.registerAt(meter, day));
        }
        return new MeterDay(meter, day, readings, register);
    }
}
