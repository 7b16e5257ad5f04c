package io.vidyut.mdm.feed;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes feed entries older than {@code mdm.feed.retention} (7 days), across tenants, when the nightly retention
 * job runs: the feed is for catching up on what happened, not the record itself (events, alarms, commands and
 * corrections keep their own tables).
 */
@Component
class FeedRetention {
    private static final Logger log = LoggerFactory.getLogger(FeedRetention.class);

    private final JdbcClient jdbc;
    private final FeedSettings settings;
    private final Clock clock;

    FeedRetention(JdbcClient jdbc, FeedSettings settings, Clock clock) {
        this.jdbc = jdbc;
        this.settings = settings;
        this.clock = clock;
    }

    @Scheduled(cron = "${mdm.retention.cron:0 30 2 * * *}")
    void run() {
        int deleted = purge(clock.instant());
        if (deleted > 0) log.info("Deleted {} feed entries older than {}", deleted, settings.retention());
    }

    /** Deletes positioned entries written before {@code now} − retention; returns how many. */
    int purge(Instant now) {
        return jdbc.sql("select mdm_purge_feed(?)").param(Timestamp.from(now.minus(settings.retention()))).query(Integer.class)
                .single();
    }
}
