package io.vidyut.mdm.tenancy;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

/**
 * A DISCOM: every record in the platform belongs to exactly one. {@code state} is the Indian state or union territory
 * it serves (an {@link IndianState} name), null for tenants created before it was asked.
 */
public record Tenant(UUID id, String code, String name, String state, ZoneId timeZone, Map<String, Object> settings,
                     Instant createdAt) {}
