package io.vidyut.mdm.prepaid.accounts;

import java.util.UUID;

/** A prepaid account was closed and settled (published in its transaction): nothing more is switched for it. */
public record AccountClosed(UUID tenantId, UUID accountId, String closedBy) {}
