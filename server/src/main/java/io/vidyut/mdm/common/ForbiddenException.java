package io.vidyut.mdm.common;

/** The caller is known but may not do this here (403). */
public class ForbiddenException extends RuntimeException {
    public ForbiddenException(String message) {
        super(message);
    }
}
