package io.vidyut.mdm.ingest;

import java.util.List;
import java.util.UUID;

/**
 * The answer to an HES for a batch: durably accepted (or a repeat of one already accepted), with
 * every rejected row or value and its reason. Rejected rows are kept in the quarantine.
 */
public record BatchReceipt(UUID batchId, String batchKey, Status status, int mappingVersion, int rows,
                           int valuesAccepted, int valuesRejected, List<Rejection> rejections) {

    public enum Status { ACCEPTED, DUPLICATE }

    /** 202 for a batch accepted now, 200 for a repeat answered with the first receipt. */
    org.springframework.http.ResponseEntity<BatchReceipt> toResponse() {
        return org.springframework.http.ResponseEntity.status(status == Status.ACCEPTED ? 202 : 200).body(this);
    }

    public record Rejection(int row, String field, String reason) {}
}
