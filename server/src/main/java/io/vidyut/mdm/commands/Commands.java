package io.vidyut.mdm.commands;

import io.vidyut.mdm.audittrail.AuditTrail;
import io.vidyut.mdm.audittrail.AuditedAction;
import io.vidyut.mdm.common.ConflictException;
import io.vidyut.mdm.common.FieldErrorsException.FieldError;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.NotFoundException;
import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.hes.VendorMappingService;
import io.vidyut.mdm.meters.Meter;
import io.vidyut.mdm.meters.MeterService;
import io.vidyut.mdm.outbox.Outbox;
import io.vidyut.mdm.security.MachineClient;
import io.vidyut.mdm.tenancy.TenantContext;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Commands of the current tenant: issuing (idempotent; each new command is enqueued for sending, {@link CommandSender}),
 * reading, cancelling, and results reported by the HES.
 */
@Service
class Commands {
    static final int MAX_METERS_PER_REQUEST = 1000;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final MeterService meters;
    private final VendorMappingService mappings;
    private final ApplicationEventPublisher publisher;
    private final Clock clock;
    private final AuditTrail audit;
    private final Outbox outbox;

    Commands(JdbcClient jdbc, JsonMapper json, MeterService meters, VendorMappingService mappings,
             ApplicationEventPublisher publisher, Clock clock, AuditTrail audit, Outbox outbox) {
        this.audit = audit;
        this.outbox = outbox;
        this.publisher = publisher;
        this.jdbc = jdbc;
        this.json = json;
        this.meters = meters;
        this.mappings = mappings;
        this.clock = clock;
    }

    /**
     * One command per meter. With an idempotency key, each meter's command is keyed by it (key/meter id), so
     * a repeated request returns the commands it made the first time instead of sending again.
     */
    record Issue(CommandType type, List<UUID> meterIds, Map<String, Object> params, String idempotencyKey) {}

    /** The commands of a request and whether any of them is new. */
    record Issued(List<Command> commands, boolean created) {}

    @Transactional
    Issued issue(Issue issue, String user) {
        validate(issue);
        Map<String, Object> params = issue.params() == null ? Map.of() : issue.params();
        List<Command> commands = new ArrayList<>();
        boolean created = false;
        for (UUID meterId : issue.meterIds()) {
            Meter meter = meters.get(meterId);
            String key = issue.idempotencyKey() == null ? UUID.randomUUID().toString() : issue.idempotencyKey() + "/" + meterId;
            Optional<Command> earlier = byKey(key);
            if (earlier.isPresent()) {
                commands.add(earlier.get());
                continue;
            }
            requireCommandEndpoint(meter);
            UUID id = UUID.randomUUID();
            jdbc.sql("""
                            insert into meter_command (id, tenant_id, meter_id, vendor_id, type, params, idempotency_key,
                                                       requested_by, transition_by, transition_at, requested_at)
                            values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)""")
                    .params(id, TenantContext.requireTenantId(), meterId, meter.hesVendorId(), issue.type().name(),
                            json.writeValueAsString(params), key, user, user, now(), now())
                    .update();
            outbox.enqueue(CommandSender.message(id));
            Command command = get(id);
            audit.record(AuditedAction.of("command.issued", "command", id, null, command));
            commands.add(command);
            created = true;
        }
        return new Issued(commands, created);
    }

    @Transactional(readOnly = true)
    Command get(UUID id) {
        return jdbc.sql("select * from meter_command where id = ?").param(id).query(this::read).optional()
                .orElseThrow(() -> new NotFoundException("Command", id));
    }

    @Transactional(readOnly = true)
    Page<Command> list(UUID meterId, CommandStatus status, PageRequest page) {
        Map<String, Object> params = new LinkedHashMap<>();
        StringBuilder where = new StringBuilder(" where true");
        if (meterId != null) {
            where.append(" and meter_id = :meter");
            params.put("meter", meterId);
        }
        if (status != null) {
            where.append(" and status = :status");
            params.put("status", status.name());
        }
        List<Command> items = jdbc.sql("select * from meter_command" + where
                        + " order by requested_at desc, id limit :limit offset :offset")
                .params(params).param("limit", page.size()).param("offset", page.offset()).query(this::read).list();
        long total = jdbc.sql("select count(*) from meter_command" + where).params(params).query(Long.class).single();
        return Page.of(items, page, total);
    }

