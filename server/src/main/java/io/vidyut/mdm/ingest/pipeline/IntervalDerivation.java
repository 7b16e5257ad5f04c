package io.vidyut.mdm.ingest.pipeline;

import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.channels.Quality;
import io.vidyut.mdm.readings.Reading;
import io.vidyut.mdm.readings.ReadingStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * For vendors that send only cumulative registers at interval boundaries: the energy of an
 * interval is the register at its end minus the register at its start, marked DERIVED. Both reads
 * come from the same batch when they are there; a read whose neighbour is not in its batch stays
 * pending until the batch is stored, when the neighbour is looked up in the store (the pipeline's
 * per-meter order guarantees an earlier batch's reads are there). Both directions count: a read
 * arriving after the one that follows it (a late re-read of the meter) still derives the interval
 * between them. A register that went backwards (rollover, meter change) derives nothing; VEE deals with it.
 */
final class IntervalDerivation {
    /** A register read whose neighbour(s) on the interval grid were not in its batch. */
    record Pending(UUID meterId, Channel register, Channel interval, Instant at, int intervalMinutes, long value,
                   boolean needsStart, boolean needsEnd) {
        /** A read waiting for its start read only (what parts written before the late-read case carry). */
        Pending(UUID meterId, Channel register, Channel interval, Instant at, int intervalMinutes, long value) {
            this(meterId, register, interval, at, intervalMinutes, value, true, false);
        }

        Instant start() {
            return at.minus(Duration.ofMinutes(intervalMinutes));
        }

        Instant end() {
            return at.plus(Duration.ofMinutes(intervalMinutes));
        }
    }

    /**
     * The intervals the pending reads derive with reads the store holds, with one query for all of
     * them: the latest read before a microsecond after a neighbour's time is that neighbour when it
     * is stamped there.
     */
    static List<Reading> resolve(List<Pending> pending, ReadingStore store) {
        if (pending.isEmpty()) return List.of();
        List<ReadingStore.RegisterQuery> queries = new ArrayList<>();
        for (Pending p : pending) {
            if (p.needsStart()) queries.add(new ReadingStore.RegisterQuery(p.meterId(), p.register(), p.start().plusNanos(1_000)));
            if (p.needsEnd()) queries.add(new ReadingStore.RegisterQuery(p.meterId(), p.register(), p.end().plusNanos(1_000)));
        }
        Map<ReadingStore.RegisterQuery, ReadingStore.RegisterValue> found = store.registersBefore(queries);
        List<Reading> derived = new ArrayList<>();
        int query = 0;
        for (Pending p : pending) {
            if (p.needsStart()) {
                ReadingStore.RegisterValue start = found.get(queries.get(query++));
                if (start != null && start.at().equals(p.start())) {
                    derived(p.meterId(), p.interval(), p.at(), p.intervalMinutes(), start.value(), p.value()).ifPresent(derived::add);
                }
            }
            if (p.needsEnd()) {
                ReadingStore.RegisterValue end = found.get(queries.get(query++));
                if (end != null && end.at().equals(p.end())) {
                    derived(p.meterId(), p.interval(), p.end(), p.intervalMinutes(), p.value(), end.value()).ifPresent(derived::add);
                }
            }
        }
        return derived;
    }

    /** Intervals derived from the batch itself, and the reads waiting for a stored neighbour. */
    record Derived(List<Reading> readings, List<Pending> pending) {}

    private IntervalDerivation() {}

    static Derived derive(List<Reading> readings, Map<Channel, Channel> registerToInterval, int intervalMinutes) {
        if (registerToInterval.isEmpty()) return new Derived(List.of(), List.of());
        Duration length = Duration.ofMinutes(intervalMinutes);
        Map<UUID, Map<Channel, List<Reading>>> byMeter = readings.stream()
                .filter(r -> registerToInterval.containsKey(r.channel()))
                .collect(Collectors.groupingBy(Reading::meterId, Collectors.groupingBy(Reading::channel)));
        List<Reading> derived = new ArrayList<>();
        List<Pending> pending = new ArrayList<>();
        byMeter.forEach((meter, channels) -> channels.forEach((register, reads) -> {
            reads.sort(Comparator.comparing(Reading::at));
            Set<Instant> times = new HashSet<>();
            reads.forEach(read -> times.add(read.at()));
            Channel interval = registerToInterval.get(register);
            Reading previous = null;
            for (Reading read : reads) {
                boolean hasStart = previous != null && previous.at().equals(read.at().minus(length));
                if (hasStart) {
                    derived(meter, interval, read.at(), intervalMinutes, previous.value(), read.value()).ifPresent(derived::add);
                }
                boolean hasEnd = times.contains(read.at().plus(length));
                if (!hasStart || !hasEnd) {
                    pending.add(new Pending(meter, register, interval, read.at(), intervalMinutes, read.value(), !hasStart, !hasEnd));
                }
                previous = read;
            }
        }));
        return new Derived(derived, pending);
    }

    private static Optional<Reading> derived(UUID meter, Channel interval, Instant end, int minutes, long start, long endValue) {
        if (endValue < start) return Optional.empty();
        return Optional.of(new Reading(meter, interval, end, minutes, endValue - start, Quality.ACTUAL.bit() | Quality.DERIVED.bit()));
    }
}
