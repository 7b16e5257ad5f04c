package io.vidyut.mdm.hes.mapping;

import java.time.Instant;

/**
 * One event as an HES delivered it: meter serial, when it happened (UTC), the vendor's own code as
 * sent, and its IS 15959 code when the mapping or the code itself gives one (null otherwise).
 */
public record SourceEvent(int row, String meterSerial, Instant at, String rawCode, Integer code) {}
