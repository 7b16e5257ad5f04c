package io.vidyut.mdm.alarms;

import io.vidyut.mdm.events.EventCatalog;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns the power failures of many meters under one DT into one DT outage alarm, and closes it when
 * power is back. Evaluated per DT under a transaction-scoped advisory lock, so concurrent batches
 * from the DT's meters see each other's events and raise one alarm, not several.
 */
@Component
class OutageInference {
    /** How far back a meter's last power event still tells whether it is out. */
    static final Duration LOOKBACK = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final Alarms alarms;

    OutageInference(JdbcClient jdbc, Alarms alarms) {
        this.jdbc = jdbc;
        this.alarms = alarms;
    }

    /** A meter's last power event (failure or restoration) and when. */
    private record PowerState(UUID meterId, int code, Instant at) {}

    /** Re-evaluates a DT after power events of its meters, the latest of them at {@code latest}. */
    void evaluate(UUID dtId, Instant latest, AlarmRules rules) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('dt-outage:' || ?, 0))").param(dtId.toString())
                .query(Object.class).optional();
        List<UUID> meters = jdbc.sql("""
                        select m.id from meter m left join consumer c on c.id = m.consumer_id
                         where (c.dt_id = ? or m.network_node_id = ?) and m.lifecycle_stage <> 'DECOMMISSIONED'""")
                .params(dtId, dtId).query(UUID.class).list();
        if (meters.isEmpty()) return;
        List<PowerState> states = jdbc.sql("""
                        select distinct on (meter_id) meter_id, code, occurred_at from meter_event
                         where meter_id = any(?) and code in (?, ?) and occurred_at > ?
                         order by meter_id, occurred_at desc""")
                .params(meters.toArray(UUID[]::new), EventCatalog.POWER_FAILURE, EventCatalog.POWER_RESTORED,
                        Timestamp.from(latest.minus(LOOKBACK)))
                .query((rs, n) -> new PowerState(rs.getObject(1, UUID.class), rs.getInt(2), rs.getTimestamp(3).toInstant()))
                .list();
        List<PowerState> out = states.stream().filter(s -> s.code() == EventCatalog.POWER_FAILURE).toList();
        Instant windowStart = latest.minusSeconds(rules.outageWindowSeconds());
        long recentlyOut = out.stream().filter(s -> !s.at().isBefore(windowStart)).count();
        String subject = "dt-outage:" + dtId;
        var open = alarms.unresolved(subject);
        if (open.isEmpty()) {
            if ((double) recentlyOut / meters.size() >= rules.outageShare()) {
                Instant since = out.stream().map(PowerState::at).min(Instant::compareTo).orElse(latest);
                alarms.raise(new Alarms.Raise(AlarmKind.DT_OUTAGE, "CRITICAL", subject, "DT outage: " + out.size() + " of "
                        + meters.size() + " meters report power failure", null, dtId, EventCatalog.POWER_FAILURE,
                        out.size(), since));
            }
        } else if ((double) out.size() / meters.size() < rules.outageClearShare()) {
            alarms.resolve(open.get().id(), "system", "Power restored: " + (meters.size() - out.size()) + " of "
                    + meters.size() + " meters");
        } else if (open.get().affectedMeters() == null || open.get().affectedMeters() != out.size()) {
            alarms.updateAffected(open.get().id(), out.size());
        }
    }
}
