package io.vidyut.mdm.billing.systems;

/**
 * A webhook request that did not authenticate (401): no or malformed headers, a timestamp too far from the MDM's
 * clock, or a signature that no secret of the named system made. Nothing of it is stored.
 */
class WebhookRefused extends RuntimeException {
    private final String reason;

    WebhookRefused(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** The problem type and the metric's reason tag: missing-headers, stale-timestamp, invalid-signature. */
    String reason() {
        return reason;
    }
}
