package io.vidyut.mdm.simulator.run;

import io.vidyut.mdm.simulator.event.EventSchedule;
import io.vidyut.mdm.simulator.event.SimEvent;
import io.vidyut.mdm.simulator.payload.EventPayloadFactory;
import io.vidyut.mdm.simulator.payload.Payload;
import io.vidyut.mdm.simulator.payload.WireFormat;
import io.vidyut.mdm.simulator.transport.Transport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Sends the schedule's meter events through each vendor's transport, a window of time at a time, oldest first,
 * as an HES forwards its meters' event logs.
 */
final class EventFeed {
    /**
     * Back-filled events go in windows shorter than any outage, so that an outage's failures and its restorations
     * arrive in different pushes, as they would have live (the MDM judges an outage from the latest power event
     * of each meter after a push: one push holding both would show the DT already back).
     */
    static final Duration BACKFILL_WINDOW = Duration.ofMinutes(5);
    /** In live mode the events of the last half minute go out together. */
    static final Duration LIVE_WINDOW = Duration.ofSeconds(30);

    private final EventSchedule schedule;
    private final Map<String, WireFormat> formats;
    private final Map<String, Transport> transports;
    private final StatsCounter stats;
    private final EventPayloadFactory payloads = new EventPayloadFactory();

    EventFeed(EventSchedule schedule, Map<String, WireFormat> formats, Map<String, Transport> transports,
              StatsCounter stats) {
        this.schedule = schedule;
        this.formats = formats;
        this.transports = transports;
        this.stats = stats;
    }

    /** Every event in [from, to), window by window, from this thread, until {@code stop} says so. */
    void sendBetween(Instant from, Instant to, Duration window, BooleanSupplier stop) {
        sendBetween(from, to, window, stop, () -> { });
    }

    /** As {@link #sendBetween(Instant, Instant, Duration, BooleanSupplier)}, running {@code afterWindow} after each. */
    void sendBetween(Instant from, Instant to, Duration window, BooleanSupplier stop, Runnable afterWindow) {
        for (Instant start = from; start.isBefore(to) && !stop.getAsBoolean(); start = start.plus(window)) {
            Instant end = start.plus(window).isAfter(to) ? to : start.plus(window);
            send(schedule.between(start, end), stop);
            afterWindow.run();
        }
    }

    static long windows(Instant from, Instant to, Duration window) {
        long seconds = Math.max(0, Duration.between(from, to).toSeconds());
        return (seconds + window.toSeconds() - 1) / window.toSeconds();
    }

    private void send(List<SimEvent> events, BooleanSupplier stop) {
        Map<String, List<SimEvent>> byVendor = new LinkedHashMap<>();
        for (SimEvent event : events) {
            byVendor.computeIfAbsent(event.meter().vendorCode(), k -> new ArrayList<>()).add(event);
        }
        for (var vendor : byVendor.entrySet()) {
            WireFormat format = formats.get(vendor.getKey());
            if (format == null) continue;
            for (Payload payload : payloads.build(vendor.getKey(), format, vendor.getValue())) {
                if (stop.getAsBoolean()) return;
                stats.record(payload, transports.get(vendor.getKey()).deliver(payload));
            }
        }
    }
}
