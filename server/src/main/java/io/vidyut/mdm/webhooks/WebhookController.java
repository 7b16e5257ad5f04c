package io.vidyut.mdm.webhooks;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.common.Roles;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/webhooks")
@Tag(name = "Webhooks", description = "Outbound webhooks: alarm changes and corrected data POSTed to the tenant's own systems")
class WebhookController {
    private final Subscriptions subscriptions;

    WebhookController(Subscriptions subscriptions) {
        this.subscriptions = subscriptions;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Roles.TenantAdmin
    @Operation(summary = "Subscribe a URL to event types (the signing secret is shown only in this answer)",
            description = "event_types: alarm.raised, alarm.changed (repeated, updated, acknowledged, "
                    + "resolved), data.corrected (a VEE edit). Without a secret (16+ characters) one is generated. Each "
                    + "message is POSTed with Webhook-Id (the same on retries: dedupe on it), Webhook-Event, "
                    + "Webhook-Timestamp and Webhook-Signature: sha256=hex(HMAC-SHA256(secret, timestamp + '.' + body)).")
    Subscriptions.Created create(@RequestBody Subscriptions.NewSubscription request, Authentication caller) {
        return subscriptions.create(request, caller.getName());
    }

    @GetMapping
    @Roles.TenantAdmin
    @Operation(summary = "The tenant's webhook subscriptions")
    List<Subscriptions.Subscription> list() {
        return subscriptions.list();
    }

    @GetMapping("/{id}")
    @Roles.TenantAdmin
    @Operation(summary = "One webhook subscription")
    Subscriptions.Subscription get(@PathVariable UUID id) {
        return subscriptions.get(id);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Roles.TenantAdmin
    @Operation(summary = "Remove a subscription, with its pending messages and delivery history")
    void delete(@PathVariable UUID id) {
        subscriptions.delete(id);
    }

    @GetMapping("/{id}/deliveries")
    @Roles.Operators
    @Operation(summary = "Deliveries to a subscription, newest first",
            description = "Filter by status (PENDING, DELIVERED, FAILED, DISCARDED); each "
                    + "shows its attempts, the last error (the receiver's HTTP status, or why it could not be reached) and "
                    + "the payload sent. A FAILED delivery is a DEAD message of kind webhook in the outbox "
                    + "(/api/v1/outbox/messages), where it can be redriven or discarded.")
    Page<Subscriptions.Delivery> deliveries(@PathVariable UUID id, @RequestParam(required = false) String status,
                                            @RequestParam(defaultValue = "0") int page,
                                            @RequestParam(defaultValue = "50") int size) {
        return subscriptions.deliveries(id, status, new PageRequest(page, size));
    }
}
