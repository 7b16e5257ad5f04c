package io.vidyut.mdm.common;

/** Input that cannot be read at all, e.g. broken JSON or CSV (400). */
public class MalformedInputException extends RuntimeException {
    public MalformedInputException(String message) {
        super(message);
    }
}
