package io.vidyut.mdm.simulator.load;

import io.vidyut.mdm.simulator.fleet.CustomerClass;
import io.vidyut.mdm.simulator.fleet.MeterRole;
import io.vidyut.mdm.simulator.fleet.SimMeter;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Voltage, power factor and current consistent with the energy a meter reports.
 *
 * <p>Voltage: the nominal phase voltage (230 V at a home, 240 V at a DT's LT terminals, 11 kV/√3 on a feeder)
 * × a per-DT offset (±2 %, so neighbours see alike voltage) × a sag of up to 3.5 % when the town's load peaks
 * × small noise, divided by the PT ratio because instrument-transformer meters see the secondary side.
 * Current: I = P / (V × pf) per phase, from the interval's average power; 3P meters get a fixed phase
 * imbalance. Both are secondary-side for CT/PT meters, like the energy.
 */
public final class ElectricalModel {
    private static final int TAG_PF = 201;
    private static final int TAG_NODE_OFFSET = 202;
    private static final int TAG_VOLTAGE_NOISE = 203;
    private static final int TAG_PHASE_OFFSET = 204;
    private static final double[] IMBALANCE = {0.08, -0.03, -0.05};

    private final long seed;
    private final Map<String, Long> nodeKeys = new ConcurrentHashMap<>();

    public ElectricalModel(long seed) {
        this.seed = seed;
    }

    public double powerFactor(SimMeter meter) {
        double u = Noise.unit(seed, meter.key(), 0, TAG_PF);
        return switch (meter.role()) {
            case CONSUMER -> meter.consumer().customerClass() == CustomerClass.COMMERCIAL ? 0.86 + 0.08 * u
                    : 0.92 + 0.05 * u;
            case DT -> 0.90 + 0.05 * u;
            case FEEDER, BOUNDARY -> 0.93 + 0.04 * u;
        };
    }

    public double nominalPrimaryVoltage(SimMeter meter) {
        return switch (meter.role()) {
            case CONSUMER -> 230.0;
            case DT -> 240.0;
            case FEEDER -> 11_000.0 / Math.sqrt(3);
            case BOUNDARY -> 33_000.0 / Math.sqrt(3);
        };
    }

    /** Average phase voltage over the interval as the meter sees it (secondary side), phase 0 … 2. */
    public double voltage(SimMeter meter, LocalDate day, int index, int phase) {
        long slot = IntervalClock.firstSlot(day) + index;
        double loading = DailyShapes.value(CustomerClass.RESIDENTIAL, DayType.of(day), IntervalClock.midHour(index));
        double v = nominalPrimaryVoltage(meter)
                * (1 + 0.02 * Noise.signed(seed, nodeKey(meter), 0, TAG_NODE_OFFSET))
                * (1 - 0.035 * (loading - 0.5))
                * (1 + 0.004 * Noise.signed(seed, meter.key(), slot * 3 + phase, TAG_VOLTAGE_NOISE));
        if (meter.threePhase()) {
            v *= 1 + 0.006 * Noise.signed(seed, meter.key(), phase, TAG_PHASE_OFFSET);
        }
        return v / meter.ptRatio();
    }

    /**
     * Average phase current (secondary side) for an interval in which the meter recorded {@code energyKwh}
     * (import plus export, secondary side) at {@code voltage}.
     */
    public double current(SimMeter meter, double energyKwh, double voltage, int phase) {
        double watts = energyKwh / IntervalClock.HOURS * 1000;
        double perPhase = watts / meter.phases() / (voltage * powerFactor(meter));
        if (!meter.threePhase()) {
            return perPhase;
        }
        int rotation = (int) Math.floorMod(meter.key(), 3L);
        return perPhase * (1 + IMBALANCE[(phase + rotation) % 3]);
    }

    private long nodeKey(SimMeter meter) {
        String node = meter.role() == MeterRole.CONSUMER ? meter.consumer().dtId() : meter.nodeId();
        if (node == null) {
            return meter.key();
        }
        return nodeKeys.computeIfAbsent(node, Noise::keyOf);
    }
}
