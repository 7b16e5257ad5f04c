package io.vidyut.mdm.prepaid.recharges;

import java.time.Instant;
import java.util.UUID;

/** A payment gateway or aggregator that posts recharges, signing each with its secret (never shown here). */
record PaymentGateway(UUID id, String code, String name, boolean enabled, Instant secretRotatedAt, String createdBy, Instant createdAt) {}
