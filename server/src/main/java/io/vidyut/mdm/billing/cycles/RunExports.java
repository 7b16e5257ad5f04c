package io.vidyut.mdm.billing.cycles;

import io.vidyut.mdm.billing.export.BillingExporter;
import io.vidyut.mdm.billing.export.ExportBatch;
import io.vidyut.mdm.billing.export.ExportLine;
import io.vidyut.mdm.billing.export.ExportReceipt;
import io.vidyut.mdm.billing.export.ExportTarget;
import io.vidyut.mdm.billing.export.RefusedLine;
import io.vidyut.mdm.billing.systems.ExportTargets;
import io.vidyut.mdm.common.ConflictException;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantDirectory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends a finished run's billable determinants (READY or ACCEPTED, never those waiting in the exception queue) to a
 * billing system through its delivery, and keeps the history: every determinants version each export carried, with
 * its data version. The meters' data of the period is recorded as taken by billing, so a later change of it (a late
 * actual, an edit, a changed re-send) is announced as a correction notice.
 */
@Service
class RunExports {
    /** Determinants one export may carry (the exporter's own limit may be lower). */
    static final int MOST_LINES = 100_000;
    private static final TypeReference<List<RefusedLine>> REFUSED = new TypeReference<>() {};

    private final BillingRuns runs;
    private final DeterminantStore determinants;
    private final ExportTargets targets;
    private final BillingExporter exporter;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final JsonMapper json;
    private final TenantDirectory tenants;
    private final Clock clock;

    RunExports(BillingRuns runs, DeterminantStore determinants, ExportTargets targets, BillingExporter exporter, JdbcClient jdbc,
               JdbcTemplate template, JsonMapper json, TenantDirectory tenants, Clock clock) {
        this.runs = runs;
        this.determinants = determinants;
        this.targets = targets;
        this.exporter = exporter;
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
        this.tenants = tenants;
        this.clock = clock;
    }

    /** One export of a run: where it went, what it was, what was left out. */
    record RunExport(UUID id, UUID runId, String systemCode, String mode, String fileName, long bytes, String sha256, int lines,
                     List<RefusedLine> refused, UUID outboxMessageId, String exportedBy, Instant exportedAt) {}

    /** Sends every billable determinants of the run (again, if sent before). */
    @Transactional
    RunExport export(UUID runId, String systemCode, String user) {
        return send(runId, systemCode, user, false).orElseThrow();
    }

    /**
     * Sends the run's billable determinants the system has not been sent nor refused yet (an exception accepted since
     * the last export, or a run never sent); nothing when there are none.
     */
    @Transactional
    Optional<RunExport> exportUnsent(UUID runId, String systemCode, String user) {
        // asked every sweep for every recent run: one cheap question before loading the run's determinants
        if (!hasUnsent(runId, systemCode)) {
            jdbc.sql("delete from billing_export_attempt where run_id = ? and system_code = ?").params(runId, systemCode).update();
            return Optional.empty();
        }
        return send(runId, systemCode, user, true);
    }

    private boolean hasUnsent(UUID runId, String systemCode) {
        return jdbc.sql("""
                        select exists (select 1 from billing_determinant d
                         where d.run_id = :run and d.status in ('READY', 'ACCEPTED')
                           and not exists (select 1 from billing_export_line l join billing_export e on e.id = l.export_id
                                            where l.determinant_id = d.id and e.system_code = :system)
                           and not exists (select 1 from billing_export e, jsonb_array_elements(e.refused) r
                                            where e.run_id = :run and e.system_code = :system and r ->> 'account_no' = d.account_no))""")
                .param("run", runId).param("system", systemCode).query(Boolean.class).single();
    }

