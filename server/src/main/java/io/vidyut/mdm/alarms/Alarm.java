package io.vidyut.mdm.alarms;

import java.time.Instant;
import java.util.UUID;

/**
 * An alarm as people see it: what and where (meter serial or DT code), its life so far, and how
 * often it repeated while unresolved ({@code occurrences}); for an outage, how many meters are out; how often
 * it was escalated for being left open ({@code escalationLevel}, its severity raised a step each time).
 */
public record Alarm(UUID id, AlarmKind kind, String severity, String title, UUID meterId, String meterSerial,
             UUID networkNodeId, String networkNodeCode, Integer code, AlarmStatus status, int occurrences,
             Integer affectedMeters, Instant firstAt, Instant lastAt, Instant raisedAt, Instant acknowledgedAt,
             String acknowledgedBy, Instant resolvedAt, String resolvedBy, String note, int escalationLevel,
             Instant escalatedAt) {}
