package io.vidyut.mdm.ingest.pipeline;

import java.time.Duration;
import org.springframework.http.HttpStatus;

/**
 * A push turned away before anything of it was acknowledged: the HES sends it again after {@code retryAfter}.
 * Busy (503) when the MDM as a whole takes in all it can; rate-limited (429) when this HES or its tenant sends
 * more than its share.
 */
public final class PushRefused extends RuntimeException {
    private final HttpStatus status;
    private final String type;
    private final String title;
    private final Duration retryAfter;

    private PushRefused(HttpStatus status, String type, String title, String detail, Duration retryAfter) {
        super(detail, null, false, false); // refusals are routine under load: no stack trace to fill
        this.status = status;
        this.type = type;
        this.title = title;
        this.retryAfter = retryAfter;
    }

    public static PushRefused busy(String detail, Duration retryAfter) {
        return new PushRefused(HttpStatus.SERVICE_UNAVAILABLE, "ingest-busy", "Too many pushes at once", detail, retryAfter);
    }

    public static PushRefused rateLimited(String detail, Duration retryAfter) {
        return new PushRefused(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many pushes from this sender", detail,
                retryAfter);
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** Whole seconds, at least one, as the Retry-After header wants them. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
