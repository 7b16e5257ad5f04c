package io.vidyut.mdm.billing.export;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Batches and settings the export tests share: fixed values, no clock read. */
final class ExportFixtures {
    static final OffsetDateTime CREATED_AT = OffsetDateTime.parse("2026-12-01T06:30:00+05:30");
    static final LocalDate FROM = LocalDate.parse("2026-11-01");
    static final LocalDate TO = LocalDate.parse("2026-11-30");

    private ExportFixtures() {}

    static ExportSettings settings(Path dropRoot) {
        return new ExportSettings(dropRoot, null, null, Duration.ofSeconds(5), Duration.ofSeconds(10), false);
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    static Map<String, BigDecimal> zones(Object... zoneAndKwh) {
        Map<String, BigDecimal> zones = new LinkedHashMap<>();
        for (int i = 0; i < zoneAndKwh.length; i += 2) zones.put((String) zoneAndKwh[i], d((String) zoneAndKwh[i + 1]));
        return zones;
    }

    /** A domestic consumer with every value present: ToD normal, peak and solar, an MD at 19:15 IST. */
    static ExportLine domestic() {
        return new ExportLine("100200300", "HPL0001", FROM, TO, 1, "FINAL", d("350.000"), d("20.000"), d("372.500"), d("21.000"),
                zones("NORMAL", "180.000", "PEAK", "90.000", "SOLAR", "80.000"), d("2.450"),
                OffsetDateTime.parse("2026-11-14T19:15:00+05:30"), d("2.610"), OffsetDateTime.parse("2026-11-14T19:15:00+05:30"),
                d("0.940"), d("12000.500"), d("12350.500"), d("0.0200"), d("0"), false);
    }

    /**
     * A meter replaced mid-cycle (two serials), values absent, another zone order and a zone of its own, an amount
     * given with an exponent, and an account number a CSV writer must quote.
     */
    static ExportLine replaced() {
        return new ExportLine("200,\"B\"", "HPL0002;HPL0003", LocalDate.parse("2026-11-05"), TO, 2, "PROVISIONAL",
                d("1E+3"), null, null, null, zones("PEAK", "400", "NORMAL", "550.5", "OFF_PEAK", "49.5"), d("7.5"), null, null,
                null, null, null, null, null, d("12.25"), true);
    }

    static ExportBatch batch(List<ExportLine> lines) {
        return new ExportBatch("tdiscom", "SAPISU", "run-0042", TO, CREATED_AT, lines);
    }

    /** The line with another maximum demand. */
    static ExportLine withMdKw(ExportLine line, BigDecimal mdKw) {
        return new ExportLine(line.accountNo(), line.meterSerials(), line.periodFrom(), line.periodTo(), line.version(),
                line.status(), line.kwhImport(), line.kwhExport(), line.kvahImport(), line.kvahExport(), line.kwhByZone(), mdKw,
                line.mdKwAt(), line.mdKva(), line.mdKvaAt(), line.powerFactor(), line.openingKwh(), line.closingKwh(),
                line.estimatedShare(), line.bankedKwh(), line.loadRevision());
    }

    /** The line with another account, meters and import. */
    static ExportLine withAccount(ExportLine line, String accountNo, String meterSerials, BigDecimal kwhImport) {
        return new ExportLine(accountNo, meterSerials, line.periodFrom(), line.periodTo(), line.version(), line.status(),
                kwhImport, line.kwhExport(), line.kvahImport(), line.kvahExport(), line.kwhByZone(), line.mdKw(), line.mdKwAt(),
                line.mdKva(), line.mdKvaAt(), line.powerFactor(), line.openingKwh(), line.closingKwh(), line.estimatedShare(),
                line.bankedKwh(), line.loadRevision());
    }
}
