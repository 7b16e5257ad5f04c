package io.vidyut.mdm.billing;

import java.util.UUID;

/** A correction notice was recorded (published inside the transaction that changed the data), for webhooks and the feed. */
public record CorrectionAnnounced(UUID tenantId, CorrectionNotice notice) {}
