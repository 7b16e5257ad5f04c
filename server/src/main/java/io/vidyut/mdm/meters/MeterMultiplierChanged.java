package io.vidyut.mdm.meters;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A meter's CT/PT multiplier changed: readings before and after {@code at} are scaled differently. */
public record MeterMultiplierChanged(UUID tenantId, UUID meterId, BigDecimal previous, BigDecimal current, Instant at) {}
