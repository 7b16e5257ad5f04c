package io.vidyut.mdm.vee.edits;

import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.channels.ChannelKind;
import io.vidyut.mdm.channels.Quality;
import io.vidyut.mdm.audittrail.AuditTrail;
import io.vidyut.mdm.audittrail.AuditedAction;
import io.vidyut.mdm.common.ConflictException;
import io.vidyut.mdm.common.FieldErrorsException.FieldError;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.ForbiddenException;
import io.vidyut.mdm.common.NotFoundException;
import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.readings.IntervalDay;
import io.vidyut.mdm.readings.Reading;
import io.vidyut.mdm.readings.ReadingStore;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantDirectory;
import io.vidyut.mdm.vee.EditGuard;
import io.vidyut.mdm.vee.EstimationMethod;
import io.vidyut.mdm.vee.IntervalsCorrected;
import io.vidyut.mdm.vee.VeeRule;
import io.vidyut.mdm.vee.estimation.GapEstimation;
import io.vidyut.mdm.vee.exceptions.ExceptionQueue;
import io.vidyut.mdm.vee.settings.MeterProfile;
import io.vidyut.mdm.vee.settings.MeterProfiles;
import io.vidyut.mdm.vee.settings.VeeSettingsService;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * People's corrections: each states a reason, is kept with who asked and when, waits for a second
 * person when the tenant wants approval, and on applying writes EDITED values (the earlier values
 * stay in history), settles the exceptions it answers and tells billing through {@link IntervalsCorrected}.
 */
@Service
class EditService {
    static final Duration LONGEST_RANGE = Duration.ofDays(62);
    static final int MOST_METERS = 1000;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final ReadingStore store;
    private final MeterProfiles profiles;
    private final VeeSettingsService settings;
    private final ExceptionQueue exceptions;
    private final GapEstimation estimation;
    private final TenantDirectory tenants;
    private final List<EditGuard> guards;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AuditTrail audit;

