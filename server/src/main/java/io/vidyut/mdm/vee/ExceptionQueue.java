package io.vidyut.mdm.vee;

import io.vidyut.mdm.channels.ChannelKind;
import io.vidyut.mdm.common.ConflictException;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantDirectory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The exceptions work queue: filters, assignment, resolution by accepting, editing or estimating, and statistics. */
@Service
class ExceptionQueue {
    private final VeeExceptions exceptions;
    private final EditService edits;
    private final TenantDirectory tenants;
    private final JdbcClient jdbc;
    private final Clock clock;

    ExceptionQueue(VeeExceptions exceptions, EditService edits, TenantDirectory tenants, JdbcClient jdbc, Clock clock) {
        this.exceptions = exceptions;
        this.edits = edits;
        this.tenants = tenants;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** How a person settles an exception; {@code value} for EDIT, {@code method} optionally for ESTIMATE. */
    record Resolution(Action action, EditReason reasonCode, String note, BigDecimal value, EstimationMethod method) {
        enum Action { ACCEPT, EDIT, ESTIMATE }
    }

    /** One rule's figures for a vendor: its exceptions, the values they cover, and the share of values passing it. */
    record RuleFigures(long exceptions, long values, BigDecimal passRate) {}

    record VendorFigures(UUID vendorId, long validated, long failed, BigDecimal passRate, long estimatedIntervals,
                         BigDecimal estimatedShare, java.util.Map<VeeRule, RuleFigures> rules) {}

    record Statistics(LocalDate from, LocalDate to, List<VendorFigures> vendors) {}

    @Transactional(readOnly = true)
    Page<VeeException> list(String status, VeeRule rule, UUID meterId, UUID vendorId, UUID dtId, String assignedTo,
                            Integer olderThanHours, Boolean blocking, PageRequest page, VeeExceptionSort sort) {
        Instant before = olderThanHours == null ? null : clock.instant().minusSeconds(olderThanHours * 3600L);
        return exceptions.list(new VeeExceptions.Filter(status == null ? null : status.toUpperCase(java.util.Locale.ROOT),
                rule, meterId, vendorId, dtId, assignedTo, before, blocking), page, sort, zone());
    }

    @Transactional(readOnly = true)
    VeeException get(UUID id) {
        return exceptions.get(id, zone());
    }

    @Transactional
    VeeException assign(UUID id, String assignee) {
        if (assignee == null || assignee.isBlank()) throw FieldErrorsException.of("assignee", "required");
        get(id);
        exceptions.assign(id, assignee.trim());
        return get(id);
    }

    @Transactional
    List<VeeException> resolve(List<UUID> ids, Resolution resolution, String user) {
        if (ids == null || ids.isEmpty()) throw FieldErrorsException.of("ids", "name at least one exception");
        if (resolution == null || resolution.action() == null) throw FieldErrorsException.of("action", "one of ACCEPT, EDIT, ESTIMATE");
        if (resolution.reasonCode() == null) throw FieldErrorsException.of("reason_code", "every resolution states a reason");
        if (resolution.action() == Resolution.Action.EDIT && resolution.value() == null) {
            throw FieldErrorsException.of("value", "EDIT gives the value to store");
        }
        List<VeeException> resolved = new ArrayList<>();
        for (UUID id : ids) {
            VeeException exception = get(id);
            if (!exception.status().equals("OPEN")) throw new ConflictException("Exception " + id + " is already resolved");
            String note = resolution.reasonCode() + (resolution.note() == null ? "" : ": " + resolution.note());
            switch (resolution.action()) {
                case ACCEPT -> exceptions.resolve(id, "ACCEPTED", note, user);
                case EDIT, ESTIMATE -> {
                    if (exception.channel().kind() != ChannelKind.INTERVAL) {
                        throw FieldErrorsException.of("action", exception.channel() + " is a register: ACCEPT it, or edit its intervals");
                    }
                    boolean edit = resolution.action() == Resolution.Action.EDIT;
                    edits.request(new EditRequest(List.of(exception.meterId()), exception.channel(), exception.firstAt(),
                            exception.lastAt(), edit ? EditRequest.Action.SET : EditRequest.Action.ESTIMATE,
                            edit ? resolution.value() : null, null, null, resolution.method(), resolution.reasonCode(),
                            resolution.note()), user);
                }
            }
            resolved.add(get(id));
        }
        return resolved;
    }

    /** Figures about the data of tenant-local days (intervals ending in them), whenever it was validated. */
    @Transactional(readOnly = true)
    Statistics statistics(LocalDate from, LocalDate to) {
        ZoneId zone = zone();
        LocalDate first = from != null ? from : LocalDate.now(clock.withZone(zone));
        LocalDate last = to != null ? to : first;
        if (last.isBefore(first)) throw FieldErrorsException.of("to", "must not be before 'from'");
        Instant start = first.atStartOfDay(zone).toInstant(), end = last.plusDays(1).atStartOfDay(zone).toInstant();
        java.util.Map<UUID, long[]> counts = new java.util.LinkedHashMap<>();
        jdbc.sql("select vendor_id, sum(validated), sum(failed) from vee_daily_count where day between ? and ? group by vendor_id")
                .params(first, last)
                .query(rs -> { counts.put(rs.getObject(1, UUID.class), new long[] {rs.getLong(2), rs.getLong(3), 0}); });
        jdbc.sql("""
                        select m.hes_vendor_id, sum(e.intervals) from vee_estimate e join meter m on m.id = e.meter_id
                         where e.first_at > ? and e.first_at <= ? and m.hes_vendor_id is not null group by 1""")
                .params(java.sql.Timestamp.from(start), java.sql.Timestamp.from(end))
                .query(rs -> { counts.computeIfAbsent(rs.getObject(1, UUID.class), k -> new long[3])[2] = rs.getLong(2); });
        java.util.Map<UUID, java.util.Map<VeeRule, long[]>> byRule = new java.util.HashMap<>();
        // values covered: a run's intervals at the meter's 15-minute default, one for a register read
        jdbc.sql("""
                        select m.hes_vendor_id, e.rule, count(*),
                               sum(floor(extract(epoch from e.last_at - e.first_at) / 900) + 1)::bigint
                          from vee_exception e join meter m on m.id = e.meter_id
                         where e.first_at > ? and e.first_at <= ? and m.hes_vendor_id is not null group by 1, 2""")
                .params(java.sql.Timestamp.from(start), java.sql.Timestamp.from(end))
                .query(rs -> {
                    UUID vendor = rs.getObject(1, UUID.class);
                    counts.computeIfAbsent(vendor, k -> new long[3]);
                    byRule.computeIfAbsent(vendor, k -> new java.util.EnumMap<>(VeeRule.class))
                            .put(VeeRule.valueOf(rs.getString(2)), new long[] {rs.getLong(3), rs.getLong(4)});
                });
        List<VendorFigures> vendors = counts.entrySet().stream().map(e -> {
            long validated = e.getValue()[0], failed = e.getValue()[1], estimated = e.getValue()[2];
            java.util.Map<VeeRule, RuleFigures> rules = new java.util.EnumMap<>(VeeRule.class);
            byRule.getOrDefault(e.getKey(), java.util.Map.of()).forEach((rule, figures) -> rules.put(rule,
                    new RuleFigures(figures[0], figures[1], ratio(Math.max(0, validated - figures[1]), validated))));
            return new VendorFigures(e.getKey(), validated, failed, ratio(validated - failed, validated), estimated,
                    ratio(estimated, validated + estimated), rules);
        }).toList();
        return new Statistics(first, last, vendors);
    }

    private static BigDecimal ratio(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    private ZoneId zone() {
        return tenants.zoneOf(TenantContext.requireTenantId());
    }
}
