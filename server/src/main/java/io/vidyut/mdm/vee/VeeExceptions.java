package io.vidyut.mdm.vee;

import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.common.NotFoundException;
import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The exceptions table: findings recorded once each, the work queue's filters, and resolution. */
@Component
class VeeExceptions {
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;
    private final Clock clock;

    VeeExceptions(JdbcClient jdbc, JdbcTemplate template, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
        this.clock = clock;
    }

    record Filter(String status, VeeRule rule, UUID meterId, UUID vendorId, UUID dtId, String assignedTo,
                  Instant detectedBefore, Boolean blocking) {}

    /** Records findings of the current tenant; a finding already open is extended, not repeated. */
    void record(UUID tenant, Collection<Finding> findings, int settingsVersion) {
        if (findings.isEmpty()) return;
        Timestamp now = Timestamp.from(clock.instant());
        template.batchUpdate("""
                insert into vee_exception (id, tenant_id, meter_id, channel, first_at, last_at, rule, blocking, detail,
                                           settings_version, detected_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?)
                on conflict (tenant_id, meter_id, channel, rule, first_at) do update
                   set last_at = greatest(vee_exception.last_at, excluded.last_at), detail = excluded.detail
                 where vee_exception.status = 'OPEN'""", List.copyOf(findings), 500, (ps, f) -> {
            ps.setObject(1, UUID.randomUUID());
            ps.setObject(2, tenant);
            ps.setObject(3, f.meterId());
            ps.setShort(4, (short) f.channel().code());
            ps.setTimestamp(5, Timestamp.from(f.firstAt()));
            ps.setTimestamp(6, Timestamp.from(f.lastAt()));
            ps.setString(7, f.rule().name());
            ps.setBoolean(8, f.rule().blocking());
            ps.setString(9, json.writeValueAsString(f.detail()));
            ps.setInt(10, settingsVersion);
            ps.setTimestamp(11, now);
        });
    }

    /** A meter channel's intervals ending in [first, last]. */
    record Span(UUID meterId, Channel channel, Instant first, Instant last) {}

    /**
     * Open exceptions of {@code rules} touching any of the spans are settled by what replaced the
     * data: one statement for all spans, so a write of many meter-days costs one round trip.
     */
    int settle(List<Span> spans, Collection<VeeRule> rules, String resolution, String by, String note) {
        if (rules.isEmpty() || spans.isEmpty()) return 0;
        return jdbc.sql("""
                        update vee_exception e set status = 'RESOLVED', resolution = ?, resolved_by = ?, resolved_at = ?,
                               resolution_note = ?
                          from unnest(?::uuid[], ?::smallint[], ?::timestamptz[], ?::timestamptz[]) as s(meter_id, channel, first_at, last_at)
                         where e.meter_id = s.meter_id and e.channel = s.channel and e.status = 'OPEN'
                           and e.first_at <= s.last_at and e.last_at >= s.first_at and e.rule = any(?)""")
                .params(resolution, by, Timestamp.from(clock.instant()), note, spans.stream().map(Span::meterId).toArray(UUID[]::new),
                        spans.stream().map(span -> (short) span.channel().code()).toArray(Short[]::new),
                        spans.stream().map(span -> Timestamp.from(span.first())).toArray(Timestamp[]::new),
                        spans.stream().map(span -> Timestamp.from(span.last())).toArray(Timestamp[]::new),
                        rules.stream().map(Enum::name).toArray(String[]::new))
                .update();
    }

    Page<VeeException> list(Filter filter, PageRequest page, VeeExceptionSort sort, ZoneId zone) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        condition(where, params, "e.status", "status", filter.status());
        condition(where, params, "e.rule", "rule", filter.rule() == null ? null : filter.rule().name());
        condition(where, params, "e.meter_id", "meter", filter.meterId());
        condition(where, params, "m.hes_vendor_id", "vendor", filter.vendorId());
        condition(where, params, "coalesce(c.dt_id, m.network_node_id)", "dt", filter.dtId());
        condition(where, params, "e.assigned_to", "assignee", filter.assignedTo());
        condition(where, params, "e.blocking", "blocking", filter.blocking());
        if (filter.detectedBefore() != null) {
            where.append(" and e.detected_at < :before");
            params.put("before", Timestamp.from(filter.detectedBefore()));
        }
        String from = " from vee_exception e join meter m on m.id = e.meter_id left join consumer c on c.id = m.consumer_id";
        List<VeeException> items = jdbc.sql("select e.*, m.serial, m.hes_vendor_id, coalesce(c.dt_id, m.network_node_id) as dt_id"
                        + from + where + " order by " + sort.orderBy() + " limit :limit offset :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> map(rs, zone)).list();
        long total = jdbc.sql("select count(*)" + from + where).params(params).query(Long.class).single();
        return Page.of(items, page, total);
    }

    VeeException get(UUID id, ZoneId zone) {
        return jdbc.sql("""
                        select e.*, m.serial, m.hes_vendor_id, coalesce(c.dt_id, m.network_node_id) as dt_id
                          from vee_exception e join meter m on m.id = e.meter_id left join consumer c on c.id = m.consumer_id
                         where e.id = ?""")
                .param(id).query((rs, n) -> map(rs, zone)).optional()
                .orElseThrow(() -> new NotFoundException("VEE exception", id));
    }

    void assign(UUID id, String assignee) {
        jdbc.sql("update vee_exception set assigned_to = ? where id = ?").params(assignee, id).update();
    }

    void resolve(UUID id, String resolution, String note, String by) {
        jdbc.sql("""
                update vee_exception set status = 'RESOLVED', resolution = ?, resolution_note = ?, resolved_by = ?,
                       resolved_at = ? where id = ?""").params(resolution, note, by, Timestamp.from(clock.instant()), id).update();
    }

    private static void condition(StringBuilder where, Map<String, Object> params, String column, String name, Object value) {
        if (value == null) return;
        where.append(" and ").append(column).append(" = :").append(name);
        params.put(name, value);
    }

    private VeeException map(ResultSet rs, ZoneId zone) throws SQLException {
        return new VeeException(rs.getObject("id", UUID.class), rs.getObject("meter_id", UUID.class), rs.getString("serial"),
                rs.getObject("hes_vendor_id", UUID.class), rs.getObject("dt_id", UUID.class),
                Channel.ofCode(rs.getInt("channel")), localTime(rs, "first_at", zone), localTime(rs, "last_at", zone),
                VeeRule.valueOf(rs.getString("rule")), rs.getBoolean("blocking"),
                json.readValue(rs.getString("detail"), new TypeReference<Map<String, Object>>() {}),
                rs.getInt("settings_version"), rs.getString("status"), rs.getString("assigned_to"),
                rs.getString("resolution"), rs.getString("resolution_note"), localTime(rs, "detected_at", zone),
                localTime(rs, "resolved_at", zone), rs.getString("resolved_by"));
    }

    /** A nullable timestamp column in the tenant's zone, as the API shows times. */
    static java.time.OffsetDateTime localTime(ResultSet rs, String column, ZoneId zone) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant().atZone(zone).toOffsetDateTime();
    }
}
