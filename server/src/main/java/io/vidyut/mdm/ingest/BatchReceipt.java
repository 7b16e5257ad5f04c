package io.vidyut.mdm.ingest;

import io.vidyut.mdm.common.Problems;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The answer to an HES for a batch: durably accepted (or a repeat of one already accepted), or
 * rejected because not one of its rows could be stored, with every rejected row or value and its
 * reason. Rejected rows are kept in the quarantine either way.
 */
public record BatchReceipt(UUID batchId, String batchKey, Status status, int mappingVersion, int rows,
                           int valuesAccepted, int valuesRejected, List<Rejection> rejections) {

    public enum Status { ACCEPTED, DUPLICATE, REJECTED }

    /**
     * 202 for a batch accepted now, 200 for a repeat answered with the first receipt, 422 when nothing
     * was stored: a problem carrying the receipt's fields, so an HES never reads "accepted" for a loss.
     */
    public ResponseEntity<?> toResponse() {
        return switch (status) {
            case ACCEPTED -> ResponseEntity.status(HttpStatus.ACCEPTED).body(this);
            case DUPLICATE -> ResponseEntity.ok(this);
            case REJECTED -> ResponseEntity.unprocessableContent().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(asProblem());
        };
    }

    private ProblemDetail asProblem() {
        ProblemDetail problem = Problems.of(HttpStatus.UNPROCESSABLE_CONTENT, "push-rejected", "Nothing stored",
                "Every row of the push was rejected (" + valuesRejected + " rejections, listed under 'rejections'). The rows "
                        + "are kept in the quarantine and can be re-driven once the mapping or the meter registry is fixed.");
        problem.setProperty("batch_id", batchId);
        problem.setProperty("batch_key", batchKey);
        problem.setProperty("status", status);
        problem.setProperty("mapping_version", mappingVersion);
        problem.setProperty("rows", rows);
        problem.setProperty("values_accepted", valuesAccepted);
        problem.setProperty("values_rejected", valuesRejected);
        problem.setProperty("rejections", rejections);
        return problem;
    }

    public record Rejection(int row, String field, String reason) {}
}
