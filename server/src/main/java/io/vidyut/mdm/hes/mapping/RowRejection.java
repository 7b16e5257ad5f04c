package io.vidyut.mdm.hes.mapping;

/**
 * A row (or one value of it) that could not become a reading, with the raw row kept for the quarantine.
 * Raw text and reason are made storable here, once for every format: they quote what the HES sent.
 */
public record RowRejection(int row, String raw, String field, String reason) {
    public RowRejection {
        raw = raw == null ? "" : ForeignText.storable(raw);
        field = ForeignText.storable(field);
        reason = ForeignText.storable(reason);
    }
}
