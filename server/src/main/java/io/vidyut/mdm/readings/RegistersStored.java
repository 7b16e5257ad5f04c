package io.vidyut.mdm.readings;

import java.util.List;
import java.util.UUID;

/** Published inside the storing transaction for register reads that were new or changed. */
public record RegistersStored(UUID tenantId, java.time.ZoneId zone, String source, List<Reading> registers) {}
