package io.vidyut.mdm.alarms;

import io.vidyut.mdm.common.ids.MeterId;
import io.vidyut.mdm.common.ids.NodeId;
import io.vidyut.mdm.events.EventCatalog;
import io.vidyut.mdm.events.PowerEvents;
import io.vidyut.mdm.events.PowerEvents.LastPowerEvent;
import io.vidyut.mdm.meters.MeterPlacement;
import io.vidyut.mdm.meters.MeterPlacement.PlacedMeter;
import io.vidyut.mdm.network.NetworkTopology;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns the power failures of many meters under one DT into one DT outage alarm, and the outage of several
 * DTs under one feeder into one feeder outage alarm (instead of one per DT); each closes when power is back.
 * Evaluated under transaction-scoped advisory locks, feeders before DTs, each in one order (the engine's), so
 * concurrent batches from the meters of one DT or feeder see each other's events and raise one alarm, and
 * cannot deadlock: a DT is only ever locked by a transaction that holds its feeder's lock.
 */
@Component
class OutageInference {
    /** How far back a meter's last power event still tells whether it is out. */
    static final Duration LOOKBACK = Duration.ofDays(7);

    private final JdbcClient jdbc;
    private final Alarms alarms;
    private final NetworkTopology network;
    private final MeterPlacement placement;
    private final PowerEvents powerEvents;

    OutageInference(JdbcClient jdbc, Alarms alarms, NetworkTopology network, MeterPlacement placement,
                    PowerEvents powerEvents) {
        this.jdbc = jdbc;
        this.alarms = alarms;
        this.network = network;
        this.placement = placement;
        this.powerEvents = powerEvents;
    }

    void lock(String kind, UUID nodeId) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(? || ':' || ?, 0))").params(kind, nodeId.toString())
                .query(Object.class).optional();
    }

    /**
     * Re-evaluates a DT after power events of its meters, the latest of them at {@code latest}; the caller holds
     * the DT's lock (and its feeder's). While its feeder has an open outage alarm, the DT raises none of its own.
     * {@code anyAge}: failures count however long ago they were (after a feeder outage ended), not only those
     * within the rules' window.
     */
    void evaluate(UUID dtId, UUID feederId, Instant latest, AlarmRules rules, boolean anyAge) {
        List<MeterId> meters = placement.metersUnder(List.of(new NodeId(dtId))).stream().map(PlacedMeter::meter).toList();
        if (meters.isEmpty()) return;
        List<LastPowerEvent> out = powerEvents.lastOf(meters, latest.minus(LOOKBACK)).stream()
                .filter(LastPowerEvent::isFailure).toList();
        Instant windowStart = anyAge ? Instant.MIN : latest.minusSeconds(rules.outageWindowSeconds());
        long recentlyOut = out.stream().filter(s -> !s.occurredAt().isBefore(windowStart)).count();
        String subject = "dt-outage:" + dtId;
        var open = alarms.unresolved(subject);
        if (open.isEmpty()) {
            boolean feederOut = feederId != null && alarms.unresolved(feederSubject(feederId)).isPresent();
            if (!feederOut && (double) recentlyOut / meters.size() >= rules.outageShare()) {
                Instant since = out.stream().map(LastPowerEvent::occurredAt).min(Instant::compareTo).orElse(latest);
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

    /** One DT under a feeder: its meters and how many of them are out. */
    private record DtCount(UUID dtId, int meters, int out, Instant firstFailure) {}

    /**
     * Re-evaluates a feeder after power events under it; the caller holds the feeder's lock. A DT is out when
     * at least {@code outage_share} of its meters are; when at least {@code feeder_outage_share} of the feeder's
     * DTs (with meters) and at least {@code feeder_outage_min_dts} are out, one FEEDER_OUTAGE alarm is raised and
     * the open DT outage alarms under it are resolved into it. It is resolved when fewer than
     * {@code outage_clear_share} of the feeder's meters are still out; the DTs still out then get their own
     * alarms back.
     */
    void evaluateFeeder(UUID feederId, Instant latest, AlarmRules rules) {
        List<DtCount> dts = countByDt(placement.metersUnder(network.dtsUnder(List.of(new NodeId(feederId)))), latest.minus(LOOKBACK));
        if (dts.isEmpty()) return;
        int meters = dts.stream().mapToInt(DtCount::meters).sum();
        int out = dts.stream().mapToInt(DtCount::out).sum();
        List<DtCount> dtsOut = dts.stream().filter(dt -> (double) dt.out() / dt.meters() >= rules.outageShare()).toList();
        String subject = feederSubject(feederId);
        Optional<Alarm> open = alarms.unresolved(subject);
        if (open.isEmpty()) {
            if (dtsOut.size() >= rules.feederOutageMinDts() && (double) dtsOut.size() / dts.size() >= rules.feederOutageShare()) {
                Instant since = dtsOut.stream().map(DtCount::firstFailure).filter(Objects::nonNull)
                        .min(Instant::compareTo).orElse(latest);
                Alarm feeder = alarms.raise(new Alarms.Raise(AlarmKind.FEEDER_OUTAGE, "CRITICAL", subject, "Feeder outage: "
                        + dtsOut.size() + " of " + dts.size() + " DTs out, " + out + " of " + meters + " meters report power failure",
                        null, feederId, EventCatalog.POWER_FAILURE, out, since));
                for (Alarm dtAlarm : alarms.unresolvedAt(AlarmKind.DT_OUTAGE, dts.stream().map(DtCount::dtId).toList())) {
                    alarms.resolve(dtAlarm.id(), "system", "Part of the feeder outage " + feeder.id()
                            + (feeder.networkNodeCode() == null ? "" : " (" + feeder.networkNodeCode() + ")"));
                }
            }
        } else if ((double) out / meters < rules.outageClearShare()) {
            alarms.resolve(open.get().id(), "system", "Power restored: " + (meters - out) + " of " + meters + " meters");
            for (DtCount dt : dts) {
                if (dt.out() == 0) continue;
                lock("dt-outage", dt.dtId()); // safe: every DT lock is taken under its feeder's, which this holds
                evaluate(dt.dtId(), feederId, latest, rules, true);
            }
        } else if (open.get().affectedMeters() == null || open.get().affectedMeters() != out) {
            alarms.updateAffected(open.get().id(), out);
        }
    }

    /**
     * Each DT that has meters, in DT order: how many, how many are out (their last power event after {@code after}
     * is a failure), and the first of those failures.
     */
    private List<DtCount> countByDt(List<PlacedMeter> meters, Instant after) {
        Map<MeterId, LastPowerEvent> lastOfMeter = powerEvents.lastOf(meters.stream().map(PlacedMeter::meter).toList(), after)
                .stream().collect(Collectors.toMap(LastPowerEvent::meter, Function.identity()));
        Map<UUID, List<PlacedMeter>> metersOfDt = meters.stream()
                .collect(Collectors.groupingBy(meter -> meter.node().value(), TreeMap::new, Collectors.toList()));
        return metersOfDt.entrySet().stream().map(dt -> {
            List<Instant> failures = dt.getValue().stream().map(meter -> lastOfMeter.get(meter.meter()))
                    .filter(last -> last != null && last.isFailure()).map(LastPowerEvent::occurredAt).toList();
            return new DtCount(dt.getKey(), dt.getValue().size(), failures.size(),
                    failures.stream().min(Instant::compareTo).orElse(null));
        }).toList();
    }

    static String feederSubject(UUID feederId) {
        return "feeder-outage:" + feederId;
    }
}
