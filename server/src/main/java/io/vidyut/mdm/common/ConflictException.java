package io.vidyut.mdm.common;

/** The request clashes with existing data, e.g. a duplicate business key (409). */
public class ConflictException extends RuntimeException {
    public ConflictException(String message) {
        super(message);
    }
}
