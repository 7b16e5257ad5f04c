package io.vidyut.mdm.common;

/** Zero-based page of a list endpoint; size is capped so no call can pull a whole table. */
public record PageRequest(int page, int size) {
    public static final int MAX_SIZE = 1000;

    public PageRequest {
        if (page < 0) throw FieldErrorsException.of("page", "must be 0 or more");
        if (size < 1 || size > MAX_SIZE) throw FieldErrorsException.of("size", "must be between 1 and " + MAX_SIZE);
    }

    public long offset() {
        return (long) page * size;
    }
}