    private Optional<RunExport> send(UUID runId, String systemCode, String user, boolean onlyUnsent) {
        if (systemCode == null || systemCode.isBlank()) throw FieldErrorsException.of("system_code", "required");
        BillingRun run = runs.get(runId);
        if (run.status() != BillingRun.Status.DONE) throw new ConflictException("Billing run " + runId + " is " + run.status());
        ExportTarget target = targets.of(systemCode);
        var filter = new DeterminantStore.Filter(runId, null, null, null, null, null, null);
        if (determinants.count(filter) > MOST_LINES) {
            throw new ConflictException("The run has more than " + MOST_LINES + " consumers: export it by node (not yet) or split the cycle");
        }
        Handled handled = onlyUnsent ? handled(runId, systemCode) : Handled.NONE;
        List<DeterminantStore.Stored> billable = determinants.find(filter, 0, MOST_LINES).stream()
                .filter(s -> s.status() == DeterminantStore.Status.READY || s.status() == DeterminantStore.Status.ACCEPTED)
                .filter(s -> !handled.sent().contains(s.id()) && !handled.refused().contains(s.determinants().accountNo()))
                .toList();
        // whatever failed before is settled by this call (a person's export, or nothing left to send)
        jdbc.sql("delete from billing_export_attempt where run_id = ? and system_code = ?").params(runId, systemCode).update();
        if (onlyUnsent && billable.isEmpty()) return Optional.empty();
        Instant now = clock.instant();
        ZoneId zone = tenants.zoneOf(TenantContext.requireTenantId());
        // in the tenant's offset, as the determinants' own times are
        ExportBatch batch = new ExportBatch(TenantContext.current().orElseThrow().tenantCode(), systemCode, runId.toString(),
                run.lastDay(), now.atZone(zone).toOffsetDateTime(),
                billable.stream().map(RunExports::line).toList());
        ExportReceipt receipt = exporter.export(batch, target);

        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into billing_export (id, tenant_id, run_id, system_code, mode, file_name, bytes, sha256, lines, refused,
                                                    outbox_id, exported_by, exported_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?)""")
                .params(id, TenantContext.requireTenantId(), runId, systemCode, target.mode().name(), receipt.fileName(), receipt.bytes(),
                        receipt.sha256(), billable.size() - receipt.refused().size(), json.writeValueAsString(receipt.refused()),
                        receipt.outboxMessageId(), user, Timestamp.from(now))
                .update();
        Set<Integer> refused = receipt.refused().stream().map(RefusedLine::index).collect(Collectors.toSet());
        List<Object[]> lines = new ArrayList<>();
        List<Object[]> taken = new ArrayList<>();
        for (int i = 0; i < billable.size(); i++) {
            if (refused.contains(i)) continue;
            DeterminantStore.Stored s = billable.get(i);
            CycleDeterminants d = s.determinants();
            lines.add(new Object[] {id, TenantContext.requireTenantId(), s.id(), s.version(), d.dataVersion()});
            for (CycleDeterminants.MeterRead meter : d.meters()) {
                taken.add(new Object[] {TenantContext.requireTenantId(), meter.meterId(), start(d.firstDay(), zone), start(d.lastDay().plusDays(1), zone),
                        "billing-export:" + id});
            }
        }
        template.batchUpdate("insert into billing_export_line (export_id, tenant_id, determinant_id, version, data_version) values (?, ?, ?, ?, ?)", lines);
        template.batchUpdate("insert into billing_data_taken (tenant_id, meter_id, first_at, last_at, taken_by) values (?, ?, ?, ?, ?)", taken);
        return Optional.of(get(id));
    }

    /** What earlier exports of a run to a system carried (determinants ids) and refused (account numbers: one line each in a run). */
    private record Handled(Set<UUID> sent, Set<String> refused) {
        static final Handled NONE = new Handled(Set.of(), Set.of());
    }

    private Handled handled(UUID runId, String systemCode) {
        Set<UUID> sent = new HashSet<>(jdbc.sql("""
                        select l.determinant_id from billing_export_line l join billing_export e on e.id = l.export_id
                         where e.run_id = ? and e.system_code = ?""")
                .params(runId, systemCode).query(UUID.class).list());
        Set<String> refused = new HashSet<>(jdbc.sql("""
                        select r ->> 'account_no' from billing_export e, jsonb_array_elements(e.refused) r
                         where e.run_id = ? and e.system_code = ?""")
                .params(runId, systemCode).query(String.class).list());
        return new Handled(sent, refused);
    }

    @Transactional(readOnly = true)
    List<RunExport> of(UUID runId) {
        runs.get(runId); // a run the tenant has not is not found, rather than an empty history
        return jdbc.sql("select * from billing_export where run_id = ? order by exported_at").param(runId).query(this::map).list();
    }

    private RunExport get(UUID id) {
        return jdbc.sql("select * from billing_export where id = ?").param(id).query(this::map).single();
    }

    private RunExport map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new RunExport(rs.getObject("id", UUID.class), rs.getObject("run_id", UUID.class), rs.getString("system_code"),
                rs.getString("mode"), rs.getString("file_name"), rs.getLong("bytes"), rs.getString("sha256"), rs.getInt("lines"),
                json.readValue(rs.getString("refused"), REFUSED), rs.getObject("outbox_id", UUID.class), rs.getString("exported_by"),
                rs.getTimestamp("exported_at").toInstant());
    }

    private static Timestamp start(LocalDate day, ZoneId zone) {
        return Timestamp.from(day.atStartOfDay(zone).toInstant());
    }

    static ExportLine line(DeterminantStore.Stored stored) {
        CycleDeterminants d = stored.determinants();
        Map<String, java.math.BigDecimal> zones = new LinkedHashMap<>();
        d.zones().forEach(z -> zones.put(z.zone(), z.kwhImport()));
        CycleDeterminants.MeterRead first = d.meters().isEmpty() ? null : d.meters().get(0);
        CycleDeterminants.MeterRead last = d.meters().isEmpty() ? null : d.meters().get(d.meters().size() - 1);
        Set<String> serials = new HashSet<>();
        String meterSerials = d.meters().stream().map(CycleDeterminants.MeterRead::serial).filter(serials::add).collect(Collectors.joining(";"));
        return new ExportLine(d.accountNo(), meterSerials, d.firstDay(), d.lastDay(), stored.version(), stored.status().name(),
                d.energy().kwhImport(), d.energy().kwhExport(), d.energy().kvahImport(), d.energy().kvahExport(), zones,
                d.demand().mdKw(), d.demand().mdKwAt(), d.demand().mdKva(), d.demand().mdKvaAt(), d.powerFactor(),
                first == null ? null : first.openingKwh(), last == null ? null : last.closingKwh(), d.coverage().estimatedShare(),
                d.netMetering() == null ? null : d.netMetering().bankedClosingKwh(), d.demand().loadRevision());
    }
}
