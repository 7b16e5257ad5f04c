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
@Tag(name = "Ingestion")
class EventsController {
    private final HesInbox inbox;
    private final PushAdmission admission;

    EventsController(HesInbox inbox, PushAdmission admission) {
        this.inbox = inbox;
        this.admission = admission;
    }

    @PostMapping(value = "/events", consumes = {"application/json", "text/csv", "text/plain", "application/octet-stream"})
    @PreAuthorize("hasRole('HES')")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The vendor's own event payload (JSON or CSV), "
            + "read by the 'events' section of its payload mapping",
            content = {@Content(mediaType = "application/json", schema = @Schema(type = "object")),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @Operation(summary = "Push a batch of meter events (202 once stored; per-row rejections listed and quarantined)",
            description = "Roles: HES (X-API-Key). Codes are mapped to IS 15959; an unknown code is stored with its raw "
                    + "code and flagged. Idempotent by the Idempotency-Key header, else the payload's batch id field, "
                    + "else its SHA-256: a repeat answers 200 with the first receipt.")
    ResponseEntity<BatchReceipt> push(@AuthenticationPrincipal MachineClient vendor, @RequestBody byte[] payload,
                                      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        return admission.admitEvents(() -> inbox.events(vendor, "REST", payload, idempotencyKey)).toResponse();
    }
}
