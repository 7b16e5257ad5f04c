package io.vidyut.mdm.simulator.load;

import io.vidyut.mdm.simulator.fleet.SimMeter;
import java.time.LocalDate;
import java.util.Map;

/**
 * One local day of the whole fleet: what every meter measured, plus the true primary-side flows through each DT
 * and feeder (signed, import positive) that the DT and feeder meters were derived from.
 */
public record FleetDay(LocalDate day, Map<String, MeterFlow> meterFlows, Map<String, double[]> dtFlows,
                       Map<String, double[]> feederFlows) {

    /** The meter's day, or null for meters with no model (boundary meters). */
    public MeterFlow flow(SimMeter meter) {
        return meterFlows.get(meter.id());
    }
}
