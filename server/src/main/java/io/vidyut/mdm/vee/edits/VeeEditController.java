package io.vidyut.mdm.vee.edits;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.common.Roles;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantDirectory;
import io.vidyut.mdm.vee.EstimationMethod;
import io.vidyut.mdm.vee.estimation.GapEstimation;
import io.vidyut.mdm.vee.exceptions.VeeException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/vee")
@Tag(name = "VEE", description = "Validation, estimation and editing of meter data")
class VeeEditController {
    private final EditService edits;
    private final ExceptionResolution resolutions;
    private final GapEstimation estimation;
    private final TenantDirectory tenants;

    VeeEditController(EditService edits, ExceptionResolution resolutions, GapEstimation estimation, TenantDirectory tenants) {
        this.edits = edits;
        this.resolutions = resolutions;
        this.estimation = estimation;
        this.tenants = tenants;
    }

    @PostMapping("/edits")
    @ResponseStatus(HttpStatus.CREATED)
    @Roles.Operators
    @Operation(summary = "Correct a range of one or more meters' interval channel (SET, SCALE or ESTIMATE), with a reason",
            description = "Applied at once, or PENDING when the tenant requires approval. "
                    + "Refused (409) inside a locked billing period.")
    List<VeeEdit> request(@RequestBody EditRequest body, Authentication caller) {
        return edits.request(body, caller.getName());
    }

    @GetMapping("/edits")
    @Roles.Readers
    @Operation(summary = "Edits, newest first, optionally by status (PENDING, APPLIED, REJECTED)")
    Page<VeeEdit> list(@RequestParam(required = false) String status, @RequestParam(defaultValue = "0") int page,
                       @RequestParam(defaultValue = "50") int size) {
        return edits.list(status == null ? null : status.toUpperCase(java.util.Locale.ROOT), new PageRequest(page, size));
    }

    @PostMapping("/edits/{id}/approve")
    @Roles.TenantAdmin
    @Operation(summary = "Approve a pending edit (by someone other than who asked) and apply it")
    VeeEdit approve(@PathVariable UUID id, Authentication caller) {
        return edits.approve(id, caller.getName());
    }

    @PostMapping("/edits/{id}/reject")
    @Roles.TenantAdmin
    @Operation(summary = "Reject a pending edit")
    VeeEdit reject(@PathVariable UUID id, Authentication caller) {
        return edits.reject(id, caller.getName());
    }

    @PostMapping("/exceptions/{id}/resolve")
    @Roles.Operators
    @Operation(summary = "Resolve an exception: ACCEPT the value as it is, EDIT it to a value, ESTIMATE it, or REPLACE it by a held re-send",
            description = "Every resolution states a reason_code. REPLACE is for RESEND_CHANGE exceptions: their held re-sent values "
                    + "are applied as an edit.")
    VeeException resolve(@PathVariable UUID id, @RequestBody ExceptionResolution.Resolution body, Authentication caller) {
        return resolutions.resolve(List.of(id), body, caller.getName()).get(0);
    }

    record BulkResolution(List<UUID> ids, ExceptionResolution.Resolution resolution) {}

    @PostMapping("/exceptions/resolve")
    @Roles.Operators
    @Operation(summary = "Resolve many exceptions the same way (bulk approve)")
    List<VeeException> resolveAll(@RequestBody BulkResolution body, Authentication caller) {
        return resolutions.resolve(body.ids(), body.resolution(), caller.getName());
    }

    /** The longest range one estimation request covers: the scheduled gap scan's longest look-back. */
    static final int MOST_ESTIMATION_DAYS = 62;

    record EstimationRequest(UUID meterId, Channel channel, OffsetDateTime from, OffsetDateTime to, EstimationMethod method,
                             Boolean dryRun) {}

    @PostMapping("/estimations")
    @Roles.Operators
    @Operation(summary = "Estimate the missing intervals of a meter's channel ending in (from, to] now, without waiting for the grace period",
            description = "method: LINEAR, LIKE_DAY, LIKE_DAY_SCALED, FLAT or PROFILE; absent: the first that applies in the estimation "
                    + "order for the gap's length. Each run comes back with its values. dry_run: true answers the same and stores "
                    + "nothing (to compare methods on one gap, or preview an estimate).")
    @Transactional
    List<GapEstimation.Estimate> estimate(@RequestBody EstimationRequest body, Authentication caller) {
        if (body.meterId() == null) throw FieldErrorsException.of("meter_id", "required");
        if (body.from() == null || body.to() == null || !body.from().isBefore(body.to())) {
            throw FieldErrorsException.of("to", "give from and to, from before to");
        }
        if (java.time.Duration.between(body.from(), body.to()).toDays() > MOST_ESTIMATION_DAYS) {
            // the timeline, its like-day history and the writes grow with the range: bounded before anything is loaded
            throw FieldErrorsException.of("to", "at most " + MOST_ESTIMATION_DAYS + " days from 'from'");
        }
        Channel channel = body.channel() == null ? Channel.KWH_IMPORT : body.channel();
        if (!channel.additive() || channel.kind() != io.vidyut.mdm.channels.ChannelKind.INTERVAL) {
            throw FieldErrorsException.of("channel", channel + " is not an interval energy channel");
        }
        List<GapEstimation.Estimate> made = estimation.estimate(body.meterId(), channel, body.from().toInstant(),
                body.to().toInstant(), body.method(), caller.getName(), tenants.zoneOf(TenantContext.requireTenantId()));
        // the whole estimation ran, register scaling and exceptions included; rolling it back keeps only the answer
        if (Boolean.TRUE.equals(body.dryRun())) TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
        return made;
    }
}
