package io.vidyut.mdm.ingest.push;

import io.vidyut.mdm.ingest.IngestProperties;
import java.time.Duration;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * How many HES pushes are parsed at once, apart for readings and events. Parsing readings is CPU-bound and
 * about half of what ingest costs the machine (the store workers and the database the other half): by default
 * one push per two cores; more in flight only take CPU from the dashboard's and billing's queries without
 * storing more. Events are small and urgent (alarms wait on them), so they have their own turns and never queue
 * behind a large block of readings. Over the limit, a few pushes wait in arrival order for a short while; the
 * rest are turned away at once with 503 and Retry-After (nothing was acknowledged; the HES sends it again).
 */
@Component
class PushAdmission {
    private final Gate readings;
    private final Gate events;

    PushAdmission(IngestProperties ingest) {
        int concurrentPushes = ingest.concurrentPushes(), concurrentEventPushes = ingest.concurrentEventPushes();
        int pushesWaiting = ingest.pushesWaiting();
        Duration longestWait = ingest.pushWait();
        int cores = Runtime.getRuntime().availableProcessors();
        int readingTurns = concurrentPushes > 0 ? concurrentPushes : Math.max(1, cores / 2);
        int eventTurns = concurrentEventPushes > 0 ? concurrentEventPushes : Math.max(2, cores);
        this.readings = new Gate("reading pushes", readingTurns, pushesWaiting > 0 ? pushesWaiting : 4 * readingTurns, longestWait);
        this.events = new Gate("event pushes", eventTurns, pushesWaiting > 0 ? pushesWaiting : 4 * eventTurns, longestWait);
    }

    <T> T admitReadings(Supplier<T> push) {
        return readings.through(push);
    }

    <T> T admitEvents(Supplier<T> push) {
        return events.through(push);
    }
}
