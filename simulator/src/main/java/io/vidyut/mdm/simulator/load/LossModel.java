package io.vidyut.mdm.simulator.load;

/**
 * Technical losses as a fraction of the energy passing through: 4–8 % in a DT and its LT network, 2–4 % on an
 * 11 kV feeder. Each node has its own level (a long, overloaded LT line loses more), varying a little by interval.
 */
public final class LossModel {
    public static final double DT_MIN = 0.04;
    public static final double DT_MAX = 0.08;
    public static final double FEEDER_MIN = 0.02;
    public static final double FEEDER_MAX = 0.04;
    private static final int TAG_LEVEL = 301;
    private static final int TAG_VARIATION = 302;

    private final long seed;

    public LossModel(long seed) {
        this.seed = seed;
    }

    public double dtLoss(long nodeKey, long slot) {
        return fraction(nodeKey, slot, DT_MIN, DT_MAX);
    }

    public double feederLoss(long nodeKey, long slot) {
        return fraction(nodeKey, slot, FEEDER_MIN, FEEDER_MAX);
    }

    /** A node level in the middle 3/4 of the band plus a per-interval wobble that cannot leave the band. */
    private double fraction(long nodeKey, long slot, double min, double max) {
        double width = max - min;
        double level = min + width / 8 + width * 3 / 4 * Noise.unit(seed, nodeKey, 0, TAG_LEVEL);
        return level + width / 8 * Noise.signed(seed, nodeKey, slot, TAG_VARIATION);
    }
}
