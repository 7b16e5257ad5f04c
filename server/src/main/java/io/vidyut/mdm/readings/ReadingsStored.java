package io.vidyut.mdm.readings;

import java.time.ZoneId;
import java.util.BitSet;
import java.util.List;
import java.util.UUID;

/**
 * Published inside the storing transaction whenever interval values were filled, changed or held or register reads
 * were new or changed, so a listener (validation) commits or rolls back together with the values it looked at, and
 * sees a write's intervals and registers together.
 */
public record ReadingsStored(UUID tenantId, ZoneId zone, String source, List<Change> changes, List<Reading> registers,
                             List<Reading> replacedRegisters) {

    /** {@code replacedRegisters}: the stored register reads this write changed, as they were before it. */
    public ReadingsStored {
        replacedRegisters = List.copyOf(replacedRegisters);
    }

    /**
     * One day row after the write, the slots this write filled or changed, and the row as it was before (null when
     * the row is new). {@code held}: re-sent values the {@link ResendPolicy} held back (the stored value stands).
     * {@code repeated}: slots the write carried more than once with different values, each with the value that the
     * later one replaced (that state of the row is in history; the last value is stored).
     */
    public record Change(IntervalDay after, IntervalDay before, BitSet written, List<SlotValue> held, List<SlotValue> repeated) {
        public Change(IntervalDay after, IntervalDay before, BitSet written) {
            this(after, before, written, List.of(), List.of());
        }
    }

    /** A value (fixed-point) and quality mask for one slot of a day row. */
    public record SlotValue(int slot, int value, int quality) {}
}
