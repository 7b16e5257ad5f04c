package io.vidyut.mdm.ingest;

import io.vidyut.mdm.common.ConflictException;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.MalformedInputException;
import java.util.Optional;
import org.springframework.web.ErrorResponseException;

/**
 * Tells a refusal for good (unreadable payload, invalid mapping, no mapping, oversize) from a
 * passing failure: adapters without an HTTP caller set the first aside and retry the second.
 */
public final class Refusals {
    private Refusals() {}

    /** The reason, when sending the same payload again would be refused the same way. */
    public static Optional<String> permanent(RuntimeException e) {
        if (e instanceof ErrorResponseException response) return Optional.ofNullable(response.getBody().getDetail());
        if (e instanceof MalformedInputException || e instanceof FieldErrorsException || e instanceof ConflictException) {
            return Optional.ofNullable(e.getMessage());
        }
        return Optional.empty();
    }
}
