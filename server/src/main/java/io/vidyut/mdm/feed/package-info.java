/**
 * The domain event feed: what happened in the MDM (meter events, alarm changes, VEE corrections, billing's
 * correction notices, finished commands) as one ordered, durable log per tenant, for the modules and systems that act on it (prepaid,
 * energy audit, a DISCOM's own integration).
 *
 * <p>{@link io.vidyut.mdm.feed.FeedWriter} appends a row in the transaction of each change, so the feed has an
 * entry if and only if the change committed. {@link io.vidyut.mdm.feed.FeedRelay} then gives committed rows their
 * positions and, when Kafka is configured, enqueues each tenant's new positions in the outbox, which publishes them
 * on the pipeline's broker in order (topic {@code mdm.events}, keyed by meter) through
 * {@link io.vidyut.mdm.feed.KafkaFeedPublisher}. Readers page the tenant's feed by position through
 * {@code GET /api/v1/feed}.
 */
package io.vidyut.mdm.feed;
