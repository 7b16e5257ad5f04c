package io.vidyut.mdm.hes.mapping;

import io.vidyut.mdm.channels.Channel;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * One value as an HES delivered it, already in the MDM's terms: meter serial, canonical channel,
 * the interval's end (or the register's instant) in UTC, the value in the channel's unit before
 * CT/PT multipliers, and quality flags.
 */
public record SourceValue(int row, String meterSerial, Channel channel, Instant at, int intervalMinutes,
                          BigDecimal value, int quality) {}
