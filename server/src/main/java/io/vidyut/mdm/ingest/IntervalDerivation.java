package io.vidyut.mdm.ingest;

import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.channels.Quality;
import io.vidyut.mdm.readings.Reading;
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
 * value comes from the same batch or, for the first read, from the store. A register that went
 * backwards (rollover, meter change) derives nothing; VEE deals with it.
 */
final class IntervalDerivation {
    /** Looks up a stored register value of a meter's channel at an instant. */
    interface StoredRegisters {
        Optional<Long> at(UUID meterId, Channel channel, Instant at);
    }

    private IntervalDerivation() {}

    static List<Reading> derive(List<Reading> readings, Map<Channel, Channel> registerToInterval, int intervalMinutes,
                                StoredRegisters stored) {
        if (registerToInterval.isEmpty()) return List.of();
        Duration length = Duration.ofMinutes(intervalMinutes);
        Map<UUID, Map<Channel, List<Reading>>> byMeter = readings.stream()
                .filter(r -> registerToInterval.containsKey(r.channel()))
                .collect(Collectors.groupingBy(Reading::meterId, Collectors.groupingBy(Reading::channel)));
        List<Reading> derived = new ArrayList<>();
        byMeter.forEach((meter, channels) -> channels.forEach((register, reads) -> {
            reads.sort(Comparator.comparing(Reading::at));
            Channel interval = registerToInterval.get(register);
            Reading previous = null;
            for (Reading read : reads) {
                Instant start = read.at().minus(length);
                Optional<Long> startValue = previous != null && previous.at().equals(start)
                        ? Optional.of(previous.value()) : stored.at(meter, register, start);
                startValue.filter(v -> read.value() >= v).ifPresent(v -> derived.add(new Reading(meter, interval,
                        read.at(), intervalMinutes, read.value() - v, Quality.ACTUAL.bit() | Quality.DERIVED.bit())));
                previous = read;
            }
        }));
        return derived;
    }
}
