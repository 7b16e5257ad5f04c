package io.vidyut.mdm.simulator.load;

import java.nio.charset.StandardCharsets;

/**
 * Counter-based randomness: every draw is a hash of (seed, meter key, index, tag). Nothing is drawn in sequence,
 * so a value depends only on what it describes. That keeps runs with any number of threads identical, lets live
 * mode and backfill agree about the same interval, and lets the register ledger recompute any past day.
 */
public final class Noise {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private Noise() {
    }

    /** SplitMix64 finaliser (Steele, Lea, Flood 2014): a bijective mix with good avalanche. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A stable 64-bit key for a text such as a meter serial or a node id (FNV-1a, then mixed). */
    public static long keyOf(String text) {
        long h = 0xCBF29CE484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xFF;
            h *= 0x100000001B3L;
        }
        return mix(h);
    }

    public static long hash(long seed, long key, long index, int tag) {
        return mix(mix(seed + GOLDEN) ^ mix(key ^ mix(index * GOLDEN + tag)));
    }

    /** Uniform in [0, 1). */
    public static double unit(long seed, long key, long index, int tag) {
        return (hash(seed, key, index, tag) >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [-1, 1). */
    public static double signed(long seed, long key, long index, int tag) {
        return 2 * unit(seed, key, index, tag) - 1;
    }
}
