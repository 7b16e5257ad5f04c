package io.vidyut.mdm.alarms;

import io.vidyut.mdm.common.ConflictException;
import io.vidyut.mdm.common.NotFoundException;
import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.common.ids.NodeId;
import io.vidyut.mdm.meters.MeterService;
import io.vidyut.mdm.network.NetworkTopology;
import io.vidyut.mdm.network.NetworkTopology.NodeLabel;
import io.vidyut.mdm.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The current tenant's alarms and their lifecycle. One unresolved alarm per subject: raising it again
 * while it is unresolved counts a repeat instead (suppression). Every change is announced as
 * {@link AlarmChanged}.
 */
@Service
class Alarms {
    private static final String VIEW = "select a.* from alarm a";

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final MeterService meters;
    private final NetworkTopology network;

    Alarms(JdbcClient jdbc, ApplicationEventPublisher publisher, Clock clock, MeterService meters, NetworkTopology network) {
        this.jdbc = jdbc;
        this.publisher = publisher;
        this.clock = clock;
        this.meters = meters;
        this.network = network;
    }

    /** What an alarm is raised about; {@code subject} identifies it for suppression of repeats. */
    record Raise(AlarmKind kind, String severity, String subject, String title, UUID meterId, UUID networkNodeId,
                 Integer code, Integer affectedMeters, Instant at) {}

    /**
     * Raises an alarm, or counts a repeat of the unresolved alarm of the same subject. A new alarm keeps the meter's
     * serial and the node's code of now, from the meters' and the network's published APIs (a repeat asks for none).
     */
    @Transactional
    Alarm raise(Raise raise) {
        record Outcome(UUID id, boolean raised) {}
        Outcome outcome = jdbc.sql("""
                        insert into alarm (id, tenant_id, kind, severity, subject, meter_id, network_node_id, code, title,
                                           affected_meters, first_at, last_at, raised_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (tenant_id, subject) where status <> 'RESOLVED' do update
                           set occurrences = alarm.occurrences + 1, last_at = greatest(alarm.last_at, excluded.last_at),
                               affected_meters = coalesce(excluded.affected_meters, alarm.affected_meters)
                        returning id, xmax = 0""")
                .params(UUID.randomUUID(), TenantContext.requireTenantId(), raise.kind().name(), raise.severity(),
                        raise.subject(), raise.meterId(), raise.networkNodeId(), raise.code(), raise.title(),
                        raise.affectedMeters(), Timestamp.from(raise.at()), Timestamp.from(raise.at()), now())
                .query((rs, n) -> new Outcome(rs.getObject(1, UUID.class), rs.getBoolean(2))).single();
        if (outcome.raised()) label(outcome.id(), raise);
        return announce(outcome.raised() ? AlarmChanged.Change.RAISED : AlarmChanged.Change.REPEATED, outcome.id());
    }

    private void label(UUID alarmId, Raise raise) {
        String serial = raise.meterId() == null ? null : meters.get(raise.meterId()).serial();
        String nodeCode = raise.networkNodeId() == null ? null : network.labels(List.of(new NodeId(raise.networkNodeId())))
                .stream().findFirst().map(NodeLabel::code).orElse(null);
        if (serial != null || nodeCode != null) {
            jdbc.sql("update alarm set meter_serial = ?, node_code = ? where id = ?").params(serial, nodeCode, alarmId).update();
        }
    }

    /** The unresolved alarms of these subjects, by subject: one query for a whole write's meters. */
    @Transactional(readOnly = true)
    Map<String, Alarm> unresolved(java.util.Collection<String> subjects) {
        Map<String, Alarm> open = new java.util.HashMap<>();
        if (subjects.isEmpty()) return open;
        jdbc.sql(VIEW + " where a.subject = any(?) and a.status <> 'RESOLVED'").param(subjects.toArray(String[]::new))
                .query((rs, n) -> open.put(rs.getString("subject"), read(rs, n))).list();
        return open;
    }

    /** The unresolved alarm of a subject, if any. */
    @Transactional(readOnly = true)
    Optional<Alarm> unresolved(String subject) {
        return jdbc.sql(VIEW + " where a.subject = ? and a.status <> 'RESOLVED'").param(subject).query(Alarms::read).optional();
    }

    @Transactional
    void updateAffected(UUID id, int affectedMeters) {
        jdbc.sql("update alarm set affected_meters = ? where id = ?").params(affectedMeters, id).update();
        announce(AlarmChanged.Change.UPDATED, id);
    }

    /** Severities from least to most urgent; escalation moves an alarm up this ladder. */
    static final List<String> SEVERITIES = List.of("INFO", "MINOR", "MAJOR", "CRITICAL");

