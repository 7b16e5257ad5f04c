package io.vidyut.mdm.hes;

/** A row (or one value of it) that could not become a reading, with the raw row kept for the quarantine. */
public record RowRejection(int row, String raw, String field, String reason) {}
