package io.vidyut.mdm.billing.export;

/**
 * An export that did not happen. {@link #retryable()} tells the billing run whether the same export may succeed later
 * (a host unreachable, a timeout, a full disk) or needs someone to change something first (a folder outside the drop
 * root, a host key that does not match, refused credentials, a batch too large).
 */
public class ExportFailure extends RuntimeException {
    private final boolean retryable;

    private ExportFailure(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    static ExportFailure retryable(String message, Throwable cause) {
        return new ExportFailure(message, true, cause);
    }

    static ExportFailure permanent(String message) {
        return new ExportFailure(message, false, null);
    }

    static ExportFailure permanent(String message, Throwable cause) {
        return new ExportFailure(message, false, cause);
    }

    public boolean retryable() {
        return retryable;
    }
}
