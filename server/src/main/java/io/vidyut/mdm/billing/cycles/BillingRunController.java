package io.vidyut.mdm.billing.cycles;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.common.ConflictException;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.billing.export.ExportFailure;
import io.vidyut.mdm.common.Problems;
import io.vidyut.mdm.common.Roles;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/billing")
@Tag(name = "Billing", description = "Billing-grade (VEE-processed) data, locked periods and corrections")
class BillingRunController {
    private final BillingSettingsStore settings;
    private final BillingCycles cycles;
    private final BillingRuns runs;
    private final DeterminantStore determinants;
    private final RunExports exports;
    private final io.vidyut.mdm.billing.tariffs.TariffBook tariffs;
    private final AutomaticExports automaticExports;

    BillingRunController(BillingSettingsStore settings, BillingCycles cycles, BillingRuns runs, DeterminantStore determinants,
                         RunExports exports, io.vidyut.mdm.billing.tariffs.TariffBook tariffs, AutomaticExports automaticExports) {
        this.settings = settings;
        this.cycles = cycles;
        this.runs = runs;
        this.determinants = determinants;
        this.exports = exports;
        this.tariffs = tariffs;
        this.automaticExports = automaticExports;
    }

    @GetMapping("/settings")
    @Roles.Readers
    @Operation(summary = "The tenant's billing settings: MD integration, exception thresholds, sum-check tolerance")
    BillingSettings settings() {
        return settings.current();
    }

    @PutMapping("/settings")
    @Roles.TenantAdmin
    @Operation(summary = "Replace the tenant's billing settings", description = "Applies to runs started afterwards.")
    BillingSettings saveSettings(@RequestBody BillingSettings body, Authentication caller) {
        return settings.save(body, caller.getName());
    }

    @PostMapping("/cycles")
    @ResponseStatus(HttpStatus.CREATED)
    @Roles.TenantAdmin
    @Operation(summary = "Add a billing cycle: the consumers under some network nodes, billed monthly or bi-monthly from a cycle day",
            description = "Two cycles may not share a node or a consumer (409).")
    BillingCycle createCycle(@RequestBody BillingCycles.NewCycle body, Authentication caller) {
        return cycles.create(body, caller.getName());
    }

    @GetMapping("/cycles")
    @Roles.Readers
    @Operation(summary = "The tenant's billing cycles")
    List<BillingCycle> cycles() {
        return cycles.list();
    }

    @PostMapping("/runs")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Roles.Operators
    @Operation(summary = "Start a billing run: determinants of a cycle's consumers (its last complete period unless first_day and "
            + "last_day are given), or of named consumers (a FIRST, FINAL or INTERIM bill)",
            description = "Runs in the background, one at a time; follow it at /billing/runs/{id}. Each consumer's result is the "
                    + "next version of that consumer-period; one failing the tenant's thresholds waits in /billing/exceptions.")
    BillingRun start(@RequestBody BillingRuns.RunRequest body, Authentication caller) {
        return runs.start(body, caller.getName());
    }

    @GetMapping("/runs")
    @Roles.Readers
    @Operation(summary = "The latest billing runs, newest first")
    List<BillingRun> runs(@RequestParam(defaultValue = "50") int limit) {
        if (limit < 1 || limit > 500) throw FieldErrorsException.of("limit", "1 to 500");
        return runs.latest(limit);
    }

    @GetMapping("/runs/{id}")
    @Roles.Readers
    @Operation(summary = "A billing run and its progress")
    BillingRun run(@PathVariable UUID id) {
        return runs.get(id);
    }

    record ExportRequest(String systemCode) {}

    @PostMapping("/runs/{id}/exports")
    @ResponseStatus(HttpStatus.CREATED)
    @Roles.Operators
    @Operation(summary = "Send a finished run's billable determinants (READY or ACCEPTED) to a billing system through its delivery",
            description = "A file (drop folder, SFTP) is delivered before the answer; a REST push is queued in the outbox. Lines the "
                    + "export cannot carry are listed under 'refused'. A delivery that failed answers 502 with 'retryable'. Every "
                    + "determinants version sent is recorded with its data version; a later change of the data is announced as a "
                    + "correction notice.")
    RunExports.RunExport export(@PathVariable UUID id, @RequestBody ExportRequest body, Authentication caller) {
        return exports.export(id, body.systemCode(), caller.getName());
    }

