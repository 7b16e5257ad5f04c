package io.vidyut.mdm.ingest.pipeline;

import io.vidyut.mdm.common.Problems;
import io.vidyut.mdm.hes.mapping.PayloadMapping;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * A push that holds no rows where the mapping reads them ({@code {}}, {@code null}, a header without
 * lines): refused with 422, never acknowledged as if something had been taken in. Most often the
 * HES sent a different shape than its mapping describes, which the detail points at.
 */
final class EmptyPush {
    private EmptyPush() {}

    static void refuseIfEmpty(int rows, PayloadMapping mapping, boolean events) {
        if (rows > 0) return;
        String where = switch (mapping.format()) {
            case JSON -> "at '" + (events ? mapping.events().rows() : mapping.rows()) + "' (the rows path of the vendor's mapping)";
            case CSV -> "below the CSV header";
            case DLMS -> "in the profile buffer";
        };
        throw new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, Problems.of(HttpStatus.UNPROCESSABLE_CONTENT,
                "empty-push", "Nothing to store", "The push holds no " + (events ? "events" : "rows") + " " + where
                        + ". Nothing was stored."), null);
    }
}
