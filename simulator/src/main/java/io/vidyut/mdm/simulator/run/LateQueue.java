package io.vidyut.mdm.simulator.run;

import io.vidyut.mdm.simulator.payload.MeterDay;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/** Held-back readings (the LATE anomaly), released once simulated time passes their release time. */
final class LateQueue {
    private record Entry(Instant releaseAt, MeterDay readings) {
    }

    private final PriorityQueue<Entry> entries = new PriorityQueue<>((a, b) -> a.releaseAt.compareTo(b.releaseAt));

    synchronized void add(Instant releaseAt, MeterDay readings) {
        entries.add(new Entry(releaseAt, readings));
    }

    synchronized List<MeterDay> releaseDue(Instant now) {
        List<MeterDay> due = new ArrayList<>();
        while (!entries.isEmpty() && !entries.peek().releaseAt.isAfter(now)) {
            due.add(entries.poll().readings);
        }
        return due;
    }

    synchronized List<MeterDay> releaseAll() {
        List<MeterDay> all = new ArrayList<>();
        while (!entries.isEmpty()) {
            all.add(entries.poll().readings);
        }
        return all;
    }

    synchronized int size() {
        return entries.size();
    }
}
