package io.vidyut.mdm.events;

import java.time.Instant;
import java.util.UUID;

/**
 * A recorded event in unified terms. {@code known} is false when the vendor's code maps to no IS 15959
 * code the MDM knows: such an event is kept with its raw code (category UNKNOWN) for a mapping fix.
 */
public record MeterEvent(UUID meterId, Instant occurredAt, Integer code, String rawCode, String name,
                         EventCategory category, EventSeverity severity, boolean known, Instant receivedAt) {}
