package io.vidyut.mdm.alarms;

import io.vidyut.mdm.common.ids.MeterId;
import io.vidyut.mdm.events.EventCatalog;
import io.vidyut.mdm.events.EventType;
import io.vidyut.mdm.events.MeterEvent;
import io.vidyut.mdm.events.MeterEventsRecorded;
import io.vidyut.mdm.meters.MeterPlacement;
import io.vidyut.mdm.meters.MeterPlacement.MeterOnDt;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.context.event.EventListener;
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
    private final MeterPlacement placement;

    AlarmEngine(AlarmRulesStore rules, Alarms alarms, OutageInference outages, MeterPlacement placement) {
        this.rules = rules;
        this.alarms = alarms;
        this.outages = outages;
        this.placement = placement;
    }

    @EventListener
    void on(MeterEventsRecorded recorded) {
        AlarmRules tenantRules = rules.current();
        Map<MeterId, Instant> powerEventsByMeter = new HashMap<>();
        for (MeterEvent event : recorded.events()) {
            if (!event.known()) continue;
            int code = event.code();
            if (code == EventCatalog.POWER_FAILURE || code == EventCatalog.POWER_RESTORED) {
                powerEventsByMeter.merge(new MeterId(event.meterId()), event.occurredAt(), (a, b) -> a.isAfter(b) ? a : b);
            } else if (tenantRules.tamperCodes().contains(code)) {
                raiseAtMeter(AlarmKind.TAMPER, event);
            } else if (tenantRules.powerQualityCodes().contains(code)) {
                raiseAtMeter(AlarmKind.POWER_QUALITY, event);
            } else if (isRestorationOf(code, tenantRules.powerQualityCodes())) {
                alarms.unresolved(subject(event.meterId(), code - 1)).ifPresent(open ->
                        alarms.resolve(open.id(), "system", "Restored at " + event.occurredAt()));
            }
        }
        if (!powerEventsByMeter.isEmpty()) {
            evaluateOutages(placement.dtsOf(powerEventsByMeter.keySet()), powerEventsByMeter, tenantRules);
        }
    }

    /**
     * Locks every feeder concerned, then every DT, each set in one (UUID) order, so batches cannot deadlock;
     * then judges the feeders first (a feeder outage stands for its DTs, which then raise nothing of their own),
     * then the DTs.
     */
    private void evaluateOutages(List<MeterOnDt> placed, Map<MeterId, Instant> latestByMeter, AlarmRules tenantRules) {
        Map<UUID, Instant> latestByDt = new TreeMap<>(); // DTs locked in one order: no deadlock between batches
        Map<UUID, UUID> feederOfDt = new HashMap<>();
        for (MeterOnDt meter : placed) {
            latestByDt.merge(meter.dt().value(), latestByMeter.get(meter.meter()), (a, b) -> a.isAfter(b) ? a : b);
            if (meter.feeder() != null) feederOfDt.put(meter.dt().value(), meter.feeder().value());
        }
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

    private void raiseAtMeter(AlarmKind kind, MeterEvent event) {
        alarms.raise(new Alarms.Raise(kind, event.severity().name(), subject(event.meterId(), event.code()),
                event.name().replace(" (occurrence)", ""), event.meterId(), null, event.code(), null, event.occurredAt()));
    }

    private static boolean isRestorationOf(int code, Set<Integer> occurrences) {
        return EventCatalog.lookup(code).map(t -> t.role() == EventType.Role.RESTORATION).orElse(false)
                && occurrences.contains(code - 1);
    }

    private static String subject(UUID meterId, int code) {
        return "meter:" + meterId + ":" + code;
    }
}
