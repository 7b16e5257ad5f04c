package io.vidyut.mdm.billing;

import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.channels.Quality;
import io.vidyut.mdm.readings.IntervalDay;
import io.vidyut.mdm.readings.ReadingsStored;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The stored values a write changed (a value existed before and another replaced it), per day row and cause. Edited
 * values are left out: an edit announces itself, with its id. Filling a missing interval changes no value billing
 * had; billing saw it missing.
 */
final class ChangedSpans {
    private ChangedSpans() {}

    /** Changed intervals of one day row and cause: ends of the first and last, count, sums before and after (fixed-point). */
    record Span(UUID meterId, Channel channel, Instant firstAt, Instant lastAt, CorrectionNotice.Cause cause, int intervals,
                long previous, long value) {}

    static List<Span> of(ReadingsStored stored) {
        List<Span> spans = new ArrayList<>(0);
        for (ReadingsStored.Change change : stored.changes()) {
            IntervalDay before = change.before(), after = change.after();
            if (before == null) continue;
            Map<CorrectionNotice.Cause, BitSet> slots = new EnumMap<>(CorrectionNotice.Cause.class);
            BitSet written = change.written();
            for (int slot = written.nextSetBit(0); slot >= 0; slot = written.nextSetBit(slot + 1)) {
                if (before.values()[slot] == null || after.has(slot, Quality.EDITED)) continue;
                slots.computeIfAbsent(cause(before, after, slot), c -> new BitSet()).set(slot);
            }
            slots.forEach((cause, changed) -> spans.add(span(before, after, cause, changed, stored.zone())));
        }
        return spans;
    }

    private static CorrectionNotice.Cause cause(IntervalDay before, IntervalDay after, int slot) {
        if (after.has(slot, Quality.ESTIMATED)) return CorrectionNotice.Cause.RE_ESTIMATE;
        return before.has(slot, Quality.ESTIMATED) ? CorrectionNotice.Cause.LATE_ACTUAL : CorrectionNotice.Cause.RESEND;
    }

    private static Span span(IntervalDay before, IntervalDay after, CorrectionNotice.Cause cause, BitSet changed, ZoneId zone) {
        long previous = 0, value = 0;
        for (int slot = changed.nextSetBit(0); slot >= 0; slot = changed.nextSetBit(slot + 1)) {
            previous += before.values()[slot];
            value += after.values()[slot];
        }
        return new Span(after.meterId(), after.channel(), after.slotEnd(changed.nextSetBit(0), zone),
                after.slotEnd(changed.length() - 1, zone), cause, changed.cardinality(), previous, value);
    }
}
