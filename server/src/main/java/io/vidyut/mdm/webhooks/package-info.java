/**
 * Outbound webhooks: a tenant's subscriptions (URL, secret, event types). Alarm changes
 * ({@link io.vidyut.mdm.alarms.AlarmChanged}) and VEE corrections ({@link io.vidyut.mdm.vee.IntervalsCorrected}) and billing's
 * correction notices ({@link io.vidyut.mdm.billing.CorrectionAnnounced}) are
 * enqueued as {@code webhook} messages of the {@link io.vidyut.mdm.outbox.Outbox} inside the transaction that makes
 * them; the outbox delivers each at least once through {@code WebhookDelivery}, signed, with retries and backoff.
 */
package io.vidyut.mdm.webhooks;
