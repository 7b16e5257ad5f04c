package io.vidyut.mdm.webhooks;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes delivered webhook messages older than {@code mdm.webhooks.retention} (30 days), across tenants,
 * in batches, when the nightly retention job runs ({@code mdm.retention.cron}). Pending and failed messages
 * are kept: the first are still to be sent, the second are what an administrator looks into.
 */
@Component
class OutboxRetention {
    private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);
    static final int BATCH = 10_000;

    private final JdbcClient jdbc;
    private final WebhookSettings settings;
    private final Clock clock;

    OutboxRetention(JdbcClient jdbc, WebhookSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(cron = "${mdm.retention.cron:0 30 2 * * *}")
    void run() {
        int deleted = purge(clock.instant());
        if (deleted > 0) log.info("Deleted {} delivered webhook messages older than {}", deleted, settings.retention());
    }

    /** Deletes what was delivered before {@code now} − retention; returns how many. */
    int purge(Instant now) {
        Timestamp before = Timestamp.from(now.minus(settings.retention()));
        int total = 0;
        int deleted;
        do {
            deleted = jdbc.sql("select mdm_purge_delivered_webhooks(?, ?)").params(before, BATCH).query(Integer.class).single();
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }
}
