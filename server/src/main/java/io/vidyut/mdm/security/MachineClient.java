package io.vidyut.mdm.security;

import java.util.UUID;

/** An authenticated HES: which vendor of which tenant is calling. */
public record MachineClient(UUID vendorId, String vendorCode, UUID tenantId, String tenantCode) {}
