package io.vidyut.mdm.billing.export;

import io.vidyut.mdm.common.OffsetDateTimeJson;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The CSV export: RFC 4180 (CRLF line ends, a field quoted only when it holds a comma, quote or line break), UTF-8
 * without a byte order mark, one header row. Decimals are written plain as given (never {@code 1E+3}), dates ISO-8601,
 * timestamps ISO-8601 with the offset they were given with, an absent value as an empty field. The ToD zones are one
 * column each, {@code kwh_<zone>}, in the order they first appear in the batch's lines, so that every row of a file
 * has the same columns (a line without a zone leaves it empty).
 */
final class CsvLayout {
    static final List<String> LEADING = List.of("account_no", "meter_serials", "period_from", "period_to", "version",
            "status", "kwh_import", "kwh_export", "kvah_import", "kvah_export");
    static final List<String> TRAILING = List.of("md_kw", "md_kw_at", "md_kva", "md_kva_at", "power_factor",
            "opening_kwh", "closing_kwh", "estimated_share", "banked_kwh", "load_revision");

    private CsvLayout() {}

    static ExportFile render(ExportBatch batch, long maxBytes) {
        List<RefusedLine> refused = new ArrayList<>();
        List<ExportLine> accepted = new ArrayList<>();
        Set<String> zones = new LinkedHashSet<>();
        for (int i = 0; i < batch.lines().size(); i++) {
            ExportLine line = batch.lines().get(i);
            List<String> problems = LineCheck.problems(line);
            long newZones = line.kwhByZone().keySet().stream().filter(zone -> !zones.contains(zone)).count();
            if (problems.isEmpty() && zones.size() + newZones > LineCheck.MAX_ZONES) {
                problems.add("kwh_by_zone: the file would have more than " + LineCheck.MAX_ZONES + " zone columns");
            }
            if (problems.isEmpty()) {
                accepted.add(line);
                zones.addAll(line.kwhByZone().keySet());
            } else {
                refused.add(new RefusedLine(i, line.accountNo(), String.join("; ", problems)));
            }
        }
        BoundedBuffer out = new BoundedBuffer(maxBytes);
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.RFC4180)) {
            printer.printRecord(Stream.of(LEADING.stream(), zones.stream().map(zone -> "kwh_" + zone), TRAILING.stream())
                    .flatMap(s -> s).toList());
            for (ExportLine line : accepted) printer.printRecord(row(line, zones));
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory does not fail", e);
        }
        return new ExportFile(batch.fileName(ExportFormat.CSV), out.toByteArray(), refused);
    }

    private static List<String> row(ExportLine line, Set<String> zones) {
        List<String> row = new ArrayList<>(LEADING.size() + zones.size() + TRAILING.size());
        row.add(line.accountNo());
        row.add(text(line.meterSerials()));
        row.add(line.periodFrom().toString());
        row.add(line.periodTo().toString());
        row.add(Integer.toString(line.version()));
        row.add(text(line.status()));
        row.add(plain(line.kwhImport()));
        row.add(plain(line.kwhExport()));
        row.add(plain(line.kvahImport()));
        row.add(plain(line.kvahExport()));
        for (String zone : zones) row.add(plain(line.kwhByZone().get(zone)));
        row.add(plain(line.mdKw()));
        row.add(timestamp(line.mdKwAt()));
        row.add(plain(line.mdKva()));
        row.add(timestamp(line.mdKvaAt()));
        row.add(plain(line.powerFactor()));
        row.add(plain(line.openingKwh()));
        row.add(plain(line.closingKwh()));
        row.add(plain(line.estimatedShare()));
        row.add(plain(line.bankedKwh()));
        row.add(Boolean.toString(line.loadRevision()));
        return row;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static String timestamp(OffsetDateTime value) {
        return value == null ? "" : OffsetDateTimeJson.format(value);
    }
}
