package io.vidyut.mdm.channels;

import io.vidyut.mdm.channels.Quality;
import java.util.EnumSet;
import java.util.Set;

/** Per-value quality flags, stored as one byte. A value with no flag at all is missing. */
public enum Quality {
    /** Measured by the meter and delivered by the HES. */
    ACTUAL(1),
    /** Filled in by VEE estimation. */
    ESTIMATED(2),
    /** Changed by a person (VEE editing). */
    EDITED(4),
    /** The HES or meter flagged the value as doubtful. */
    SOURCE_SUSPECT(8),
    /** The interval held a power failure (partial interval). */
    POWER_FAIL(16),
    /** The meter's clock was adjusted in the interval, or its HES stamp was snapped to the interval boundary. */
    CLOCK_ADJUSTED(32),
    /** Derived by the MDM from cumulative registers rather than sent per interval. */
    DERIVED(64),
    /**
     * Moved by the MDM to the nearest interval boundary because the HES stamp was further off it
     * than the vendor's alignment tolerance (a drifted meter clock); always with CLOCK_ADJUSTED.
     */
    REALIGNED(128);

    private final int bit;

    Quality(int bit) {
        this.bit = bit;
    }

    public int bit() {
        return bit;
    }

    public static int mask(Set<Quality> flags) {
        int mask = 0;
        for (Quality flag : flags) mask |= flag.bit;
        return mask;
    }

    public static Set<Quality> of(int mask) {
        EnumSet<Quality> flags = EnumSet.noneOf(Quality.class);
        for (Quality flag : values()) {
            if ((mask & flag.bit) != 0) flags.add(flag);
        }
        return flags;
    }
}
