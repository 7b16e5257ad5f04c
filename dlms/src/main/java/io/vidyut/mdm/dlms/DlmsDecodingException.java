package io.vidyut.mdm.dlms;

/** Malformed DLMS input, with the byte offset (from the start of the input) where decoding failed. */
public class DlmsDecodingException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int offset;
    private final String reason;

    public DlmsDecodingException(int offset, String reason) {
        super("at byte offset " + offset + ": " + reason);
        this.offset = offset;
        this.reason = reason;
    }

    public int offset() {
        return offset;
    }

    public String reason() {
        return reason;
    }
}
