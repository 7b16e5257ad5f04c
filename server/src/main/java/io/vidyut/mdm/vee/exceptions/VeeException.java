package io.vidyut.mdm.vee.exceptions;

import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.vee.VeeRule;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

/** One entry of the exceptions work queue. */
public record VeeException(UUID id, UUID meterId, String meterSerial, UUID vendorId, UUID dtId, Channel channel,
                           OffsetDateTime firstAt, OffsetDateTime lastAt, VeeRule rule, boolean blocking,
                           Map<String, Object> detail, int settingsVersion, String status, String assignedTo,
                           String resolution, String resolutionNote, OffsetDateTime detectedAt,
                           OffsetDateTime resolvedAt, String resolvedBy) {}
