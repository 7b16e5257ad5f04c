package io.vidyut.mdm.readings;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Creates this month's and next month's interval partitions ahead of the data: creating one locks
 * the whole interval table for a moment, better done by this job between writes than by the first
 * write of a month while queries and other writers queue behind it.
 */
@Component
class PartitionsAhead {
    private final ReadingStore store;
    private final Clock clock;

    PartitionsAhead(ReadingStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "PT10S", fixedDelayString = "PT6H")
    void run() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        store.prepareDays(today.minusDays(1), today.plusMonths(1));
    }
}
