/**
 * Outbound webhooks: a tenant's subscriptions (URL, secret, event types) and a transactional outbox.
 * Alarm changes ({@link io.vidyut.mdm.alarms.AlarmChanged}) and VEE corrections
 * ({@link io.vidyut.mdm.vee.IntervalsCorrected}) are written to the outbox inside the transaction that
 * makes them; a dispatcher delivers each row at least once, signed, with retries and backoff.
 */
package io.vidyut.mdm.webhooks;
