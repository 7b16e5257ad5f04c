package io.vidyut.mdm.readings;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * One write's values for one day row, merged in the order they came, with what each did: filled, changed or left
 * alone; held for review ({@link ResendPolicy}); or a second value for a slot this write already wrote, where the row
 * as the earlier value left it becomes a version of its own (once per round: a batch carrying a whole day twice makes
 * one extra version, not one per interval).
 */
final class DayMerge {
    final DayRow stored;
    final DayRow before;
    final DayRow row;
    final BitSet written;
    final List<DayRow> interims = new ArrayList<>(0);
    final List<ReadingsStored.SlotValue> held = new ArrayList<>(0);
    final List<ReadingsStored.SlotValue> repeated = new ArrayList<>(0);
    int filled, unchanged, changed;
    /** Slots written since the row's last version within this write. */
    private final BitSet round;

    DayMerge(DayKey key, DayRow stored, int intervalMinutes) {
        this.stored = stored;
        this.before = stored == null ? null : stored.copy();
        this.row = stored == null ? DayRow.empty(key, intervalMinutes) : stored;
        this.written = new BitSet(row.values.length);
        this.round = new BitSet(row.values.length);
    }

    void merge(int slot, Reading reading, ResendPolicy policy) {
        int value = Math.toIntExact(reading.value());
        if (!written.get(slot) && row.revisesActual(slot, value, reading.quality())
                && policy.holds(reading.meterId(), reading.channel(), row.values[slot], value)) {
            held.add(new ReadingsStored.SlotValue(slot, value, reading.quality()));
            unchanged++;
            return;
        }
        ReadingsStored.SlotValue earlier = written.get(slot) ? new ReadingsStored.SlotValue(slot, row.values[slot], row.quality[slot]) : null;
        DayRow interim = round.get(slot) ? row.copy() : null;
        switch (row.merge(slot, value, reading.quality())) {
            case FILLED -> { filled++; written.set(slot); round.set(slot); }
            case UNCHANGED, KEPT -> unchanged++;
            case CHANGED -> {
                changed++;
                written.set(slot);
                if (earlier != null) repeated.add(earlier);
                if (interim != null) {
                    interims.add(interim);
                    round.clear();
                }
                round.set(slot);
            }
        }
    }

    /** Whether the write changed a stored value (the row gets a new version; the old one goes to history). */
    boolean changedValues() {
        return changed > 0;
    }

    /** What listeners hear about this row; null when the write neither stored nor held anything in it. */
    ReadingsStored.Change change() {
        if (written.isEmpty() && held.isEmpty()) return null;
        return new ReadingsStored.Change(IntervalDay.of(row), before == null ? null : IntervalDay.of(before), written, held, repeated);
    }

    /** Numbers the in-write versions after the stored one and the row after them. */
    void numberVersions() {
        int version = stored == null ? 0 : before.version;
        for (DayRow interim : interims) interim.version = ++version;
        if (stored == null || changedValues()) row.version = version + 1;
    }
}
