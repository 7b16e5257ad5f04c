package io.vidyut.mdm.alarms;

import io.vidyut.mdm.events.EventCatalog;
import io.vidyut.mdm.events.EventType;
import io.vidyut.mdm.events.MeterEvent;
import io.vidyut.mdm.events.MeterEventsRecorded;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Applies the tenant's alarm rules to newly recorded events, inside the transaction that records
 * them: an event is stored if and only if its alarms are (nothing lost between the two on a crash).
 */
@Component
class AlarmEngine {
    private final AlarmRulesStore rules;
    private final Alarms alarms;
    private final OutageInference outages;
    private final JdbcClient jdbc;

    AlarmEngine(AlarmRulesStore rules, Alarms alarms, OutageInference outages, JdbcClient jdbc) {
        this.rules = rules;
        this.alarms = alarms;
        this.outages = outages;
        this.jdbc = jdbc;
    }

    @EventListener
    void on(MeterEventsRecorded recorded) {
        AlarmRules tenantRules = rules.current();
        Map<UUID, Instant> powerEventsByMeter = new HashMap<>();
        for (MeterEvent event : recorded.events()) {
            if (!event.known()) continue;
            int code = event.code();
            if (code == EventCatalog.POWER_FAILURE || code == EventCatalog.POWER_RESTORED) {
                powerEventsByMeter.merge(event.meterId(), event.occurredAt(), (a, b) -> a.isAfter(b) ? a : b);
            } else if (tenantRules.tamperCodes().contains(code)) {
                raiseAtMeter(AlarmKind.TAMPER, event);
            } else if (tenantRules.powerQualityCodes().contains(code)) {
                raiseAtMeter(AlarmKind.POWER_QUALITY, event);
            } else if (isRestorationOf(code, tenantRules.powerQualityCodes())) {
                alarms.unresolved(subject(event.meterId(), code - 1)).ifPresent(open ->
                        alarms.resolve(open.id(), "system", "Restored at " + event.occurredAt()));
            }
        }
        if (!powerEventsByMeter.isEmpty()) evaluateOutages(latestByDt(powerEventsByMeter), tenantRules);
    }

    /**
     * Locks every feeder concerned, then every DT, each set in one (UUID) order, so batches cannot deadlock;
     * then judges the feeders first (a feeder outage stands for its DTs, which then raise nothing of their own),
     * then the DTs.
     */
    private void evaluateOutages(Map<UUID, Instant> latestByDt, AlarmRules tenantRules) {
        Map<UUID, UUID> feederOfDt = feedersOf(latestByDt.keySet());
        Map<UUID, Instant> latestByFeeder = new TreeMap<>();
        latestByDt.forEach((dt, latest) -> {
            UUID feeder = feederOfDt.get(dt);
            if (feeder != null) latestByFeeder.merge(feeder, latest, (a, b) -> a.isAfter(b) ? a : b);
        });
        latestByFeeder.keySet().forEach(feeder -> outages.lock("feeder-outage", feeder));
        latestByDt.keySet().forEach(dt -> outages.lock("dt-outage", dt));
        latestByFeeder.forEach((feeder, latest) -> outages.evaluateFeeder(feeder, latest, tenantRules));
        latestByDt.forEach((dt, latest) -> outages.evaluate(dt, feederOfDt.get(dt), latest, tenantRules, false));
    }

    private Map<UUID, UUID> feedersOf(java.util.Set<UUID> dtIds) {
        Map<UUID, UUID> feeders = new HashMap<>();
        jdbc.sql("""
                        select d.id, f.id from network_node d join network_node f on f.id = d.parent_id and f.level = 'FEEDER'
                         where d.id = any(?)""")
                .param(dtIds.toArray(UUID[]::new))
                .query((rs, n) -> feeders.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
        return feeders;
    }

    private void raiseAtMeter(AlarmKind kind, MeterEvent event) {
        alarms.raise(new Alarms.Raise(kind, event.severity().name(), subject(event.meterId(), event.code()),
                event.name().replace(" (occurrence)", ""), event.meterId(), null, event.code(), null, event.occurredAt()));
    }

    private static boolean isRestorationOf(int code, java.util.Set<Integer> occurrences) {
        return EventCatalog.lookup(code).map(t -> t.role() == EventType.Role.RESTORATION).orElse(false)
                && occurrences.contains(code - 1);
    }

    private static String subject(UUID meterId, int code) {
        return "meter:" + meterId + ":" + code;
    }

    /** The DT each meter hangs under (its consumer's DT, or the DT it measures), with the DT's latest power event. */
    private Map<UUID, Instant> latestByDt(Map<UUID, Instant> latestByMeter) {
        record MeterDt(UUID meterId, UUID dtId) {}
        List<MeterDt> placed = jdbc.sql("""
                        select m.id, coalesce(c.dt_id, n.id) from meter m
                          left join consumer c on c.id = m.consumer_id
                          left join network_node n on n.id = m.network_node_id and n.level = 'DT'
                         where m.id = any(?)""")
                .param(latestByMeter.keySet().toArray(UUID[]::new))
                .query((rs, n) -> new MeterDt(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class))).list();
        Map<UUID, Instant> byDt = new TreeMap<>(); // DTs locked in one order: no deadlock between batches
        for (MeterDt meter : placed) {
            if (meter.dtId() == null) continue;
            byDt.merge(meter.dtId(), latestByMeter.get(meter.meterId()), (a, b) -> a.isAfter(b) ? a : b);
        }
        return byDt;
    }
}
