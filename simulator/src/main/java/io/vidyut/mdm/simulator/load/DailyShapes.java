package io.vidyut.mdm.simulator.load;

import io.vidyut.mdm.simulator.fleet.CustomerClass;

/**
 * Normalised daily load shapes (1.0 = the consumer's peak), one value per hour centre, interpolated linearly and
 * cyclically. Shaped after published Indian urban feeder profiles: homes have a morning peak (6–9) as water
 * heaters and cooking run, a low midday, the highest peak in the evening (18–23) and a night base of fans and
 * fridges; at weekends the morning peak moves later and the day stays fuller. Shops run a plateau 9–21 and are
 * closed on Sunday, leaving only refrigeration and security lighting.
 */
public final class DailyShapes {
    private static final double[] RESIDENTIAL_WEEKDAY = {
            0.24, 0.20, 0.18, 0.17, 0.18, 0.26, 0.52, 0.78, 0.70, 0.48, 0.38, 0.36,
            0.38, 0.37, 0.35, 0.35, 0.40, 0.55, 0.78, 0.94, 1.00, 0.97, 0.82, 0.50};
    private static final double[] RESIDENTIAL_WEEKEND = {
            0.28, 0.22, 0.19, 0.18, 0.18, 0.20, 0.30, 0.50, 0.72, 0.80, 0.70, 0.60,
            0.58, 0.56, 0.50, 0.48, 0.50, 0.62, 0.82, 0.96, 1.00, 0.98, 0.86, 0.56};
    private static final double[] COMMERCIAL_OPEN = {
            0.08, 0.07, 0.07, 0.07, 0.07, 0.08, 0.10, 0.15, 0.40, 0.85, 0.95, 1.00,
            1.00, 0.97, 0.98, 1.00, 1.00, 0.98, 0.97, 0.96, 0.90, 0.55, 0.18, 0.10};
    private static final double[] COMMERCIAL_CLOSED = {
            0.07, 0.07, 0.07, 0.07, 0.07, 0.07, 0.07, 0.07, 0.07, 0.07, 0.07, 0.07,
            0.07, 0.07, 0.07, 0.07, 0.07, 0.07, 0.07, 0.07, 0.07, 0.07, 0.07, 0.07};

    private DailyShapes() {
    }

    /** The shape value at local {@code hour} (0 ≤ hour < 24; other values wrap around the day). */
    public static double value(CustomerClass customerClass, DayType dayType, double hour) {
        return interpolate(table(customerClass, dayType), hour);
    }

    private static double[] table(CustomerClass customerClass, DayType dayType) {
        if (customerClass == CustomerClass.COMMERCIAL) {
            return dayType == DayType.SUNDAY ? COMMERCIAL_CLOSED : COMMERCIAL_OPEN;
        }
        return dayType.weekend() ? RESIDENTIAL_WEEKEND : RESIDENTIAL_WEEKDAY;
    }

    private static double interpolate(double[] hourly, double hour) {
        double position = hour - 0.5;  // table entries sit at hour centres
        double floor = Math.floor(position);
        double fraction = position - floor;
        int lower = Math.floorMod((int) floor, 24);
        int upper = (lower + 1) % 24;
        return hourly[lower] + (hourly[upper] - hourly[lower]) * fraction;
    }
}
