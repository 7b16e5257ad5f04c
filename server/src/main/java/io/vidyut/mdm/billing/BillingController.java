package io.vidyut.mdm.billing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.Roles;
import io.vidyut.mdm.readings.Resolution;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/billing")
@Tag(name = "Billing", description = "Billing-grade (VEE-processed) data, locked periods and corrections")
class BillingController {
    private final ValidatedDataService data;
    private final BillingPeriods periods;
    private final CorrectionNotices corrections;

    BillingController(ValidatedDataService data, BillingPeriods periods, CorrectionNotices corrections) {
        this.data = data;
        this.periods = periods;
        this.corrections = corrections;
    }

    @GetMapping("/validated-data")
    @Roles.Readers
    @Operation(summary = "VEE-processed intervals and registers of a meter (or a consumer's meter), each with its quality",
            description = "Values held back by an open blocking VEE exception are "
                    + "listed under 'withheld' and never returned. Taking data is recorded: a later change inside it is announced "
                    + "under /billing/corrections.")
    ValidatedData validatedData(@RequestParam(name = "meter_id", required = false) UUID meterId,
                                @RequestParam(name = "consumer_id", required = false) UUID consumerId,
                                @RequestParam OffsetDateTime from, @RequestParam OffsetDateTime to,
                                @RequestParam(defaultValue = "15m") String resolution,
                                @RequestParam(defaultValue = "KWH_IMPORT") String channel, Authentication caller) {
        Channel parsed;
        try {
            parsed = Channel.valueOf(channel.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw FieldErrorsException.of("channel", "unknown channel " + channel);
        }
        return data.take(meterId, consumerId, parsed, from.toInstant(), to.toInstant(), Resolution.parse(resolution), caller.getName());
    }

    record LockRequest(LocalDate firstDay, LocalDate lastDay) {}

    @PostMapping("/period-locks")
    @ResponseStatus(HttpStatus.CREATED)
    @Roles.TenantAdmin
    @Operation(summary = "Lock a billing period (tenant-local days): edits touching it are refused")
    BillingPeriods.Lock lock(@RequestBody LockRequest body, Authentication caller) {
        return periods.lock(body.firstDay(), body.lastDay(), caller.getName());
    }

    @GetMapping("/period-locks")
    @Roles.Readers
    @Operation(summary = "Locked billing periods")
    List<BillingPeriods.Lock> locks() {
        return periods.list();
    }

    @GetMapping("/corrections")
    @Roles.Readers
    @Operation(summary = "Corrected-data notices: changes of data billing had already taken",
            description = "Raised in the changing transaction by a person's edit (EDIT), actual data replacing an estimate "
                    + "(LATE_ACTUAL), a changed re-send (RESEND) or a new estimate (RE_ESTIMATE); also sent as webhook and feed "
                    + "type billing.correction. Oldest first.")
    List<CorrectionNotice> corrections(@RequestParam(required = false) OffsetDateTime since) {
        return corrections.since(since == null ? Instant.EPOCH : since.toInstant());
    }
}
