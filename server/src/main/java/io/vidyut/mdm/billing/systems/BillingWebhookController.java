package io.vidyut.mdm.billing.systems;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.common.Roles;
import io.vidyut.mdm.tenancy.TenantContext;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The billing system's webhook. Its caller is no user: it is authenticated by the signature over the body, checked
 * here on the raw bytes before they are parsed, and then works in its own tenant, whose row-level security applies.
 */
@RestController
@Tag(name = "Billing", description = "Billing-grade (VEE-processed) data, locked periods and corrections")
class BillingWebhookController {
    static final String PATH = "/api/v1/billing/webhook";
    private final WebhookAuthenticator authenticator;
    private final InboundEvents events;

    BillingWebhookController(WebhookAuthenticator authenticator, InboundEvents events) {
        this.authenticator = authenticator;
        this.events = events;
    }

    @PostMapping(PATH)
    @Roles.Anyone
    @Operation(summary = "The DISCOM billing system posts its bills and payments",
            description = "Signed, not signed in: X-Mdm-Billing-System: <tenant code>/<system code>, X-Mdm-Timestamp "
                    + "(epoch seconds, within 5 minutes of the MDM's clock) and X-Mdm-Signature: sha256=<hex HMAC-SHA256 of "
                    + "\"<timestamp>.<body>\"> with the system's current or previous secret; else 401. Body "
                    + "{\"events\": [...]} of 1–1000 BILL_GENERATED or PAYMENT_RECEIVED events, at most 1 MiB (413). "
                    + "200 with each event ACCEPTED, DUPLICATE (its event_id was accepted before) or REJECTED with field "
                    + "errors (kept, see GET /billing/webhook/rejected). See docs/billing.md.")
    InboundEvents.BillingWebhookReceipt receive(
            @RequestHeader(name = WebhookAuthenticator.SYSTEM, required = false) String system,
            @RequestHeader(name = WebhookAuthenticator.TIMESTAMP, required = false) String timestamp,
            @RequestHeader(name = WebhookAuthenticator.SIGNATURE, required = false) String signature,
            @RequestBody(required = false) byte[] body) {
        byte[] raw = body == null ? new byte[0] : body;
        WebhookAuthenticator.Caller caller = authenticator.authenticate(system, timestamp, signature, raw);
        return TenantContext.callAs(caller.tenant(), () -> events.receive(caller.systemId(), raw));
    }
}
