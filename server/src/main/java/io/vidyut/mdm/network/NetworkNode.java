package io.vidyut.mdm.network;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A circle, division, sub-division, substation, feeder or distribution transformer (DT). */
public record NetworkNode(UUID id, NetworkLevel level, String code, String name, UUID parentId,
                          BigDecimal capacityKva, BigDecimal voltageKv, Instant createdAt) {}
