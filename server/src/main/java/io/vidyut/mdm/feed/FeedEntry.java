package io.vidyut.mdm.feed;

import com.fasterxml.jackson.annotation.JsonRawValue;
import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the feed as readers and Kafka consumers receive it. {@code id} is the entry's identity (a
 * publisher that crashed before recording its progress sends an entry again with the same id and position:
 * consumers dedupe on it); {@code position} orders the tenant's entries; {@code data} is the type's own JSON.
 */
record FeedEntry(UUID id, long position, UUID tenantId, String tenantCode, String type, UUID meterId,
                 Instant occurredAt, @JsonRawValue String data) {}
