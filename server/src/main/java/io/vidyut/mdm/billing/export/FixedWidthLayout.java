package io.vidyut.mdm.billing.export;

import io.vidyut.mdm.common.OffsetDateTimeJson;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fixed-width export, in the manner of an SAP IS-U upload file: US-ASCII, CRLF after every record, every record
 * {@link #RECORD_LENGTH} characters. One header record {@code H}, a detail record {@code D} per exported line, one
 * trailer record {@code T} whose line count and kWh total let the billing system check it read the whole file.
 *
 * <p>Numbers are unsigned, right-aligned and zero-padded, with implied decimals ({@code 9(12)V9(3)}: 12 digits, an
 * implied decimal point, 3 digits: 1234.5 is {@code 000000001234500}); text is left-aligned and space-padded; an absent
 * value is all spaces. A value that does not fit its field (too long, too many digits or decimals, negative, not
 * ASCII) is never truncated or rounded: its line is left out and reported, the others are exported. The layout is
 * {@link #HEADER}, {@link #DETAIL} and {@link #TRAILER}, and docs/billing.md shows it.
 */
final class FixedWidthLayout {
    static final String LAYOUT_VERSION = "01";
    static final int ZONE_SLOTS = 8;
    static final String RECORD_END = "\r\n";

    enum Kind { TEXT, NUMBER, DATE, TIMESTAMP, FLAG }

    /** A field of a record: its name, first position (from 1), width, kind and implied decimals (numbers). */
    record Field(String name, int start, int length, Kind kind, int decimals) {
        /** COBOL-style picture, as the layout documentation shows it: {@code X(20)}, {@code 9(8)}, {@code 9(12)V9(3)}. */
        String picture() {
            return switch (kind) {
                case NUMBER -> decimals == 0 ? "9(" + length + ")" : "9(" + (length - decimals) + ")V9(" + decimals + ")";
                case DATE -> "9(8) yyyyMMdd";
                case TIMESTAMP -> "X(25) ISO-8601";
                case FLAG -> "X(1) Y/N";
                case TEXT -> "X(" + length + ")";
            };
        }
    }

    static final List<Field> HEADER = new Fields()
            .text("record_type", 1).text("layout_version", 2).text("tenant_code", 64).text("system_code", 64)
            .text("run_id", 64).date("period_to").timestamp("created_at").build();

    static final List<Field> DETAIL = detail();

    static final List<Field> TRAILER = new Fields()
            .text("record_type", 1).number("line_count", 9, 0).number("kwh_import_total", 21, 3).build();

    static final int RECORD_LENGTH = end(DETAIL);

    private FixedWidthLayout() {}

    static ExportFile render(ExportBatch batch, long maxBytes) {
        List<RefusedLine> refused = new ArrayList<>();
        BoundedBuffer out = new BoundedBuffer(maxBytes);
        RecordWriter header = new RecordWriter(HEADER);
        header.put("record_type", "H").put("layout_version", LAYOUT_VERSION).put("tenant_code", batch.tenantCode())
                .put("system_code", batch.systemCode()).put("run_id", batch.runId()).put("period_to", batch.periodTo())
                .put("created_at", batch.createdAt());
        if (!header.problems().isEmpty()) {
            // no file without its header: the whole batch waits until the run's values fit
            throw ExportFailure.permanent("the header does not fit the layout: " + String.join("; ", header.problems()));
        }
        write(out, header.record());
        long count = 0;
        BigDecimal kwhTotal = BigDecimal.ZERO;
        for (int i = 0; i < batch.lines().size(); i++) {
            ExportLine line = batch.lines().get(i);
            List<String> problems = LineCheck.problems(line);
            String record = null;
            if (problems.isEmpty()) {
                RecordWriter detail = detail(line);
                problems = detail.problems();
                record = detail.record();
            }
            if (!problems.isEmpty()) {
                refused.add(new RefusedLine(i, line.accountNo(), String.join("; ", problems)));
                continue;
            }
            write(out, record);
            count++;
            if (line.kwhImport() != null) kwhTotal = kwhTotal.add(line.kwhImport());
        }
        RecordWriter trailer = new RecordWriter(TRAILER);
        trailer.put("record_type", "T").put("line_count", BigDecimal.valueOf(count)).put("kwh_import_total", kwhTotal);
        if (!trailer.problems().isEmpty()) throw new IllegalStateException("the trailer must fit: " + trailer.problems());
        write(out, trailer.record());
        return new ExportFile(batch.fileName(ExportFormat.FIXED_WIDTH), out.toByteArray(), refused);
    }

    private static RecordWriter detail(ExportLine line) {
        RecordWriter detail = new RecordWriter(DETAIL).put("record_type", "D").put("account_no", line.accountNo())
                .put("meter_serials", line.meterSerials()).put("period_from", line.periodFrom())
                .put("period_to", line.periodTo()).put("version", BigDecimal.valueOf(line.version()))
                .put("status", line.status()).put("kwh_import", line.kwhImport()).put("kwh_export", line.kwhExport())
                .put("kvah_import", line.kvahImport()).put("kvah_export", line.kvahExport()).put("md_kw", line.mdKw())
                .put("md_kw_at", line.mdKwAt()).put("md_kva", line.mdKva()).put("md_kva_at", line.mdKvaAt())
                .put("power_factor", line.powerFactor()).put("opening_kwh", line.openingKwh())
                .put("closing_kwh", line.closingKwh()).put("estimated_share", line.estimatedShare())
                .put("banked_kwh", line.bankedKwh()).put("load_revision", line.loadRevision())
                .put("zone_count", BigDecimal.valueOf(line.kwhByZone().size()));
        List<Map.Entry<String, BigDecimal>> zones = List.copyOf(line.kwhByZone().entrySet());
        if (zones.size() > ZONE_SLOTS) detail.problem("kwh_by_zone: " + zones.size() + " zones, the layout has " + ZONE_SLOTS);
        for (int slot = 1; slot <= ZONE_SLOTS; slot++) {
            Map.Entry<String, BigDecimal> zone = slot <= zones.size() ? zones.get(slot - 1) : null;
            detail.put("zone_" + slot, zone == null ? null : zone.getKey()).put("kwh_" + slot, zone == null ? null : zone.getValue());
        }
        return detail;
    }

    private static List<Field> detail() {
        Fields fields = new Fields().text("record_type", 1).text("account_no", 20).text("meter_serials", 40)
                .date("period_from").date("period_to").number("version", 3, 0).text("status", 12)
                .number("kwh_import", 15, 3).number("kwh_export", 15, 3).number("kvah_import", 15, 3)
                .number("kvah_export", 15, 3).number("md_kw", 12, 3).timestamp("md_kw_at").number("md_kva", 12, 3)
                .timestamp("md_kva_at").number("power_factor", 4, 3).number("opening_kwh", 15, 3)
                .number("closing_kwh", 15, 3).number("estimated_share", 7, 4).number("banked_kwh", 15, 3)
                .flag("load_revision").number("zone_count", 2, 0);
        for (int slot = 1; slot <= ZONE_SLOTS; slot++) fields.text("zone_" + slot, 16).number("kwh_" + slot, 15, 3);
        return fields.build();
    }

    /** The text of a field in a record (for readers and tests). */
    static String slice(String record, List<Field> layout, String name) {
        Field field = layout.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no field " + name));
        return record.substring(field.start() - 1, field.start() - 1 + field.length());
    }

    private static int end(List<Field> layout) {
        Field last = layout.get(layout.size() - 1);
        return last.start() + last.length() - 1;
    }

    private static void write(BoundedBuffer out, String record) {
        out.writeBytes((record + RECORD_END).getBytes(StandardCharsets.US_ASCII));
    }

    /** Lays fields out one after the other. */
    private static final class Fields {
        private final List<Field> fields = new ArrayList<>();
        private int next = 1;

        Fields text(String name, int length) {
            return add(name, length, Kind.TEXT, 0);
        }

        Fields number(String name, int length, int decimals) {
            return add(name, length, Kind.NUMBER, decimals);
        }

        Fields date(String name) {
            return add(name, 8, Kind.DATE, 0);
        }

        Fields timestamp(String name) {
            return add(name, 25, Kind.TIMESTAMP, 0);
        }

        Fields flag(String name) {
            return add(name, 1, Kind.FLAG, 0);
        }

        private Fields add(String name, int length, Kind kind, int decimals) {
            fields.add(new Field(name, next, length, kind, decimals));
            next += length;
            return this;
        }

        List<Field> build() {
            return List.copyOf(fields);
        }
    }

    /**
     * Fills one record field by field, in layout order (a put out of order is a bug here, and fails), and notes every
     * value that does not fit instead of cutting it.
     */
    private static final class RecordWriter {
        private final List<Field> layout;
        private final StringBuilder record = new StringBuilder(RECORD_LENGTH);
        private final List<String> problems = new ArrayList<>();
        private int next;

        RecordWriter(List<Field> layout) {
            this.layout = layout;
        }

        RecordWriter put(String name, Object value) {
            Field field = layout.get(next++);
            if (!field.name().equals(name)) throw new IllegalStateException("field " + field.name() + " comes before " + name);
            String text = value == null ? "" : switch (field.kind()) {
                case TEXT -> (String) value;
                case NUMBER -> digits(field, (BigDecimal) value);
                case DATE -> DateTimeFormatter.BASIC_ISO_DATE.format((LocalDate) value);
                // to the second: 25 characters hold a whole-second time with its offset, and no billing system reads finer
                case TIMESTAMP -> OffsetDateTimeJson.format(((OffsetDateTime) value).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
                case FLAG -> (Boolean) value ? "Y" : "N";
            };
            if (text == null) {
                text = ""; // digits() noted the problem
            } else if (!StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
                problem(field.name() + ": '" + text + "' is not ASCII");
                text = "";
            } else if (text.length() > field.length()) {
                problem(field.name() + ": '" + text + "' does not fit " + field.picture());
                text = "";
            }
            boolean rightAligned = field.kind() == Kind.NUMBER && !text.isEmpty();
            String padding = (rightAligned ? "0" : " ").repeat(field.length() - text.length());
            record.append(rightAligned ? padding + text : text + padding);
            return this;
        }

        /** The number's digits without the decimal point, or null (with a problem noted) when it cannot be written so. */
        private String digits(Field field, BigDecimal value) {
            if (value.signum() < 0) {
                problem(field.name() + ": " + value.toPlainString() + " is negative; " + field.picture() + " is unsigned");
                return null;
            }
            if (value.stripTrailingZeros().scale() > field.decimals()) {
                problem(field.name() + ": " + value.toPlainString() + " has more than " + field.decimals() + " decimals ("
                        + field.picture() + ")");
                return null;
            }
            String digits = value.setScale(field.decimals()).unscaledValue().toString();
            if (digits.length() > field.length()) {
                problem(field.name() + ": " + value.toPlainString() + " does not fit " + field.picture());
                return null;
            }
            return digits;
        }

        void problem(String problem) {
            problems.add(problem);
        }

        List<String> problems() {
            return problems;
        }

        String record() {
            if (next != layout.size()) throw new IllegalStateException("field " + layout.get(next).name() + " was not filled");
            return record + " ".repeat(RECORD_LENGTH - record.length());
        }
    }
}