    /** Only a command not yet sent can be cancelled: once the HES has it, it may already act. */
    @Transactional
    Command cancel(UUID id, String user) {
        Command before = get(id);
        int cancelled = jdbc.sql("""
                        update meter_command set status = 'CANCELLED', cancelled_by = ?, completed_at = ?,
                                                 reason = 'cancelled by ' || ?, transition_by = ?, transition_at = ?
                         where id = ? and status = 'REQUESTED'""")
                .params(user, now(), user, user, now(), id).update();
        if (cancelled == 0) throw new ConflictException("Command is " + get(id).status() + "; only a REQUESTED command can be cancelled");
        Command after = announceCompleted(id);
        audit.record(AuditedAction.of("command.cancelled", "command", id, before, after));
        return after;
    }

    /** What an HES reports about a command it was sent. */
    record Result(CommandStatus status, String reason, String reference) {}

    /** The HES's report of a command; only the vendor the command went to may report it. */
    @Transactional
    Command report(UUID id, MachineClient vendor, Result result) {
        Command command = get(id);
        String actor = "hes:" + vendor.vendorCode();
        if (!command.vendorId().equals(vendor.vendorId())) throw new NotFoundException("Command", id);
        if (result == null || result.status() == null || !List.of(CommandStatus.ACKNOWLEDGED, CommandStatus.EXECUTED,
                CommandStatus.FAILED).contains(result.status())) {
            throw FieldErrorsException.of("status", "ACKNOWLEDGED, EXECUTED or FAILED");
        }
        if (command.status().isFinal()) throw new ConflictException("Command is already " + command.status());
        if (result.status() == CommandStatus.ACKNOWLEDGED) {
            jdbc.sql("""
                            update meter_command set status = 'ACKNOWLEDGED', acknowledged_at = coalesce(acknowledged_at, ?),
                                   hes_reference = coalesce(?, hes_reference), transition_by = ?, transition_at = ?,
                                   transition_note = case when status = 'ACKNOWLEDGED' then null else ? end
                             where id = ?""")
                    .params(now(), result.reference(), actor, now(), result.reason(), id).update();
        } else {
            jdbc.sql("""
                            update meter_command set status = ?, completed_at = ?, reason = ?,
                                   acknowledged_at = coalesce(acknowledged_at, ?),
                                   hes_reference = coalesce(?, hes_reference), transition_by = ?, transition_at = ?, transition_note = ?
                             where id = ?""")
                    .params(result.status().name(), now(), result.reason(), now(), result.reference(), actor, now(), result.reason(), id)
                    .update();
            return announceCompleted(id);
        }
        return get(id);
    }

    /**
     * Announces a command that has just ended, inside the transaction that ended it; returns it as it is now. An
     * executed on-demand read has its result to fetch: that is enqueued in the same transaction ({@link CommandReads}).
     */
    Command announceCompleted(UUID id) {
        Command command = get(id);
        if (command.status() == CommandStatus.EXECUTED && command.type() == CommandType.ON_DEMAND_READ) {
            outbox.enqueue(CommandReads.message(id));
        }
        if (command.status().isFinal()) {
            publisher.publishEvent(new CommandCompleted(TenantContext.requireTenantId(), command.id(), command.meterId(),
                    command.type().name(), command.status().name(), command.reason(), command.hesReference(),
                    command.requestedBy(), command.completedAt()));
        }
        return command;
    }

    /** One step of a command's audit trail. */
    record Transition(Instant at, CommandStatus fromStatus, CommandStatus toStatus, int attempt, String actor,
                      String reason) {}

