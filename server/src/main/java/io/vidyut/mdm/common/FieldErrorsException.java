package io.vidyut.mdm.common;

import java.util.List;

/** Input that is well-formed but wrong, with a reason per field (422 problem with `errors`). */
public class FieldErrorsException extends RuntimeException {
    private final List<FieldError> errors;

    public FieldErrorsException(List<FieldError> errors) {
        super("Invalid input: " + errors);
        this.errors = List.copyOf(errors);
    }

    public static FieldErrorsException of(String field, String message) {
        return new FieldErrorsException(List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    public record FieldError(String field, String message) {}
}
