package io.vidyut.mdm.simulator.payload;

import java.time.Instant;

/**
 * One interval as the meter reports it: secondary-side values for CT/PT meters, stamped with the interval end as
 * the meter's clock saw it. Arrays hold one value per phase (1 or 3); they are shared, not copied.
 *
 * @param importKwh  block energy imported (1.0.1.29.0.255)
 * @param exportKwh  block energy exported (1.0.2.29.0.255)
 * @param kvahImport block apparent energy imported (1.0.9.29.0.255)
 * @param voltage    average voltage per phase (1.0.32.27 / 52.27 / 72.27)
 * @param current    average current per phase (1.0.31.27 / 51.27 / 71.27)
 */
public record IntervalReading(Instant end, double importKwh, double exportKwh, double kvahImport, double[] voltage,
                              double[] current) {

    public IntervalReading withEnd(Instant newEnd) {
        return new IntervalReading(newEnd, importKwh, exportKwh, kvahImport, voltage, current);
    }

    /** The energy values multiplied (a spike: a corrupted value, voltage and current untouched). */
    public IntervalReading withEnergyTimes(double factor) {
        return new IntervalReading(end, importKwh * factor, exportKwh, kvahImport * factor, voltage, current);
    }
}
