package io.vidyut.mdm.outbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes delivered and discarded messages older than their kind's retention ({@code mdm.outbox.retention}, 30
 * days, unless the kind says otherwise), across tenants, in batches, when the nightly retention job runs
 * ({@code mdm.retention.cron}), through the definer function {@code mdm_outbox_purge}. Pending and dead messages are
 * kept: the first are still to be delivered, the second wait for an operator.
 */
@Component
class OutboxRetention {
    private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);
    static final int BATCH = 10_000;

    private final JdbcClient jdbc;
    private final OutboxSettings settings;
    private final OutboxDispatcher dispatcher;
    private final Clock clock;

    OutboxRetention(JdbcClient jdbc, OutboxSettings settings, OutboxDispatcher dispatcher, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.dispatcher = dispatcher;
        this.clock = clock;
    }

    @Scheduled(cron = "${mdm.retention.cron:0 30 2 * * *}")
    void run() {
        try {
            int deleted = purge(clock.instant());
            if (deleted > 0) log.info("Deleted {} delivered or discarded outbox messages past their retention", deleted);
        } catch (RuntimeException e) {
            log.error("Outbox retention failed", e);
        }
    }

    /** Deletes what was delivered or discarded before {@code now} − its kind's retention; returns how many. */
    int purge(Instant now) {
        Map<Duration, List<String>> kindsByRetention = new TreeMap<>();
        List<String> ownRetention = new ArrayList<>();
        dispatcher.kinds().forEach((kind, handled) -> {
            if (!handled.policy().retention().equals(settings.retention())) {
                kindsByRetention.computeIfAbsent(handled.policy().retention(), r -> new ArrayList<>()).add(kind);
                ownRetention.add(kind);
            }
        });
        int total = 0;
        for (Map.Entry<Duration, List<String>> group : kindsByRetention.entrySet()) {
            total += purge(now.minus(group.getKey()), group.getValue().toArray(String[]::new), null);
        }
        // every other kind, a kind no handler here knows included, by the outbox's own retention
        return total + purge(now.minus(settings.retention()), null, ownRetention.toArray(String[]::new));
    }

    private int purge(Instant before, String[] kinds, String[] otherThan) {
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.sql("select mdm_outbox_purge(?, ?::text[], ?::text[], ?)").params(Timestamp.from(before), kinds, otherThan, BATCH)
                    .query(Integer.class).single();
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