    /**
     * Escalates an alarm still OPEN to {@code level} (if it is below), raising its severity one step per level
     * gained (at most CRITICAL). Empty when it was acknowledged, resolved or escalated meanwhile.
     */
    @Transactional
    Optional<Alarm> escalate(UUID id, int level) {
        Optional<Alarm> alarm = jdbc.sql(VIEW + " where a.id = ? and a.status = 'OPEN' and a.escalation_level < ? for update of a")
                .params(id, level).query(Alarms::read).optional();
        if (alarm.isEmpty()) return Optional.empty();
        int from = SEVERITIES.indexOf(alarm.get().severity());
        String severity = from < 0 ? alarm.get().severity()
                : SEVERITIES.get(Math.min(SEVERITIES.size() - 1, from + level - alarm.get().escalationLevel()));
        jdbc.sql("update alarm set escalation_level = ?, escalated_at = ?, severity = ? where id = ?")
                .params(level, now(), severity, id).update();
        return Optional.of(announce(AlarmChanged.Change.ESCALATED, id));
    }

    /** The unresolved alarms of a kind about these network nodes. */
    @Transactional(readOnly = true)
    List<Alarm> unresolvedAt(AlarmKind kind, List<UUID> nodeIds) {
        return jdbc.sql(VIEW + " where a.kind = ? and a.status <> 'RESOLVED' and a.network_node_id = any(?)")
                .params(kind.name(), nodeIds.toArray(UUID[]::new)).query(Alarms::read).list();
    }

    @Transactional
    Alarm acknowledge(UUID id, String user, String note) {
        return transition(id, AlarmChanged.Change.ACKNOWLEDGED, "OPEN", """
                update alarm set status = 'ACKNOWLEDGED', acknowledged_at = ?, acknowledged_by = ?, note = coalesce(?, note)
                 where id = ? and status = 'OPEN'""", user, note);
    }

    @Transactional
    Alarm resolve(UUID id, String user, String note) {
        return transition(id, AlarmChanged.Change.RESOLVED, "OPEN or ACKNOWLEDGED", """
                update alarm set status = 'RESOLVED', resolved_at = ?, resolved_by = ?, note = coalesce(?, note)
                 where id = ? and status <> 'RESOLVED'""", user, note);
    }

    /** A guarded status change: the update names the states it may leave, so racing callers cannot both win. */
    private Alarm transition(UUID id, AlarmChanged.Change change, String from, String update, String user, String note) {
        if (jdbc.sql(update).params(now(), user, note, id).update() == 0) {
            throw new ConflictException("Alarm is " + get(id).status() + "; only an alarm that is " + from + " can be "
                    + change.name().toLowerCase(java.util.Locale.ROOT));
        }
        return announce(change, id);
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    @Transactional(readOnly = true)
    Alarm get(UUID id) {
        return jdbc.sql(VIEW + " where a.id = ?").param(id).query(Alarms::read).optional()
                .orElseThrow(() -> new NotFoundException("Alarm", id));
    }

    /** Which alarms to list; null fields do not filter. */
    record Filter(AlarmStatus status, AlarmKind kind, UUID meterId, UUID networkNodeId) {}

    @Transactional(readOnly = true)
    Page<Alarm> list(Filter filter, PageRequest page, AlarmSort sort) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" where true");
        if (filter.status() != null) {
            where.append(" and a.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.kind() != null) {
            where.append(" and a.kind = :kind");
            params.put("kind", filter.kind().name());
        }
        if (filter.meterId() != null) {
            where.append(" and a.meter_id = :meter");
            params.put("meter", filter.meterId());
        }
        if (filter.networkNodeId() != null) {
            where.append(" and a.network_node_id = :node");
            params.put("node", filter.networkNodeId());
        }
        List<Alarm> items = jdbc.sql(VIEW + where + " order by " + sort.orderBy() + " limit :limit offset :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset()).query(Alarms::read).list();
        long total = jdbc.sql("select count(*) from alarm a" + where).params(params).query(Long.class).single();
        return Page.of(items, page, total);
    }

    private Alarm announce(AlarmChanged.Change change, UUID id) {
        Alarm alarm = get(id);
        publisher.publishEvent(new AlarmChanged(TenantContext.requireTenantId(), change, alarm));
        return alarm;
    }

    private static Alarm read(ResultSet rs, int row) throws SQLException {
        return new Alarm(rs.getObject("id", UUID.class), AlarmKind.valueOf(rs.getString("kind")), rs.getString("severity"),
                rs.getString("title"), rs.getObject("meter_id", UUID.class), rs.getString("meter_serial"),
                rs.getObject("network_node_id", UUID.class), rs.getString("node_code"), rs.getObject("code", Integer.class),
                AlarmStatus.valueOf(rs.getString("status")), rs.getInt("occurrences"),
                rs.getObject("affected_meters", Integer.class), instant(rs, "first_at"), instant(rs, "last_at"),
                instant(rs, "raised_at"), instant(rs, "acknowledged_at"), rs.getString("acknowledged_by"),
                instant(rs, "resolved_at"), rs.getString("resolved_by"), rs.getString("note"),
                rs.getInt("escalation_level"), instant(rs, "escalated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }
}
