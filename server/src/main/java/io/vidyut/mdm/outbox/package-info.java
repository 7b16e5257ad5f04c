/**
 * One transactional outbox for every module: a message is enqueued in the caller's transaction (so it exists if and
 * only if the business change committed), under the transaction's tenant, with a kind, an optional ordering key and
 * subject, and a JSON payload. A dispatcher claims due messages across tenants with a lease, hands each to the
 * {@link io.vidyut.mdm.outbox.OutboxHandler} of its kind under the message's tenant, and marks it delivered,
 * reschedules it with exponential backoff (or when the handler says), or, after the kind's attempts or a permanent
 * failure, marks it DEAD. Operators list, redrive and discard messages at {@code /api/v1/outbox/messages}.
 *
 * <p>A new kind (billing pushes, SMS, a CRM) needs only a handler bean: {@link io.vidyut.mdm.outbox.Outbox#enqueue}
 * its messages and implement {@link io.vidyut.mdm.outbox.OutboxHandler}.
 */
package io.vidyut.mdm.outbox;
