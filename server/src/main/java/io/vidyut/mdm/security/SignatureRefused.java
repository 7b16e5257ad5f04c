package io.vidyut.mdm.security;

/**
 * A signed request that did not authenticate (401): no or malformed headers, a timestamp too far from the MDM's clock,
 * or a signature no secret of the named system made. Nothing of it is stored; {@code kind} names the endpoint in the
 * metric and the log, {@code caller} is the system it named (as sent).
 */
public class SignatureRefused extends RuntimeException {
    private final String kind;
    private final String reason;
    private final String caller;

    SignatureRefused(String kind, String reason, String caller, String message) {
        super(message);
        this.kind = kind;
        this.reason = reason;
        this.caller = caller;
    }

    public String kind() {
        return kind;
    }

    /** The problem type and the metric's reason tag: missing-headers, stale-timestamp, invalid-signature. */
    public String reason() {
        return reason;
    }

    String caller() {
        return caller;
    }
}
