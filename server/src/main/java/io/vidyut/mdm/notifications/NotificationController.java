package io.vidyut.mdm.notifications;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.common.Roles;
import io.vidyut.mdm.notifications.ConsumerContact.ConsumerContactChange;
import io.vidyut.mdm.notifications.NoticeTemplate.NoticeTemplateChange;
import io.vidyut.mdm.notifications.SmsGateway.SmsGatewayChange;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications", description = "Notices to consumers by SMS (DLT-registered templates through the tenant's "
        + "SMS gateway), e-mail and in-app: contacts, templates, the SMS gateway, and every notice with its deliveries")
class NotificationController {
    private final Notices notices;
    private final ConsumerContacts contacts;
    private final NoticeTemplates templates;
    private final SmsGateways gateways;

    NotificationController(Notices notices, ConsumerContacts contacts, NoticeTemplates templates, SmsGateways gateways) {
        this.notices = notices;
        this.contacts = contacts;
        this.templates = templates;
        this.gateways = gateways;
    }

    @GetMapping("/contacts/{consumer_id}")
    @Roles.Readers
    @Operation(summary = "How a consumer is reached: mobile number, e-mail address and opt-outs",
            description = "Empty (no phone, no email) until saved. 404 for a consumer that is not the tenant's.")
    ConsumerContact contact(@PathVariable("consumer_id") UUID consumerId) {
        return contacts.get(consumerId);
    }

    @PutMapping("/contacts/{consumer_id}")
    @Roles.Operators
    @Operation(summary = "Save a consumer's mobile number, e-mail address and opt-outs (replacing what was there)",
            description = "{phone, email, sms_opt_out, email_opt_out}: phone an Indian mobile number, kept as +91 and 10 "
                    + "digits; null for none. 422 with field errors; 404 for a consumer that is not the tenant's.")
    ConsumerContact saveContact(@PathVariable("consumer_id") UUID consumerId, @RequestBody ConsumerContactChange body,
                                Authentication caller) {
        return contacts.save(consumerId, body, caller.getName());
    }

    @GetMapping("/templates")
    @Roles.Readers
    @Operation(summary = "The text of every kind of notice on every channel: the tenant's own, or the built-in one",
            description = "Each {kind, channel, subject (EMAIL), body, dlt_template_id (SMS), placeholders, built_in, "
                    + "updated_by, updated_at}. A built-in SMS text has no DLT template id and is never sent.")
    List<NoticeTemplate> templates() {
        return templates.list();
    }

    @PutMapping("/templates/{kind}/{channel}")
    @Roles.TenantAdmin
    @Operation(summary = "Save the tenant's text for a kind of notice on a channel",
            description = "{subject (EMAIL only, required there), body, dlt_template_id (SMS only, required there: the 19 "
                    + "digits of the template's DLT registration)}; {placeholder}s only of the kind's; SMS at most 480 "
                    + "characters. 422 with every problem. See docs/notifications.md.")
    NoticeTemplate saveTemplate(@PathVariable NoticeKind kind, @PathVariable NoticeChannel channel,
                                @RequestBody NoticeTemplateChange body, Authentication caller) {
        return templates.save(kind, channel, body, caller.getName());
    }

    @DeleteMapping("/templates/{kind}/{channel}")
    @Roles.TenantAdmin
    @Operation(summary = "Go back to the built-in text for a kind of notice on a channel; answers the built-in template",
            description = "404 when the tenant has no text of its own for it.")
    NoticeTemplate deleteTemplate(@PathVariable NoticeKind kind, @PathVariable NoticeChannel channel) {
        return templates.delete(kind, channel);
    }

    @GetMapping("/sms-gateway")
    @Roles.TenantAdmin
    @Operation(summary = "The tenant's SMS gateway, without its authentication value",
            description = "{url, sender_id, dlt_entity_id, auth_header_name, has_auth, enabled, updated_by, updated_at}. "
                    + "404 when the tenant has none.")
    SmsGateway smsGateway() {
        return gateways.get();
    }

    @PutMapping("/sms-gateway")
    @Roles.TenantAdmin
    @Operation(summary = "Save the tenant's SMS gateway (replacing what was there)",
            description = "{url, sender_id (the 6-character DLT header), dlt_entity_id, auth_header_name, "
                    + "auth_header_value (stored sealed, never shown; left out, the stored one stays while the name does), "
                    + "enabled}. A URL on a private address is refused unless the operator allows it. 422 with field errors.")
    SmsGateway saveSmsGateway(@RequestBody SmsGatewayChange body, Authentication caller) {
        return gateways.save(body, caller.getName());
    }

    @GetMapping("/notices")
    @Roles.Readers
    @Operation(summary = "Notices sent to consumers, newest first, each with its deliveries",
            description = "Filter by consumer_id, kind and status (a notice with a delivery in that status: PENDING, "
                    + "SENT, FAILED, SKIPPED). Each delivery: channel, to, the rendered text, status, attempts, last_error "
                    + "(or why it was skipped), provider_reference, sent_at.")
    Page<StoredNotice> list(@RequestParam(name = "consumer_id", required = false) UUID consumerId,
                            @RequestParam(required = false) NoticeKind kind,
                            @RequestParam(required = false) DeliveryStatus status,
                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return notices.list(consumerId, kind, status, new PageRequest(page, size));
    }
}
