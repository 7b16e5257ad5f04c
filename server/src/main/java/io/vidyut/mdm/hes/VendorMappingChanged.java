package io.vidyut.mdm.hes;

import java.util.UUID;

/** Published when a vendor's mapping gets a new version, so adapters (e.g. MQTT) can follow it without a restart. */
public record VendorMappingChanged(UUID tenantId, UUID vendorId, int version) {}
