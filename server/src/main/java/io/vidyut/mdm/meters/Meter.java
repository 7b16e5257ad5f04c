package io.vidyut.mdm.meters;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A meter in the registry; {@code multiplier} = CT ratio × PT ratio, applied to what the meter reports. */
public record Meter(UUID id, String serial, String make, String model, Phase phase, MeterCategory category,
                    BigDecimal ctRatio, BigDecimal ptRatio, BigDecimal multiplier, UUID hesVendorId,
                    UUID consumerId, UUID networkNodeId, LifecycleStage lifecycleStage, Instant stageChangedAt,
                    Instant createdAt) {}