    EditService(JdbcClient jdbc, JsonMapper json, ReadingStore store, MeterProfiles profiles, VeeSettingsService settings,
                ExceptionQueue exceptions, GapEstimation estimation, TenantDirectory tenants, List<EditGuard> guards,
                ApplicationEventPublisher events, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.jdbc = jdbc;
        this.json = json;
        this.store = store;
        this.profiles = profiles;
        this.settings = settings;
        this.exceptions = exceptions;
        this.estimation = estimation;
        this.tenants = tenants;
        this.guards = guards;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    List<VeeEdit> request(EditRequest request, String user) {
        validate(request);
        ZoneId zone = zone();
        Instant first = request.from().toInstant(), last = request.to().toInstant();
        UUID bulk = request.meterIds().size() > 1 ? UUID.randomUUID() : null;
        List<VeeEdit> edits = new ArrayList<>();
        for (UUID meterId : request.meterIds()) {
            MeterProfile meter = profiles.of(meterId);
            for (EditGuard guard : guards) {
                guard.refusal(meterId, first, last).ifPresent(reason -> { throw new ConflictException(reason); });
            }
            boolean approval = settings.effective(meter.category()).settings().editApprovalRequired();
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                    insert into vee_edit (id, tenant_id, bulk_id, meter_id, channel, first_at, last_at, action, new_values,
                                          reason_code, note, status, requested_by)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?)""")
                    .params(id, TenantContext.requireTenantId(), bulk, meterId, request.channel().code(), Timestamp.from(first),
                            Timestamp.from(last), request.action().name(), json.writeValueAsString(parameters(request)),
                            request.reasonCode().name(), request.note(), approval ? "PENDING" : "APPLIED", user)
                    .update();
            if (!approval) apply(id, zone);
            VeeEdit edit = get(id);
            audit.record(AuditedAction.of("vee_edit.requested", "vee_edit", id, null, edit));
            edits.add(edit);
        }
        return edits;
    }

    @Transactional
    VeeEdit approve(UUID id, String user) {
        VeeEdit edit = pending(id);
        if (edit.requestedBy().equals(user)) throw new ForbiddenException("An edit is approved by someone other than who asked for it");
        for (EditGuard guard : guards) {
            guard.refusal(edit.meterId(), edit.firstAt().toInstant(), edit.lastAt().toInstant())
                    .ifPresent(reason -> { throw new ConflictException(reason); });
        }
        decide(id, "APPLIED", user);
        apply(id, zone());
        VeeEdit approved = get(id);
        audit.record(AuditedAction.of("vee_edit.approved", "vee_edit", id, edit, approved));
        return approved;
    }

    @Transactional
    VeeEdit reject(UUID id, String user) {
        VeeEdit edit = pending(id);
        decide(id, "REJECTED", user);
        VeeEdit rejected = get(id);
        audit.record(AuditedAction.of("vee_edit.rejected", "vee_edit", id, edit, rejected));
        return rejected;
    }

    @Transactional(readOnly = true)
    Page<VeeEdit> list(String status, PageRequest page) {
        String where = status == null ? "" : " where status = :status";
        Map<String, Object> params = status == null ? Map.of() : Map.of("status", status);
        List<VeeEdit> items = jdbc.sql("select * from vee_edit" + where + " order by requested_at desc, id limit :limit offset :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset()).query(this::map).list();
        long total = jdbc.sql("select count(*) from vee_edit" + where).params(params).query(Long.class).single();
        return Page.of(items, page, total);
    }

    @Transactional(readOnly = true)
    VeeEdit get(UUID id) {
        return jdbc.sql("select * from vee_edit where id = ?").param(id).query(this::map).optional()
                .orElseThrow(() -> new NotFoundException("Edit", id));
    }

    private VeeEdit pending(UUID id) {
        VeeEdit edit = get(id);
        if (!edit.status().equals("PENDING")) throw new ConflictException("Edit " + id + " is " + edit.status() + ", not PENDING");
        return edit;
    }

    private void decide(UUID id, String status, String user) {
        jdbc.sql("update vee_edit set status = ?, decided_by = ?, decided_at = ? where id = ?")
                .params(status, user, Timestamp.from(clock.instant()), id).update();
    }

    private void apply(UUID id, ZoneId zone) {
        record Stored(UUID meterId, Channel channel, Instant first, Instant last, EditRequest.Action action,
                      Map<String, Object> parameters, String by, String reason) {}
        Stored edit = jdbc.sql("select * from vee_edit where id = ?").param(id).query((rs, n) -> new Stored(
                rs.getObject("meter_id", UUID.class), Channel.ofCode(rs.getInt("channel")),
                rs.getTimestamp("first_at").toInstant(), rs.getTimestamp("last_at").toInstant(),
                EditRequest.Action.valueOf(rs.getString("action")), json.readValue(rs.getString("new_values"), Map.class),
                rs.getString("decided_by") != null ? rs.getString("decided_by") : rs.getString("requested_by"),
                rs.getString("reason_code"))).single();
        store.prepareDays(IntervalDay.dayOf(edit.first(), zone, 1), IntervalDay.dayOf(edit.last(), zone, 1));
        List<IntervalDay> days = store.days(edit.meterId(), edit.channel(), IntervalDay.dayOf(edit.first(), zone, 1),
                IntervalDay.dayOf(edit.last(), zone, 1));
        int minutes = days.isEmpty() ? 15 : days.get(0).intervalMinutes();
        int quality = Quality.EDITED.bit();
        List<Reading> readings = new ArrayList<>();
        switch (edit.action()) {
            case SET -> {
                if (edit.parameters().get("values") instanceof List<?> values) {
                    for (Object each : values) {
                        Map<?, ?> value = (Map<?, ?>) each;
                        readings.add(reading(edit.meterId(), edit.channel(), Instant.parse((String) value.get("at")), minutes,
                                new BigDecimal(value.get("value").toString()), quality));
                    }
                } else {
                    BigDecimal value = new BigDecimal(edit.parameters().get("value").toString());
                    for (Instant at = edit.first(); !at.isAfter(edit.last()); at = at.plusSeconds(minutes * 60L)) {
                        readings.add(reading(edit.meterId(), edit.channel(), at, minutes, value, quality));
                    }
                }
            }
            case SCALE -> {
                BigDecimal factor = new BigDecimal(edit.parameters().get("factor").toString());
                for (IntervalDay day : days) {
                    for (int slot = 0; slot < day.slots(); slot++) {
                        Instant end = day.slotEnd(slot, zone);
                        if (day.values()[slot] == null || end.isBefore(edit.first()) || end.isAfter(edit.last())) continue;
                        long scaled = factor.multiply(BigDecimal.valueOf(day.values()[slot])).setScale(0, RoundingMode.HALF_UP).longValueExact();
                        readings.add(new Reading(edit.meterId(), edit.channel(), end, minutes, scaled, quality));
                    }
                }
            }
            case ESTIMATE -> {
                Object named = edit.parameters().get("method");
                GapEstimation.Method method = estimation.replacement(edit.meterId(), edit.channel(), edit.first(), edit.last(),
                                named == null ? null : EstimationMethod.valueOf(named.toString()), zone)
                        .orElseThrow(() -> new ConflictException("No estimation method applies to this range"));
                for (int i = 0; i < method.values().length; i++) {
                    readings.add(new Reading(edit.meterId(), edit.channel(), edit.first().plusSeconds((long) i * minutes * 60),
                            minutes, method.values()[i], quality | Quality.ESTIMATED.bit()));
                }
            }
        }
        store.write(readings, zone, "edit:" + id + ":" + edit.by());
        exceptions.settle(List.of(new ExceptionQueue.Span(edit.meterId(), edit.channel(), edit.first(), edit.last())),
                EnumSet.allOf(VeeRule.class), "EDITED", edit.by(), "edit " + id + " (" + edit.reason() + ")");
        events.publishEvent(new IntervalsCorrected(TenantContext.requireTenantId(), edit.meterId(), edit.channel(),
                edit.first(), edit.last(), id, edit.by()));
    }

    private static Reading reading(UUID meterId, Channel channel, Instant at, int minutes, BigDecimal value, int quality) {
        long fixed = channel.toUnits(value).longValueExact();
        return new Reading(meterId, channel, at, minutes, fixed, quality);
    }

    private static Map<String, Object> parameters(EditRequest request) {
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (request.value() != null) parameters.put("value", request.value());
        if (request.values() != null) {
            parameters.put("values", request.values().stream()
                    .map(v -> Map.of("at", v.at().toInstant().toString(), "value", v.value())).toList());
        }
        if (request.factor() != null) parameters.put("factor", request.factor());
        if (request.method() != null) parameters.put("method", request.method().name());
        return parameters;
    }

    private static void validate(EditRequest request) {
        List<FieldError> problems = new ArrayList<>();
        if (request.meterIds() == null || request.meterIds().isEmpty()) problems.add(new FieldError("meter_ids", "name at least one meter"));
        else if (request.meterIds().size() > MOST_METERS) problems.add(new FieldError("meter_ids", "at most " + MOST_METERS + " meters per request"));
        if (request.channel() == null) problems.add(new FieldError("channel", "required"));
        else if (request.channel().kind() != ChannelKind.INTERVAL) problems.add(new FieldError("channel", "edits change interval channels"));
        if (request.from() == null) problems.add(new FieldError("from", "required: the end of the first interval to change"));
        if (request.to() == null) problems.add(new FieldError("to", "required: the end of the last interval to change"));
        if (request.from() != null && request.to() != null) {
            if (request.to().isBefore(request.from())) problems.add(new FieldError("to", "must not be before 'from'"));
            if (Duration.between(request.from(), request.to()).compareTo(LONGEST_RANGE) > 0) {
                problems.add(new FieldError("to", "an edit covers at most " + LONGEST_RANGE.toDays() + " days"));
            }
        }
        if (request.reasonCode() == null) problems.add(new FieldError("reason_code", "every edit states a reason"));
        if (request.action() == null) {
            problems.add(new FieldError("action", "one of SET, SCALE, ESTIMATE"));
        } else {
            switch (request.action()) {
                case SET -> {
                    if ((request.value() == null) == (request.values() == null)) {
                        problems.add(new FieldError("value", "give either 'value' for the whole range or 'values'"));
                    }
                    if (request.values() != null && request.meterIds() != null && request.meterIds().size() > 1) {
                        problems.add(new FieldError("values", "per-interval values are for one meter"));
                    }
                }
                case SCALE -> {
                    if (request.factor() == null || request.factor().signum() <= 0) problems.add(new FieldError("factor", "a positive factor"));
                }
                case ESTIMATE -> { }
            }
        }
        if (!problems.isEmpty()) throw new FieldErrorsException(problems);
    }

    private ZoneId zone() {
        return tenants.zoneOf(TenantContext.requireTenantId());
    }

    private VeeEdit map(ResultSet rs, int row) throws SQLException {
        ZoneId zone = zone();
        return new VeeEdit(rs.getObject("id", UUID.class), rs.getObject("bulk_id", UUID.class), rs.getObject("meter_id", UUID.class),
                Channel.ofCode(rs.getInt("channel")), localTime(rs, "first_at", zone), localTime(rs, "last_at", zone),
                EditRequest.Action.valueOf(rs.getString("action")), rs.getString("reason_code"), rs.getString("note"),
                rs.getString("status"), rs.getString("requested_by"), localTime(rs, "requested_at", zone), rs.getString("decided_by"),
                localTime(rs, "decided_at", zone));
    }

    /** A nullable timestamp column in the tenant's zone, as the API shows times. */
    private static OffsetDateTime localTime(ResultSet rs, String column, ZoneId zone) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant().atZone(zone).toOffsetDateTime();
    }

}
