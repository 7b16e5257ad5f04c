package io.vidyut.mdm.ingest;

import io.vidyut.mdm.common.Problems;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Refuses oversize batches before reading them whole (413), so one HES cannot exhaust the server's
 * memory: files by their size, pull answers while read; REST bodies are bounded as they arrive by
 * the request body limit of the web layer, at this same size.
 */
@Component
public class PayloadLimit {
    private final int maxBytes;

    @Autowired
    PayloadLimit(IngestProperties properties) {
        this(properties.maxPayloadBytes());
    }

    PayloadLimit(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    public int maxBytes() {
        return maxBytes;
    }

    public void check(long size) {
        if (size > maxBytes) {
            throw new ErrorResponseException(HttpStatus.CONTENT_TOO_LARGE, Problems.of(HttpStatus.CONTENT_TOO_LARGE,
                    "payload-too-large", "Payload too large", "A batch may hold at most " + maxBytes
                            + " bytes; this one has " + size + ". Split it into smaller batches."), null);
        }
    }

    /** The whole stream, read no further than one byte past the limit (an HES answer, say, of unknown length). */
    public byte[] read(java.io.InputStream in) throws java.io.IOException {
        byte[] read = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8L, maxBytes + 1L));
        check(read.length);
        return read;
    }
}