    @GetMapping("/runs/{id}/exports")
    @Roles.Readers
    @Operation(summary = "The exports of a billing run, oldest first")
    List<RunExports.RunExport> exports(@PathVariable UUID id) {
        return exports.of(id);
    }

    @GetMapping("/export-failures")
    @Roles.Readers
    @Transactional(readOnly = true)
    @Operation(summary = "Automatic exports that failed, the latest first (at most 500): the error, and when the next try is "
            + "(none: the delivery cannot succeed as it stands and waits for a person, whose export of the run settles it)")
    List<AutomaticExports.Attempt> exportFailures() {
        return automaticExports.failures();
    }

    @ExceptionHandler(ExportFailure.class)
    ProblemDetail exportFailed(ExportFailure failure) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_GATEWAY, "billing-export-failed", "The billing system did not take the export",
                failure.getMessage());
        problem.setProperty("retryable", failure.retryable());
        return problem;
    }

    record DeterminantsVersion(UUID id, UUID runId, int version, String status, UUID dtId, String acceptedBy, String acceptedReason,
                               java.time.Instant createdAt, DeterminantStore.Billed billed, CycleDeterminants determinants) {
        static DeterminantsVersion of(DeterminantStore.Stored s) {
            return new DeterminantsVersion(s.id(), s.runId(), s.version(), s.status().name(), s.dtId(), s.acceptedBy(),
                    s.acceptedReason(), s.createdAt(), s.billed(), s.determinants());
        }
    }

    @GetMapping("/determinants/{id}")
    @Roles.Readers
    @Transactional(readOnly = true)
    @Operation(summary = "One stored version of a consumer's determinants")
    DeterminantsVersion determinants(@PathVariable UUID id) {
        return DeterminantsVersion.of(determinants.get(id));
    }

    @GetMapping("/determinants/{id}/history")
    @Roles.Readers
    @Transactional(readOnly = true)
    @Operation(summary = "Every version of the same consumer and period, the latest first")
    List<DeterminantsVersion> history(@PathVariable UUID id) {
        var d = determinants.get(id).determinants();
        return determinants.history(d.consumerId(), d.firstDay(), d.lastDay()).stream().map(DeterminantsVersion::of).toList();
    }

    @GetMapping("/determinants/{id}/bill-preview")
    @Roles.Readers
    @Transactional(readOnly = true)
    @Operation(summary = "The bill these determinants make under the tariff in force on their last day: charges by component",
            description = "Energy per ToD zone, export (net-metered consumers only), MD and sanctioned load as the determinants say; "
                    + "422 when the category has no version in force or lacks a zone. Nothing is stored.")
    io.vidyut.mdm.billing.tariffs.Tariffs.Preview billPreview(@PathVariable UUID id) {
        return BillOfDeterminants.preview(tariffs, determinants.get(id).determinants());
    }

    record AcceptRequest(String reason) {}

    @PostMapping("/determinants/{id}/accept")
    @Roles.Operators
    @Transactional
    @Operation(summary = "Accept determinants held in the exception queue for billing as they stand, with a reason")
    DeterminantsVersion accept(@PathVariable UUID id, @RequestBody AcceptRequest body, Authentication caller) {
        if (body.reason() == null || body.reason().isBlank() || body.reason().length() > 500) {
            throw FieldErrorsException.of("reason", "1–500 characters");
        }
        if (!determinants.accept(id, caller.getName(), body.reason().strip())) {
            throw new ConflictException("Only the latest version of determinants in the exception queue can be accepted");
        }
        return DeterminantsVersion.of(determinants.get(id));
    }

    @GetMapping("/exceptions")
    @Roles.Readers
    @Transactional(readOnly = true)
    @Operation(summary = "The billing exception queue: latest determinants failing the tenant's thresholds, with their reasons",
            description = "Not exported until accepted or replaced by a re-run after correction.")
    List<DeterminantsVersion> exceptions(@RequestParam(name = "run_id", required = false) UUID runId,
                                         @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        var request = new io.vidyut.mdm.common.PageRequest(page, size);
        return determinants.find(new DeterminantStore.Filter(runId, null, null, null, null, null, DeterminantStore.Status.EXCEPTION),
                request.offset(), request.size()).stream().map(DeterminantsVersion::of).toList();
    }
}
