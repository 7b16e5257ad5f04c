package io.vidyut.mdm.outbox;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.common.Roles;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/outbox/messages")
@Tag(name = "Outbox", description = "What the MDM sends out (webhooks, alarm mail, commands to HES, the feed to Kafka): "
        + "pending, delivered and dead messages, redrive and discard")
class OutboxController {
    private final OutboxOperations operations;

    OutboxController(OutboxOperations operations) {
        this.operations = operations;
    }

    /** Why a message is given up (optional). */
    record MessageDiscard(@Size(max = 1000) String reason) {}

    @GetMapping
    @Roles.Operators
    @Operation(summary = "The tenant's outbox messages, newest first",
            description = "Filter by status (PENDING, DELIVERED, DEAD, DISCARDED) and kind "
                    + "(webhook, mail, command, command.read, feed.kafka). Each shows its attempts, last error, the next "
                    + "attempt while pending, and its payload.")
    Page<StoredMessage> list(@RequestParam(required = false) MessageStatus status, @RequestParam(required = false) String kind,
                             @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return operations.list(status, kind, new PageRequest(page, size));
    }

    @GetMapping("/{id}")
    @Roles.Operators
    @Operation(summary = "One outbox message with its attempts and last error")
    StoredMessage get(@PathVariable UUID id) {
        return operations.get(id);
    }

    @PostMapping("/{id}/redrive")
    @Roles.TenantAdmin
    @Operation(summary = "Deliver a DEAD message again, now, once what made it fail is fixed",
            description = "Back to PENDING, due now, with a fresh set of attempts (its last error "
                    + "is kept until the next attempt). 409 when it is not DEAD.")
    StoredMessage redrive(@PathVariable UUID id, Authentication caller) {
        return operations.redrive(id, caller.getName());
    }

    @PostMapping("/{id}/discard")
    @Roles.TenantAdmin
    @Operation(summary = "Give up a pending or dead message (kept as DISCARDED, with who and why, until retention)",
            description = "Optional body {\"reason\"}. 409 when it was delivered or discarded already.")
    StoredMessage discard(@PathVariable UUID id, @Valid @RequestBody(required = false) MessageDiscard request, Authentication caller) {
        String reason = request == null || request.reason() == null || request.reason().isBlank() ? null : request.reason().strip();
        return operations.discard(id, caller.getName(), reason);
    }
}
