package io.vidyut.mdm.billing.cycles;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The consumption summary as CSV: one line per consumer-period, a {@code kwh_<zone>} column per ToD zone on the page. */
final class SummaryCsv {
    private static final List<String> COLUMNS = List.of("account_no", "consumer_id", "category", "first_day", "last_day", "version",
            "status", "kwh_import", "kwh_export", "kvah_import", "kvah_export", "md_kw", "md_kw_at", "md_kva", "md_kva_at",
            "power_factor", "net_kwh", "banked_closing_kwh", "meters", "opening_kwh", "closing_kwh", "sum_check_difference_kwh",
            "estimated_share", "missing_share", "md_exceeds_load", "exceedances_in_year", "load_revision", "data_version",
            "exceptions", "bill_number");

    private SummaryCsv() {}

    static void write(List<ConsumptionSummary.SummaryLine> lines, Writer out) throws IOException {
        Set<String> zones = new LinkedHashSet<>();
        lines.forEach(l -> l.determinants().zones().forEach(z -> zones.add(z.zone())));
        List<String> header = new ArrayList<>(COLUMNS);
        zones.forEach(z -> header.add("kwh_" + z));
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (ConsumptionSummary.SummaryLine line : lines) {
                CycleDeterminants d = line.determinants();
                List<Object> row = new ArrayList<>(List.of(d.accountNo(), d.consumerId(), d.category(), d.firstDay(), d.lastDay()));
                row.add(line.version() == null ? "" : line.version());
                row.add(line.status() == null ? "COMPUTED" : line.status());
                row.addAll(List.of(plain(d.energy().kwhImport()), plain(d.energy().kwhExport()), plain(d.energy().kvahImport()),
                        plain(d.energy().kvahExport()), plain(d.demand().mdKw()), text(d.demand().mdKwAt()), plain(d.demand().mdKva()),
                        text(d.demand().mdKvaAt()), plain(d.powerFactor())));
                row.add(d.netMetering() == null ? "" : plain(d.netMetering().netKwh()));
                row.add(d.netMetering() == null ? "" : plain(d.netMetering().bankedClosingKwh()));
                row.add(d.meters().stream().map(CycleDeterminants.MeterRead::serial).collect(Collectors.joining(";")));
                row.add(d.meters().stream().map(m -> plain(m.openingKwh())).collect(Collectors.joining(";")));
                row.add(d.meters().stream().map(m -> plain(m.closingKwh())).collect(Collectors.joining(";")));
                row.add(d.meters().stream().map(m -> plain(m.difference())).collect(Collectors.joining(";")));
                row.addAll(List.of(plain(d.coverage().estimatedShare()), plain(d.coverage().missingShare()), d.demand().exceedsLoad(),
                        d.demand().exceedancesInYear(), d.demand().loadRevision(), d.dataVersion(),
                        d.exceptions().stream().map(CycleDeterminants.Reason::code).collect(Collectors.joining(";")),
                        line.billed() == null ? "" : line.billed().billNumber()));
                for (String zone : zones) {
                    row.add(d.zones().stream().filter(z -> z.zone().equals(zone)).findFirst().map(z -> plain(z.kwhImport())).orElse(""));
                }
                csv.printRecord(row);
            }
        }
    }

    private static String plain(BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }
}
