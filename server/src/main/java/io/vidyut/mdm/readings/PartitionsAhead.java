package io.vidyut.mdm.readings;

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

    PartitionsAhead(ReadingStore store) {
        this.store = store;
    }

    @Scheduled(initialDelayString = "PT10S", fixedDelayString = "PT6H")
    void run() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        store.prepareDays(today.minusDays(1), today.plusMonths(1));
    }
}
