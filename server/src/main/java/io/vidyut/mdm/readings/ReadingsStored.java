package io.vidyut.mdm.readings;

import java.time.ZoneId;
import java.util.BitSet;
import java.util.List;
import java.util.UUID;

/**
 * Published inside the storing transaction whenever interval values were filled or changed or
 * register reads were new or changed, so a listener (validation) commits or rolls back together
 * with the values it looked at, and sees a write's intervals and registers together.
 */
public record ReadingsStored(UUID tenantId, ZoneId zone, String source, List<Change> changes, List<Reading> registers) {

    /**
     * One day row after the write, the slots this write filled or changed, and the row as it was
     * before (null when the row is new).
     */
    public record Change(IntervalDay after, IntervalDay before, BitSet written) {}
}
