package io.vidyut.mdm.readings;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes meter data past a tenant's retention from the store's own tables: interval day rows and register reads,
 * every earlier version of them included. The retention policy is the tenant's ({@code tenancy}); which tables hold
 * what, and how intervals are filed by day, is the store's, so the deleting is done here.
 */
@Component
public class ReadingRetention {
    private final JdbcClient jdbc;

    ReadingRetention(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** What one purge removed: current day rows and register reads, and the earlier versions of either. */
    public record Purged(int dayRows, int dayRowVersions, int registerReads, int registerReadVersions) {}

    /**
     * Deletes the current tenant's interval days before {@code firstKept} and its register reads from before that
     * day's local midnight in {@code zone}, history included, in the caller's transaction (one if there is none).
     */
    @Transactional
    public Purged purgeBefore(LocalDate firstKept, ZoneId zone) {
        int days = jdbc.sql("delete from interval_day where day < ?").param(firstKept).update();
        int dayVersions = jdbc.sql("delete from interval_day_history where day < ?").param(firstKept).update();
        Timestamp instant = Timestamp.from(firstKept.atStartOfDay(zone).toInstant());
        int registers = jdbc.sql("delete from register_read where read_at < ?").param(instant).update();
        int registerVersions = jdbc.sql("delete from register_read_history where read_at < ?").param(instant).update();
        return new Purged(days, dayVersions, registers, registerVersions);
    }
}