    /** Every step of a command, oldest first (404 for a command outside the tenant). */
    @Transactional(readOnly = true)
    List<Transition> history(UUID id) {
        get(id);
        return jdbc.sql("select * from meter_command_transition where command_id = ? order by seq").param(id)
                .query((rs, n) -> new Transition(instant(rs, "at"),
                        rs.getString("from_status") == null ? null : CommandStatus.valueOf(rs.getString("from_status")),
                        CommandStatus.valueOf(rs.getString("to_status")), rs.getInt("attempt"), rs.getString("actor"),
                        rs.getString("reason")))
                .list();
    }

    private Optional<Command> byKey(String key) {
        return jdbc.sql("select * from meter_command where idempotency_key = ?").param(key).query(this::read).optional();
    }

    private void requireCommandEndpoint(Meter meter) {
        String why = whyUnroutable(meter);
        if (why != null) throw new ConflictException(why);
    }

    /** Why no command can be sent to the meter's HES, or null when one can. */
    String whyUnroutable(Meter meter) {
        if (meter.hesVendorId() == null) return "Meter " + meter.serial() + " has no HES vendor";
        boolean routable = mappings.current(meter.hesVendorId()).map(m -> m.mapping().pull())
                .map(pull -> pull.commandPath() != null && !pull.commandPath().isBlank()).orElse(false);
        return routable ? null : "The HES of meter " + meter.serial() + " has no command_path in its mapping's pull section";
    }

    private static void validate(Issue issue) {
        List<FieldError> problems = new ArrayList<>();
        if (issue.type() == null) problems.add(new FieldError("type", "required: one of CONNECT, DISCONNECT, ON_DEMAND_READ, "
                + "LOAD_LIMIT, TIME_SYNC, RAW"));
        if (issue.meterIds() == null || issue.meterIds().isEmpty()) {
            problems.add(new FieldError("meter_ids", "at least one meter"));
        } else if (issue.meterIds().size() > MAX_METERS_PER_REQUEST) {
            problems.add(new FieldError("meter_ids", "at most " + MAX_METERS_PER_REQUEST + " meters per request"));
        } else if (issue.meterIds().stream().distinct().count() < issue.meterIds().size()) {
            problems.add(new FieldError("meter_ids", "a meter is named twice"));
        }
        Map<String, Object> params = issue.params() == null ? Map.of() : issue.params();
        if (issue.type() == CommandType.LOAD_LIMIT && !(params.get("limit_kw") instanceof Number limit
                && limit.doubleValue() > 0)) {
            problems.add(new FieldError("params.limit_kw", "a load limit above 0 kW"));
        }
        if (issue.type() == CommandType.RAW && !(params.get("command") instanceof String raw && !raw.isBlank())) {
            problems.add(new FieldError("params.command", "the vendor's own command"));
        }
        if (issue.idempotencyKey() != null && (issue.idempotencyKey().isBlank() || issue.idempotencyKey().length() > 200)) {
            problems.add(new FieldError("idempotency_key", "1 to 200 characters"));
        }
        if (!problems.isEmpty()) throw new FieldErrorsException(problems);
    }

    Command read(ResultSet rs, int row) throws SQLException {
        return new Command(rs.getObject("id", UUID.class), rs.getObject("meter_id", UUID.class),
                rs.getObject("vendor_id", UUID.class), CommandType.valueOf(rs.getString("type")),
                json.readValue(rs.getString("params"), new TypeReference<Map<String, Object>>() {}),
                rs.getString("idempotency_key"), CommandStatus.valueOf(rs.getString("status")), rs.getInt("attempts"),
                rs.getString("reason"), rs.getString("hes_reference"), rs.getString("requested_by"),
                instant(rs, "requested_at"), instant(rs, "sent_at"), instant(rs, "acknowledged_at"),
                instant(rs, "completed_at"), rs.getString("cancelled_by"),
                rs.getObject("read_batch_id", UUID.class));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp timestamp = rs.getTimestamp(column);
        return timestamp == null ? null : timestamp.toInstant();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}
