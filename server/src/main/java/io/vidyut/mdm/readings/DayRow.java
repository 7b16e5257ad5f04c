package io.vidyut.mdm.readings;

import io.vidyut.mdm.channels.Quality;
import java.util.Arrays;

/** A day of one meter's channel: a value and a quality byte per interval slot (null = missing). */
final class DayRow {
    final DayKey key;
    final int intervalMinutes;
    final Integer[] values;
    final byte[] quality;
    int version;

    DayRow(DayKey key, int intervalMinutes, Integer[] values, byte[] quality, int version) {
        this.key = key;
        this.intervalMinutes = intervalMinutes;
        this.values = values;
        this.quality = quality;
        this.version = version;
    }

    static DayRow empty(DayKey key, int intervalMinutes) {
        int slots = 24 * 60 / intervalMinutes;
        return new DayRow(key, intervalMinutes, new Integer[slots], new byte[slots], 0);
    }

    /** Quality as stored: null when every present value is a plain actual reading (saves a byte per value). */
    byte[] storedQuality() {
        for (int slot = 0; slot < values.length; slot++) {
            byte expected = values[slot] == null ? 0 : (byte) Quality.ACTUAL.bit();
            if (quality[slot] != expected) return quality;
        }
        return null;
    }

    /** The per-slot quality of a stored row, expanding the all-actual shorthand. */
    static byte[] quality(byte[] stored, Integer[] values) {
        if (stored != null) return stored;
        byte[] quality = new byte[values.length];
        for (int slot = 0; slot < values.length; slot++) {
            if (values[slot] != null) quality[slot] = (byte) Quality.ACTUAL.bit();
        }
        return quality;
    }

    DayRow copy() {
        return new DayRow(key, intervalMinutes, values.clone(), quality.clone(), version);
    }

    /** What a merge did to one slot; KEPT: the stored value outranks the incoming one. */
    enum Outcome { FILLED, UNCHANGED, CHANGED, KEPT }

    /**
     * Puts a value into a slot. A person's edit stands until edited again, and an estimate only fills
     * what is missing or replaces an earlier estimate; anything else arriving for a slot replaces it.
     */
    Outcome merge(int slot, int value, int qualityMask) {
        Integer existing = values[slot];
        if (existing == null) {
            values[slot] = value;
            quality[slot] = (byte) qualityMask;
            return Outcome.FILLED;
        }
        if (existing == value && quality[slot] == (byte) qualityMask) return Outcome.UNCHANGED;
        boolean storedEdited = (quality[slot] & Quality.EDITED.bit()) != 0;
        boolean incomingEdited = (qualityMask & Quality.EDITED.bit()) != 0;
        if (storedEdited && !incomingEdited) return Outcome.KEPT;
        boolean storedEstimated = (quality[slot] & Quality.ESTIMATED.bit()) != 0;
        boolean incomingEstimate = (qualityMask & Quality.ESTIMATED.bit()) != 0 && !incomingEdited;
        if (incomingEstimate && !storedEstimated) return Outcome.KEPT;
        values[slot] = value;
        quality[slot] = (byte) qualityMask;
        return Outcome.CHANGED;
    }

    /** Whether {@code value} is a different actual value for a slot holding an actual one (a changed re-send). */
    boolean revisesActual(int slot, int value, int qualityMask) {
        int estimatedOrEdited = Quality.ESTIMATED.bit() | Quality.EDITED.bit();
        return values[slot] != null && values[slot] != value
                && (quality[slot] & estimatedOrEdited) == 0 && (qualityMask & estimatedOrEdited) == 0;
    }

    @Override
    public String toString() {
        return key + " v" + version + " " + Arrays.toString(values);
    }
}
