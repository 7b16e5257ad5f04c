package io.vidyut.mdm.events;

import java.time.Instant;
import java.util.UUID;

/** An event to record: the meter, when it happened, its IS 15959 code (null if none) and the vendor's code as sent. */
public record NewEvent(UUID meterId, Instant occurredAt, Integer code, String rawCode, UUID vendorId, UUID batchId) {}
