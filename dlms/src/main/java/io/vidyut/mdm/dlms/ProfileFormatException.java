package io.vidyut.mdm.dlms;

/** Well-formed A-XDR whose shape does not follow the profile push convention; the message names the element path. */
public class ProfileFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ProfileFormatException(String message) {
        super(message);
    }

    public ProfileFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
