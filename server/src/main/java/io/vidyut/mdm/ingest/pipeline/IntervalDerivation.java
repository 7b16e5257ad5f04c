package io.vidyut.mdm.ingest.pipeline;

import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.channels.Quality;
import io.vidyut.mdm.readings.Reading;
import io.vidyut.mdm.readings.ReadingStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * For vendors that send only cumulative registers at interval boundaries: the energy of an
 * interval is the register at its end minus the register at its start, marked DERIVED. The start
 * value comes from the same batch when it is there; otherwise the interval stays pending until the
 * batch is stored, where the pipeline's per-meter order guarantees that an earlier batch's read is
 * already in the store. A register that went backwards (rollover, meter change) derives nothing;
 * VEE deals with it.
 */
final class IntervalDerivation {
    /** An interval whose start register was not in its batch: derived when the batch is stored. */
    record Pending(UUID meterId, Channel register, Channel interval, Instant at, int intervalMinutes, long endValue) {
        Instant start() {
            return at.minus(Duration.ofMinutes(intervalMinutes));
        }
    }

    /**
     * The pending intervals whose start reads the store holds, with one query for all of them: the
     * latest read before a microsecond after each start is the start read when it is stamped there.
     */
    static List<Reading> resolve(List<Pending> pending, ReadingStore store) {
        if (pending.isEmpty()) return List.of();
        List<ReadingStore.RegisterQuery> queries = pending.stream()
                .map(p -> new ReadingStore.RegisterQuery(p.meterId(), p.register(), p.start().plusNanos(1_000))).toList();
        Map<ReadingStore.RegisterQuery, ReadingStore.RegisterValue> found = store.registersBefore(queries);
        List<Reading> derived = new ArrayList<>();
        for (int i = 0; i < pending.size(); i++) {
            Pending p = pending.get(i);
            ReadingStore.RegisterValue start = found.get(queries.get(i));
            if (start != null && start.at().equals(p.start())) {
                derived(p.meterId(), p.interval(), p.at(), p.intervalMinutes(), start.value(), p.endValue()).ifPresent(derived::add);
            }
        }
        return derived;
    }

    /** Intervals derived from the batch itself, and those waiting for a stored start value. */
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
            Channel interval = registerToInterval.get(register);
            Reading previous = null;
            for (Reading read : reads) {
                if (previous != null && previous.at().equals(read.at().minus(length))) {
                    derived(meter, interval, read.at(), intervalMinutes, previous.value(), read.value()).ifPresent(derived::add);
                } else {
                    pending.add(new Pending(meter, register, interval, read.at(), intervalMinutes, read.value()));
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
