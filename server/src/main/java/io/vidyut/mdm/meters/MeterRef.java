package io.vidyut.mdm.meters;

import java.math.BigDecimal;
import java.util.UUID;

/** What ingestion needs to know about a meter, looked up by serial. */
public record MeterRef(UUID id, UUID tenantId, String serial, UUID hesVendorId, MeterCategory category,
                       BigDecimal multiplier, LifecycleStage lifecycleStage) {}
