package io.vidyut.mdm.simulator.load;

import io.vidyut.mdm.simulator.fleet.ConsumerProfile;
import io.vidyut.mdm.simulator.fleet.CustomerClass;
import io.vidyut.mdm.simulator.fleet.SimMeter;
import java.time.LocalDate;

/**
 * What a consumer really draws and, if net-metered, what its rooftop panels generate, per 15-minute interval in
 * primary-side kWh. Every figure is a pure function of (seed, meter, time).
 *
 * <p>Load = peak kW × shape(class, day type, hour shifted by up to ±30 min per household) × day factor (shared
 * weather ±6 %, own ±10 %) × interval noise (±8 %) × 0.25 h. The peak is 35–60 % of the sanctioned load for homes
 * (a 2 kW home peaks at 0.7–1.2 kW, 0.17–0.30 kWh per interval) and 45–70 % for shops.
 *
 * <p>Solar = capacity (half to all of the sanctioned load, at least 1 kW) × 0.8 derating × a sine bell from 06:30
 * to 18:00 × the day's cloud factor (0.6–1.0, shared by the town) × flicker (±5 %).
 */
public final class ConsumerLoadModel {
    private static final int TAG_PEAK = 101;
    private static final int TAG_SHIFT = 102;
    private static final int TAG_WEATHER = 103;
    private static final int TAG_DAY = 104;
    private static final int TAG_NOISE = 105;
    private static final int TAG_SOLAR_SIZE = 106;
    private static final int TAG_CLOUD = 107;
    private static final int TAG_FLICKER = 108;
    private static final double SUNRISE = 6.5;
    private static final double SUNSET = 18.0;

    private final long seed;

    public ConsumerLoadModel(long seed) {
        this.seed = seed;
    }

    public double peakKw(SimMeter meter) {
        ConsumerProfile consumer = meter.consumer();
        double u = Noise.unit(seed, meter.key(), 0, TAG_PEAK);
        double fraction = consumer.customerClass() == CustomerClass.COMMERCIAL ? 0.45 + 0.25 * u : 0.35 + 0.25 * u;
        return consumer.sanctionedLoadKw() * fraction;
    }

    public double solarCapacityKw(SimMeter meter) {
        double sanctioned = meter.consumer().sanctionedLoadKw();
        double kw = sanctioned * (0.5 + 0.5 * Noise.unit(seed, meter.key(), 0, TAG_SOLAR_SIZE));
        return Math.max(1.0, Math.round(kw * 2) / 2.0);
    }

    /** True consumption of each interval of the day, kWh. */
    public void dayLoad(SimMeter meter, LocalDate day, double[] out) {
        ConsumerProfile consumer = meter.consumer();
        CustomerClass customerClass = consumer.customerClass();
        DayType dayType = DayType.of(day);
        long epochDay = day.toEpochDay();
        double shift = 0.5 * Noise.signed(seed, meter.key(), 0, TAG_SHIFT);
        double dayFactor = (1 + 0.06 * Noise.signed(seed, 0, epochDay, TAG_WEATHER))
                * (1 + 0.10 * Noise.signed(seed, meter.key(), epochDay, TAG_DAY));
        double peak = peakKw(meter);
        long firstSlot = IntervalClock.firstSlot(day);
        for (int i = 0; i < IntervalClock.PER_DAY; i++) {
            double shape = DailyShapes.value(customerClass, dayType, IntervalClock.midHour(i) + shift);
            double noise = 1 + 0.08 * Noise.signed(seed, meter.key(), firstSlot + i, TAG_NOISE);
            out[i] = peak * shape * dayFactor * noise * IntervalClock.HOURS;
        }
    }

    /** Rooftop solar generation of each interval of the day, kWh (zeros for consumers without net metering). */
    public void daySolar(SimMeter meter, LocalDate day, double[] out) {
        if (!meter.netMetered()) {
            java.util.Arrays.fill(out, 0);
            return;
        }
        double capacity = solarCapacityKw(meter);
        double cloud = 0.6 + 0.4 * Noise.unit(seed, 0, day.toEpochDay(), TAG_CLOUD);
        long firstSlot = IntervalClock.firstSlot(day);
        for (int i = 0; i < IntervalClock.PER_DAY; i++) {
            double hour = IntervalClock.midHour(i);
            if (hour <= SUNRISE || hour >= SUNSET) {
                out[i] = 0;
                continue;
            }
            double bell = Math.pow(Math.sin(Math.PI * (hour - SUNRISE) / (SUNSET - SUNRISE)), 1.3);
            double flicker = 1 + 0.05 * Noise.signed(seed, meter.key(), firstSlot + i, TAG_FLICKER);
            out[i] = capacity * 0.8 * bell * cloud * flicker * IntervalClock.HOURS;
        }
    }
}
