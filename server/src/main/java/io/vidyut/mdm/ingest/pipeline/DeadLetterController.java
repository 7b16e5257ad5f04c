package io.vidyut.mdm.ingest.pipeline;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.common.ConflictException;
import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.common.Problems;
import io.vidyut.mdm.common.Roles;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/ingest/dead-letters")
@Tag(name = "Ingestion")
@Roles.OperatorsOrPlatformAdmin
class DeadLetterController {
    /** Who sees which dead letters (the roles themselves are stated from the annotation). */
    private static final String ROLES = "Tenant users see the tenant's dead letters; the platform admin those no tenant "
            + "could be read from (inside a tenant after switching, that tenant's). ";
    /** How long a re-drive waits for the pipeline to take the part before it answers 503. */
    static final Duration REDRIVE_WAIT = Duration.ofSeconds(10);

    private final DeadLetters deadLetters;
    private final IngestTransport transport;

    DeadLetterController(DeadLetters deadLetters, IngestTransport transport) {
        this.deadLetters = deadLetters;
        this.transport = transport;
    }

    record DeadLetterDiscard(@NotBlank @Size(max = 1000) String reason) {}

    @GetMapping
    @Operation(summary = "Pipeline records that could not be stored after every attempt (dead letters), latest failure first",
            description = ROLES + "Filter by status: OPEN (the default), REDRIVEN or DISCARDED. A dead letter of a part "
                    + "keeps its batch open until it is re-driven and stored.")
    Page<DeadLetters.Entry> list(@RequestParam(defaultValue = "OPEN") DeadLetters.Status status,
                                 @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return deadLetters.list(status, new PageRequest(page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One dead letter", description = ROLES)
    DeadLetters.Entry get(@PathVariable UUID id) {
        return deadLetters.get(id);
    }

    @GetMapping("/{id}/raw")
    @Operation(summary = "The bytes of a dead letter's record, as kept (its first 1 MiB)", description = ROLES
            + "The pipeline's binary part format; raw_bytes in the dead letter tells whether the record was longer.")
    @ApiResponse(responseCode = "200", description = "The record's value",
            content = @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary")))
    ResponseEntity<byte[]> raw(@PathVariable UUID id) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_OCTET_STREAM)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("dead-letter-" + id + ".bin").build().toString())
                .body(deadLetters.raw(id));
    }

    @PostMapping("/{id}/redrive")
    @Operation(summary = "Put an open dead letter's part through the pipeline again, once what made it fail is fixed",
            description = ROLES + "Marks it REDRIVEN and hands its part, as kept, to the pipeline; stored, its batch "
                    + "completes. Should the part fail again every time, it comes back OPEN with its attempts added up. "
                    + "409 when it is not OPEN, or its record could not be read (it names no part: discard it; its batch "
                    + "stays open in the inbox and is re-driven by the recovery sweep); 503 when the pipeline did not "
                    + "take the part (it stays OPEN).")
    @ApiResponse(responseCode = "200", description = "Re-driven",
            content = @Content(schema = @Schema(implementation = DeadLetters.Entry.class)))
    @ApiResponse(responseCode = "409", description = "Not open, or unreadable", content = @Content(mediaType = "application/problem+json"))
    @ApiResponse(responseCode = "503", description = "The pipeline did not take the part", content = @Content(mediaType = "application/problem+json"))
    DeadLetters.Entry redrive(@PathVariable UUID id, Authentication caller) {
        IngestWork work = partOf(deadLetters.get(id));
        DeadLetters.Entry redriven = deadLetters.markRedriven(id, caller.getName());
        if (!transport.publish(work, REDRIVE_WAIT)) {
            deadLetters.reopen(id);
            throw new ErrorResponseException(HttpStatus.SERVICE_UNAVAILABLE, Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                    "pipeline-busy", "Pipeline busy", "The pipeline did not take the part within "
                            + REDRIVE_WAIT.toSeconds() + " s; the dead letter stays open, try again later"), null);
        }
        return redriven;
    }

    /** The part a dead letter holds, read from the bytes kept of its record. */
    private IngestWork partOf(DeadLetters.Entry letter) {
        if (letter.batchId() == null) {
            throw new ConflictException("Dead letter " + letter.id() + " could not be read, so it holds no part to re-drive. "
                    + "Its batch stays open in the inbox and the recovery sweep re-drives it; discard this dead letter.");
        }
        if (letter.rawBytes() > DeadLetters.KEPT_BYTES) {
            // cannot happen with the transport's own producer, whose records are never longer than what is kept
            throw new ConflictException("Only the first " + DeadLetters.KEPT_BYTES + " of the record's " + letter.rawBytes()
                    + " bytes were kept, too few to re-drive it; discard this dead letter.");
        }
        return IngestWorkCodec.decode(deadLetters.raw(letter.id()));
    }

    @PostMapping("/{id}/discard")
    @Operation(summary = "Give up an open dead letter, with the reason (kept; its batch stays open and is not re-driven)",
            description = ROLES + "409 when it is not OPEN.")
    @ApiResponse(responseCode = "200", description = "Discarded",
            content = @Content(schema = @Schema(implementation = DeadLetters.Entry.class)))
    @ApiResponse(responseCode = "409", description = "Not open", content = @Content(mediaType = "application/problem+json"))
    DeadLetters.Entry discard(@PathVariable UUID id, @Valid @RequestBody DeadLetterDiscard request, Authentication caller) {
        return deadLetters.discard(id, caller.getName(), request.reason().strip());
    }
}
