package io.vidyut.mdm.simulator.load;

/**
 * What one meter measured over a day, per interval, in kWh as the meter reports it (secondary side for CT/PT
 * meters). Arrays are shared, not copied: read them, don't change them.
 */
public record MeterFlow(double[] importKwh, double[] exportKwh) {
    public double importTotal() {
        double sum = 0;
        for (double v : importKwh) {
            sum += v;
        }
        return sum;
    }
}
