package io.vidyut.mdm.ingest.pull;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.common.ConflictException;
import io.vidyut.mdm.common.Problems;
import io.vidyut.mdm.common.Roles;
import io.vidyut.mdm.hes.HesVendor;
import io.vidyut.mdm.hes.HesVendorService;
import io.vidyut.mdm.hes.VendorMappingService;
import io.vidyut.mdm.hes.mapping.PayloadMapping;
import io.vidyut.mdm.ingest.BatchReceipt;
import io.vidyut.mdm.ingest.HesInbox;
import io.vidyut.mdm.ingest.OnDemandReads;
import io.vidyut.mdm.meters.Meter;
import io.vidyut.mdm.meters.MeterService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/meters/{meter_id}/pull")
@Tag(name = "Ingestion")
class PullController {
    private final MeterService meters;
    private final HesVendorService vendors;
    private final VendorMappingService mappings;
    private final HesPullClient client;
    private final HesInbox inbox;
    private final OnDemandReads reads;
    private final Clock clock;

    PullController(MeterService meters, HesVendorService vendors, VendorMappingService mappings, HesPullClient client,
                   HesInbox inbox, OnDemandReads reads, Clock clock) {
        this.meters = meters;
        this.vendors = vendors;
        this.mappings = mappings;
        this.client = client;
        this.inbox = inbox;
        this.reads = reads;
        this.clock = clock;
    }

    /** Without from/to: an on-demand read of the meter now; with them: history back-fill. */
    record PullRequest(OffsetDateTime from, OffsetDateTime to) {}

    @PostMapping
    @Roles.Operators
    @Operation(summary = "Ask the meter's HES for an on-demand read or for history, and ingest the answer",
            description = "502 when the HES fails after retries, 503 while its circuit is open.")
    ResponseEntity<?> pull(@PathVariable("meter_id") UUID meterId, @RequestBody(required = false) PullRequest request) {
        Meter meter = meters.get(meterId);
        if (request == null || request.from() == null) return reads.readAndIngest(meter).toResponse();
        if (meter.hesVendorId() == null) throw new ConflictException("Meter " + meter.serial() + " has no HES vendor");
        HesVendor vendor = vendors.get(meter.hesVendorId());
        PayloadMapping.PullEndpoint endpoint = mappings.current(vendor.id()).map(m -> m.mapping().pull())
                .orElseThrow(() -> new ConflictException("HES vendor " + vendor.code() + " has no pull endpoint in its mapping"));
        Instant to = request.to() == null ? clock.instant() : request.to().toInstant();
        if (Duration.between(request.from().toInstant(), to).toDays() > 31) {
            throw io.vidyut.mdm.common.FieldErrorsException.of("to", "pull at most 31 days at a time");
        }
        byte[] answer = client.history(vendor.id(), endpoint, meter.serial(), request.from().toInstant(), to);
        BatchReceipt receipt = inbox.readings(OnDemandReads.asVendor(vendor), "PULL", answer, null);
        return receipt.toResponse();
    }

    @ExceptionHandler(HesPullClient.HesUnavailableException.class)
    ResponseEntity<ProblemDetail> unavailable(HesPullClient.HesUnavailableException e) {
        HttpStatus status = e.circuitOpen ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_GATEWAY;
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (e.circuitOpen) response.header("Retry-After", "30");
        return response.body(Problems.of(status, "hes-unavailable", "HES unavailable", e.getMessage()));
    }

    @ExceptionHandler(HesPullClient.HesRefusedException.class)
    ProblemDetail refused(HesPullClient.HesRefusedException e) {
        return Problems.of(HttpStatus.BAD_GATEWAY, "hes-refused", "HES refused", e.getMessage());
    }
}
