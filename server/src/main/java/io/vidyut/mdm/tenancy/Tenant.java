package io.vidyut.mdm.tenancy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/** A DISCOM: every record in the platform belongs to exactly one. */
public record Tenant(UUID id, String code, String name, ZoneId timeZone, Map<String, Object> settings,
                     Instant createdAt) {}
