package io.vidyut.mdm.ingest;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.security.MachineClient;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/meters")
@Tag(name = "Ingestion", description = "HES systems push meter data")
class ReadingsController {
    private final HesInbox inbox;
    private final PushAdmission admission;

    ReadingsController(HesInbox inbox, PushAdmission admission) {
        this.inbox = inbox;
        this.admission = admission;
    }

    @PostMapping(value = "/readings", consumes = {"application/json", "text/csv", "text/plain", "application/octet-stream"})
    @PreAuthorize("hasRole('HES')")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The vendor's own payload (JSON or CSV), read by "
            + "its payload mapping", content = {@Content(mediaType = "application/json", schema = @Schema(type = "object")),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @Operation(summary = "Push a batch of readings (202 once durably accepted; per-row rejections listed and quarantined)",
            description = "Roles: HES (X-API-Key). Idempotent by the Idempotency-Key header, else the payload's batch id "
                    + "field, else the payload's SHA-256: a repeat answers 200 with the first receipt.")
    ResponseEntity<BatchReceipt> push(@AuthenticationPrincipal MachineClient vendor, @RequestBody byte[] payload,
                                      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        BatchReceipt receipt = admission.admitReadings(() -> inbox.readings(vendor, "REST", payload, idempotencyKey));
        return receipt.toResponse();
    }
}
