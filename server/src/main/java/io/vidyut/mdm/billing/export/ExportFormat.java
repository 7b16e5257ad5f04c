package io.vidyut.mdm.billing.export;

/** How a file export is laid out: {@link CsvLayout} or {@link FixedWidthLayout}. */
public enum ExportFormat {
    CSV("csv"),
    FIXED_WIDTH("dat");

    private final String extension;

    ExportFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }
}
