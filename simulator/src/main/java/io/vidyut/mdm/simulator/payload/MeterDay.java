package io.vidyut.mdm.simulator.payload;

import io.vidyut.mdm.simulator.fleet.SimMeter;
import java.time.LocalDate;
import java.util.List;

/**
 * Readings of one meter for (part of) one local day: all 96 intervals in a backfill, the one just ended in live
 * mode, or held-back ones sent late.
 *
 * @param register the midnight register reading, or null
 */
public record MeterDay(SimMeter meter, LocalDate day, List<IntervalReading> intervals, RegisterReading register) {
    public MeterDay {
        intervals = List.copyOf(intervals);
    }

    /**
     * Whether to report the export channel: always for net-metered meters, and on any day something was
     * exported (a DT feeding back, a reversed meter), so a present column is never silently dropped.
     */
    public boolean reportsExport() {
        if (meter.netMetered()) {
            return true;
        }
        for (IntervalReading reading : intervals) {
            if (reading.exportKwh() > 0) {
                return true;
            }
        }
        return false;
    }

    public boolean isEmpty() {
        return intervals.isEmpty() && register == null;
    }

    public MeterDay withIntervals(List<IntervalReading> newIntervals, RegisterReading newRegister) {
        return new MeterDay(meter, day, newIntervals, newRegister);
    }
}
