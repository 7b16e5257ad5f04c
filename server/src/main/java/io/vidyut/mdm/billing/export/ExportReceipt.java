package io.vidyut.mdm.billing.export;

import java.util.List;
import java.util.UUID;

/**
 * What an export did. A file export was delivered when this is returned: its name, size and SHA-256 (hex), for the
 * billing run's history and for reconciling with the billing system. A REST push was enqueued: {@code fileName} is
 * null, the size and hash are the JSON body's, and the outbox message delivers it (look it up by its id).
 *
 * @param refused the batch's lines that were not exported, each with its reasons; the rest were
 */
public record ExportReceipt(String fileName, long bytes, String sha256, List<RefusedLine> refused, UUID outboxMessageId) {
    public ExportReceipt {
        refused = List.copyOf(refused);
    }
}
