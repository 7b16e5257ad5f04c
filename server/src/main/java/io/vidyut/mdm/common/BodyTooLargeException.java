package io.vidyut.mdm.common;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A request body over its limit (413), found before it was buffered: from its Content-Length, or while reading it. */
public class BodyTooLargeException extends ErrorResponseException {
    public BodyTooLargeException(long limit, String advice) {
        super(HttpStatus.CONTENT_TOO_LARGE, Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                "This request may carry at most " + limit + " bytes. " + advice), null);
        // the client may still be sending: do not keep reading a body nobody wants
        getHeaders().setConnection("close");
    }

    /** The exception itself or what it was wrapped in on its way out of a message converter. */
    static BodyTooLargeException in(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException tooLarge) return tooLarge;
            if (t.getCause() == t) break;
        }
        return null;
    }
}
