package io.vidyut.mdm.ingest.push;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.common.Roles;
import io.vidyut.mdm.ingest.BatchReceipt;
import io.vidyut.mdm.ingest.HesInbox;
import io.vidyut.mdm.ingest.pipeline.IngestService;
import io.vidyut.mdm.security.MachineClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
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
    private final IngestService ingest;

    ReadingsController(HesInbox inbox, PushAdmission admission, IngestService ingest) {
        this.inbox = inbox;
        this.admission = admission;
        this.ingest = ingest;
    }

    @PostMapping(value = "/readings", consumes = {"application/json", "text/csv", "text/plain", "application/octet-stream"})
    @Roles.Hes
    @ApiResponse(responseCode = "202", description = "Durably accepted", content = @Content(schema = @Schema(implementation = BatchReceipt.class)))
    @ApiResponse(responseCode = "200", description = "A repeat: the first receipt", content = @Content(schema = @Schema(implementation = BatchReceipt.class)))
    @ApiResponse(responseCode = "422", description = "Nothing stored: no rows, or every row rejected (listed)",
            content = @Content(mediaType = "application/problem+json"))
    @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "The vendor's own payload (JSON or CSV), read by "
            + "its payload mapping", content = {@Content(mediaType = "application/json", schema = @Schema(type = "object"),
                    examples = @ExampleObject(name = "HPL JSON push", value = PushExamples.READINGS_JSON)),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"),
                    examples = @ExampleObject(name = "CSV push", value = PushExamples.READINGS_CSV))})
    @Operation(summary = "Push a batch of readings (202 once durably accepted; per-row rejections listed and quarantined)",
            description = "Idempotent by the Idempotency-Key header, else the payload's batch id "
                    + "field, else the payload's SHA-256: a repeat answers 200 with the first receipt. 422 when the push "
                    + "holds no rows or every row was rejected (nothing stored; the rejections are listed), 415 when the "
                    + "Content-Type is missing or not what the vendor's mapping reads, 413 over the size limit.")
    ResponseEntity<?> push(@AuthenticationPrincipal MachineClient vendor, @RequestBody byte[] payload,
                           @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
                           @RequestHeader(name = HttpHeaders.CONTENT_TYPE, required = false) String contentType) {
        PushContentType.check(contentType, ingest.mappingOf(vendor).mapping().format());
        BatchReceipt receipt = admission.admitReadings(() -> inbox.readings(vendor, "REST", payload, idempotencyKey));
        return receipt.toResponse();
    }
}
