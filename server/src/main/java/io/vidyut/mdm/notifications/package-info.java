/**
 * Notices to consumers through notification channels: SMS through each tenant's HTTP SMS gateway (with the sender id,
 * principal entity id and registered template id that India's DLT rules require), e-mail through the platform's SMTP
 * server, and in-app. Its API is {@link io.vidyut.mdm.notifications.Notices}: another module (prepaid, later alarms)
 * records a notice of a {@link io.vidyut.mdm.notifications.NoticeKind} for a consumer inside its own transaction, and
 * one delivery per channel is written with it, SMS and e-mail handed to the {@link io.vidyut.mdm.outbox.Outbox}
 * (kinds {@code notice-sms} and {@code notice-email}). Deciding when to notify is the caller's; this module owns the
 * consumers' contacts, the templates per tenant, kind and channel, the SMS gateway settings and every delivery's
 * status. See docs/notifications.md.
 */
package io.vidyut.mdm.notifications;
