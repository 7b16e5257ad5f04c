package io.vidyut.mdm.vee;

import io.vidyut.mdm.channels.Channel;
import java.time.Instant;
import java.util.UUID;

/** A person's edit changed stored intervals (published inside the edit's transaction). */
public record IntervalsCorrected(UUID tenantId, UUID meterId, Channel channel, Instant firstAt, Instant lastAt,
                                 UUID editId, String correctedBy) {}
