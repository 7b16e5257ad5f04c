package io.vidyut.mdm.vee.edits;

import io.vidyut.mdm.channels.Channel;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A stored edit of one meter's range, with its approval state. */
record VeeEdit(UUID id, UUID bulkId, UUID meterId, Channel channel, OffsetDateTime firstAt, OffsetDateTime lastAt,
                      EditRequest.Action action, String reasonCode, String note, String status, String requestedBy,
                      OffsetDateTime requestedAt, String decidedBy, OffsetDateTime decidedAt) {}
