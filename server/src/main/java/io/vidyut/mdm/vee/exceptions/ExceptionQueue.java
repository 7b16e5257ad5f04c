package io.vidyut.mdm.vee.exceptions;

import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.NotFoundException;
import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantDirectory;
import io.vidyut.mdm.vee.VeeRule;
import io.vidyut.mdm.vee.settings.MeterProfile;
import io.vidyut.mdm.vee.settings.MeterProfiles;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exceptions work queue and the table behind it: findings recorded once each, settled by what replaced their
 * data, listed with filters and sorted, assigned, accepted, and counted in the statistics. Resolving an exception by
 * editing or estimating its range is an edit ({@code vee.edits}), which settles it here when applied.
 *
 * <p>Each exception keeps the meter's serial, vendor and DT as they were when it was found (refreshed when it is
 * found again while open). The queue filters by vendor and DT and sorts by serial in SQL, before paging, so a page
 * and the total are right whatever the sort; read after paging instead, a sort by serial would only order each page.
 */
@Service
public class ExceptionQueue {
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;
    private final MeterProfiles profiles;
    private final TenantDirectory tenants;
    private final Clock clock;

    ExceptionQueue(JdbcClient jdbc, JdbcTemplate template, JsonMapper json, MeterProfiles profiles, TenantDirectory tenants,
                   Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
        this.profiles = profiles;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** A meter channel's intervals ending in [first, last]. */
    public record Span(UUID meterId, Channel channel, Instant first, Instant last) {}

    /** One rule's figures for a vendor: its exceptions, the values they cover, and the share of values passing it. */
    record RuleFigures(long exceptions, long values, BigDecimal passRate) {}

    record VendorFigures(UUID vendorId, long validated, long failed, BigDecimal passRate, long estimatedIntervals,
                         BigDecimal estimatedShare, Map<VeeRule, RuleFigures> rules) {}

    record Statistics(LocalDate from, LocalDate to, List<VendorFigures> vendors) {}

    /**
     * Records findings of the current tenant, with their meters' labels; a finding already open is extended (and
     * takes the latest judgment: detail, blocking), not repeated. One SUPERSEDED (its values were replaced) opens
     * again when the new values fail too: a new judgment of new data. A resolved RESEND_CHANGE is opened again when a re-send holds other values than the person decided
     * on (the same re-send again is not news), so no held value goes unseen. In the caller's transaction
     * (validation's is the storing one).
     */
    public void record(UUID tenant, Collection<Finding> findings, int settingsVersion) {
        if (findings.isEmpty()) return;
        Map<UUID, Optional<MeterProfile>> meters = new HashMap<>();
        findings.forEach(f -> meters.computeIfAbsent(f.meterId(), profiles::find));
        Timestamp now = Timestamp.from(clock.instant());
        template.batchUpdate("""
                insert into vee_exception (id, tenant_id, meter_id, channel, first_at, last_at, rule, blocking, detail,
                                           settings_version, detected_at, meter_serial, hes_vendor_id, dt_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)
                on conflict (tenant_id, meter_id, channel, rule, first_at) do update
                   set last_at = greatest(vee_exception.last_at, excluded.last_at), detail = excluded.detail,
                       blocking = excluded.blocking, settings_version = excluded.settings_version,
                       meter_serial = excluded.meter_serial, hes_vendor_id = excluded.hes_vendor_id, dt_id = excluded.dt_id,
                       status = 'OPEN', resolution = null, resolution_note = null, resolved_at = null, resolved_by = null
                 where vee_exception.status = 'OPEN'
                    or vee_exception.resolution = 'SUPERSEDED'
                    or (vee_exception.rule = 'RESEND_CHANGE' and vee_exception.detail <> excluded.detail)""",
                List.copyOf(findings), 500, (ps, f) -> {
            Optional<MeterProfile> meter = meters.get(f.meterId());
            ps.setObject(1, UUID.randomUUID());
            ps.setObject(2, tenant);
            ps.setObject(3, f.meterId());
            ps.setShort(4, (short) f.channel().code());
            ps.setTimestamp(5, Timestamp.from(f.firstAt()));
            ps.setTimestamp(6, Timestamp.from(f.lastAt()));
            ps.setString(7, f.rule().name());
            ps.setBoolean(8, f.blocking());
            ps.setString(9, json.writeValueAsString(f.detail()));
            ps.setInt(10, settingsVersion);
            ps.setTimestamp(11, now);
            ps.setString(12, meter.map(MeterProfile::serial).orElse(null));
            ps.setObject(13, meter.map(MeterProfile::vendorId).orElse(null));
            ps.setObject(14, meter.map(MeterProfile::dtId).orElse(null));
        });
    }

    /**
     * Open exceptions of {@code rules} touching any of the spans are settled by what replaced the
     * data: one statement for all spans, so a write of many meter-days costs one round trip.
     */
    public int settle(List<Span> spans, Collection<VeeRule> rules, String resolution, String by, String note) {
        if (rules.isEmpty() || spans.isEmpty()) return 0;
        return jdbc.sql("""
                        update vee_exception e set status = 'RESOLVED', resolution = ?, resolved_by = ?, resolved_at = ?,
                               resolution_note = ?
                          from unnest(?::uuid[], ?::smallint[], ?::timestamptz[], ?::timestamptz[]) as s(meter_id, channel, first_at, last_at)
                         where e.meter_id = s.meter_id and e.channel = s.channel and e.status = 'OPEN'
                           and e.first_at <= s.last_at and e.last_at >= s.first_at and e.rule = any(?)""")
                .params(resolution, by, Timestamp.from(clock.instant()), note, meters(spans), channels(spans), firsts(spans),
                        lasts(spans), rules.stream().map(Enum::name).toArray(String[]::new))
                .update();
    }

    /**
     * Gaps resolved ESTIMATED whose estimates actual data replaced (in any of the spans) are SUPERSEDED: the
     * exception says what now fills the gap.
     */
    public int supersedeEstimated(List<Span> spans, String by, String note) {
        if (spans.isEmpty()) return 0;
        return jdbc.sql("""
                        update vee_exception e set resolution = 'SUPERSEDED', resolved_by = ?, resolved_at = ?, resolution_note = ?
                          from unnest(?::uuid[], ?::smallint[], ?::timestamptz[], ?::timestamptz[]) as s(meter_id, channel, first_at, last_at)
                         where e.meter_id = s.meter_id and e.channel = s.channel and e.rule = 'GAP' and e.status = 'RESOLVED'
                           and e.resolution = 'ESTIMATED' and e.first_at <= s.last_at and e.last_at >= s.first_at""")
                .params(by, Timestamp.from(clock.instant()), note, meters(spans), channels(spans), firsts(spans), lasts(spans))
                .update();
    }

    /** The spans as the four arrays the settling statements unnest. */
    private static UUID[] meters(List<Span> spans) {
        return spans.stream().map(Span::meterId).toArray(UUID[]::new);
    }

    private static Short[] channels(List<Span> spans) {
        return spans.stream().map(span -> (short) span.channel().code()).toArray(Short[]::new);
    }

    private static Timestamp[] firsts(List<Span> spans) {
        return spans.stream().map(span -> Timestamp.from(span.first())).toArray(Timestamp[]::new);
    }

    private static Timestamp[] lasts(List<Span> spans) {
        return spans.stream().map(span -> Timestamp.from(span.last())).toArray(Timestamp[]::new);
    }

    @Transactional(readOnly = true)
    Page<VeeException> list(String status, VeeRule rule, UUID meterId, UUID vendorId, UUID dtId, String assignedTo,
                            Integer olderThanHours, Boolean blocking, PageRequest page, VeeExceptionSort sort) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new LinkedHashMap<>();
        condition(where, params, "e.status", "status", status == null ? null : status.toUpperCase(Locale.ROOT));
        condition(where, params, "e.rule", "rule", rule == null ? null : rule.name());
        condition(where, params, "e.meter_id", "meter", meterId);
        condition(where, params, "e.hes_vendor_id", "vendor", vendorId);
        condition(where, params, "e.dt_id", "dt", dtId);
        condition(where, params, "e.assigned_to", "assignee", assignedTo);
        condition(where, params, "e.blocking", "blocking", blocking);
        if (olderThanHours != null) {
            where.append(" and e.detected_at < :before");
            params.put("before", Timestamp.from(clock.instant().minusSeconds(olderThanHours * 3600L)));
        }
        ZoneId zone = zone();
        List<VeeException> items = jdbc.sql("select e.* from vee_exception e" + where + " order by " + sort.orderBy()
                        + " limit :limit offset :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset())
                .query((rs, n) -> map(rs, zone)).list();
        long total = jdbc.sql("select count(*) from vee_exception e" + where).params(params).query(Long.class).single();
        return Page.of(items, page, total);
    }

    /** One exception of the current tenant; NotFoundException when it has none by that id. */
    @Transactional(readOnly = true)
    public VeeException get(UUID id) {
        ZoneId zone = zone();
        return jdbc.sql("select * from vee_exception where id = ?").param(id).query((rs, n) -> map(rs, zone)).optional()
                .orElseThrow(() -> new NotFoundException("VEE exception", id));
    }

    @Transactional
    VeeException assign(UUID id, String assignee) {
        if (assignee == null || assignee.isBlank()) throw FieldErrorsException.of("assignee", "required");
        get(id);
        jdbc.sql("update vee_exception set assigned_to = ? where id = ?").params(assignee.trim(), id).update();
        return get(id);
    }

    /** A person accepts the data an exception is about as it is: the exception is resolved ACCEPTED. */
    @Transactional
    public void accept(UUID id, String note, String by) {
        jdbc.sql("""
                update vee_exception set status = 'RESOLVED', resolution = 'ACCEPTED', resolution_note = ?, resolved_by = ?,
                       resolved_at = ? where id = ?""").params(note, by, Timestamp.from(clock.instant()), id).update();
    }

    /** Figures about the data of tenant-local days (intervals ending in them), whenever it was validated. */
    @Transactional(readOnly = true)
    Statistics statistics(LocalDate from, LocalDate to) {
        ZoneId zone = zone();
        LocalDate first = from != null ? from : LocalDate.now(clock.withZone(zone));
        LocalDate last = to != null ? to : first;
        if (last.isBefore(first)) throw FieldErrorsException.of("to", "must not be before 'from'");
        Instant start = first.atStartOfDay(zone).toInstant(), end = last.plusDays(1).atStartOfDay(zone).toInstant();
        Map<UUID, long[]> counts = new LinkedHashMap<>();
        jdbc.sql("select vendor_id, sum(validated), sum(failed) from vee_daily_count where day between ? and ? group by vendor_id")
                .params(first, last)
                .query(rs -> { counts.put(rs.getObject(1, UUID.class), new long[] {rs.getLong(2), rs.getLong(3), 0}); });
        jdbc.sql("""
                        select hes_vendor_id, sum(intervals) from vee_estimate
                         where first_at > ? and first_at <= ? and hes_vendor_id is not null group by 1""")
                .params(Timestamp.from(start), Timestamp.from(end))
                .query(rs -> { counts.computeIfAbsent(rs.getObject(1, UUID.class), k -> new long[3])[2] = rs.getLong(2); });
        Map<UUID, Map<VeeRule, long[]>> byRule = new HashMap<>();
        // values covered: a run's intervals at the meter's 15-minute default, one for a register read
        jdbc.sql("""
                        select hes_vendor_id, rule, count(*), sum(floor(extract(epoch from last_at - first_at) / 900) + 1)::bigint
                          from vee_exception
                         where first_at > ? and first_at <= ? and hes_vendor_id is not null group by 1, 2""")
                .params(Timestamp.from(start), Timestamp.from(end))
                .query(rs -> {
                    UUID vendor = rs.getObject(1, UUID.class);
                    counts.computeIfAbsent(vendor, k -> new long[3]);
                    byRule.computeIfAbsent(vendor, k -> new EnumMap<>(VeeRule.class))
                            .put(VeeRule.valueOf(rs.getString(2)), new long[] {rs.getLong(3), rs.getLong(4)});
                });
        List<VendorFigures> vendors = counts.entrySet().stream().map(e -> {
            long validated = e.getValue()[0], failed = e.getValue()[1], estimated = e.getValue()[2];
            Map<VeeRule, RuleFigures> rules = new EnumMap<>(VeeRule.class);
            byRule.getOrDefault(e.getKey(), Map.of()).forEach((rule, figures) -> rules.put(rule,
                    new RuleFigures(figures[0], figures[1], ratio(Math.max(0, validated - figures[1]), validated))));
            return new VendorFigures(e.getKey(), validated, failed, ratio(validated - failed, validated), estimated,
                    ratio(estimated, validated + estimated), rules);
        }).toList();
        return new Statistics(first, last, vendors);
    }

    private static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private static void condition(StringBuilder where, Map<String, Object> params, String column, String name, Object value) {
        if (value == null) return;
        where.append(" and ").append(column).append(" = :").append(name);
        params.put(name, value);
    }

    private VeeException map(ResultSet rs, ZoneId zone) throws SQLException {
        return new VeeException(rs.getObject("id", UUID.class), rs.getObject("meter_id", UUID.class), rs.getString("meter_serial"),
                rs.getObject("hes_vendor_id", UUID.class), rs.getObject("dt_id", UUID.class),
                Channel.ofCode(rs.getInt("channel")), localTime(rs, "first_at", zone), localTime(rs, "last_at", zone),
                VeeRule.valueOf(rs.getString("rule")), rs.getBoolean("blocking"),
                json.readValue(rs.getString("detail"), new TypeReference<Map<String, Object>>() {}),
                rs.getInt("settings_version"), rs.getString("status"), rs.getString("assigned_to"),
                rs.getString("resolution"), rs.getString("resolution_note"), localTime(rs, "detected_at", zone),
                localTime(rs, "resolved_at", zone), rs.getString("resolved_by"));
    }

    /** A nullable timestamp column in the tenant's zone, as the API shows times. */
    private static OffsetDateTime localTime(ResultSet rs, String column, ZoneId zone) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant().atZone(zone).toOffsetDateTime();
    }

    private ZoneId zone() {
        return tenants.zoneOf(TenantContext.requireTenantId());
    }
}
