package io.vidyut.mdm.ingest;

import io.vidyut.mdm.common.Problems;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/** Refuses oversize batches before parsing them (413), so one HES cannot exhaust the server's memory. */
@Component
class PayloadLimit {
    private final int maxBytes;

    PayloadLimit(@Value("${mdm.ingest.max-payload-bytes:33554432}") int maxBytes) {
        this.maxBytes = maxBytes;
    }

    int maxBytes() {
        return maxBytes;
    }

    void check(int size) {
        if (size > maxBytes) {
            throw new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE, Problems.of(HttpStatus.CONTENT_TOO_LARGE,
                    "payload-too-large", "Payload too large", "A batch may hold at most " + maxBytes
                            + " bytes; this one has " + size + ". Split it into smaller batches."), null);
        }
    }
}
