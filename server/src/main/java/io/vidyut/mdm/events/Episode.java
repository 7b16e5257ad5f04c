package io.vidyut.mdm.events;

import java.time.Instant;
import java.util.UUID;

/**
 * An occurrence paired with its restoration. {@code startedAt} is null when the occurrence lies before
 * the period looked at; {@code endedAt} null while the condition lasts (or its restoration has not arrived).
 */
public record Episode(UUID meterId, int code, String name, EventCategory category, EventSeverity severity,
                      Instant startedAt, Instant endedAt, Long durationSeconds) {}
