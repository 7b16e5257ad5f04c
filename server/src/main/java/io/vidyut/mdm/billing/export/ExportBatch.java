package io.vidyut.mdm.billing.export;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One billing run's lines for one billing system. The tenant, system and run name the file
 * ({@code <tenant>_<system>_<periodTo>_<runId>.csv|.dat}), so they are restricted to letters, digits, {@code -} and
 * {@code _}: no path can be smuggled into a name.
 *
 * @param periodTo  the last day of the cycle exported (lines may end earlier: a meter closed mid-cycle)
 * @param createdAt when the run made the batch; written in the file header, never the time of delivery
 */
public record ExportBatch(String tenantCode, String systemCode, String runId, LocalDate periodTo, OffsetDateTime createdAt,
                          List<ExportLine> lines) {
    private static final Pattern NAME_PART = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    public ExportBatch {
        nameable("tenantCode", tenantCode);
        nameable("systemCode", systemCode);
        nameable("runId", runId);
        Objects.requireNonNull(periodTo, "periodTo");
        Objects.requireNonNull(createdAt, "createdAt");
        lines = List.copyOf(lines);
    }

    /** The file's name in the given format. */
    public String fileName(ExportFormat format) {
        return tenantCode + "_" + systemCode + "_" + DateTimeFormatter.BASIC_ISO_DATE.format(periodTo) + "_" + runId
                + "." + format.extension();
    }

    private static void nameable(String what, String value) {
        if (value == null || !NAME_PART.matcher(value).matches()) {
            throw new IllegalArgumentException(what + " must be 1-64 letters, digits, '-' or '_' (it names the file): " + value);
        }
    }
}
