package io.vidyut.mdm.events;

import java.util.List;
import java.util.UUID;

/**
 * Events newly recorded for a tenant (repeats left out), published inside the recording transaction
 * so whatever listeners derive from them (alarms, outbox rows) commits or rolls back with them.
 */
public record MeterEventsRecorded(UUID tenantId, List<MeterEvent> events) {}
