package io.vidyut.mdm.billing.export;

import static io.vidyut.mdm.billing.export.ExportFixtures.batch;
import static io.vidyut.mdm.billing.export.ExportFixtures.domestic;
import static io.vidyut.mdm.billing.export.ExportFixtures.replaced;
import static io.vidyut.mdm.billing.export.ExportFixtures.withAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/** The CSV export against a small golden file, and the lines it leaves out. */
class CsvLayoutTest {
    static final String GOLDEN = """
            account_no,meter_serials,period_from,period_to,version,status,kwh_import,kwh_export,kvah_import,kvah_export,\
            kwh_NORMAL,kwh_PEAK,kwh_SOLAR,kwh_OFF_PEAK,md_kw,md_kw_at,md_kva,md_kva_at,power_factor,opening_kwh,closing_kwh,\
            estimated_share,banked_kwh,load_revision\r
            100200300,HPL0001,2026-11-01,2026-11-30,1,FINAL,350.000,20.000,372.500,21.000,180.000,90.000,80.000,,2.450,\
            2026-11-14T19:15:00+05:30,2.610,2026-11-14T19:15:00+05:30,0.940,12000.500,12350.500,0.0200,0,false\r
            "200,""B""\",HPL0002;HPL0003,2026-11-05,2026-11-30,2,PROVISIONAL,1000,,,,550.5,400,,49.5,7.5,,,,,,,,12.25,true\r
            """;

    @Test
    void a_batch_is_the_golden_file_byte_for_byte() {
        ExportFile file = CsvLayout.render(batch(List.of(domestic(), replaced())), 1 << 20);

        assertThat(file.name()).isEqualTo("tdiscom_SAPISU_20261130_run-0042.csv");
        assertThat(new String(file.content(), StandardCharsets.UTF_8)).isEqualTo(GOLDEN);
        assertThat(file.refused()).isEmpty();
    }

    @Test
    void a_reader_finds_every_field_under_its_column() throws IOException {
        List<CSVRecord> rows = parse(CsvLayout.render(batch(List.of(domestic(), replaced())), 1 << 20));

        CSVRecord first = rows.get(0);
        assertThat(first.get("account_no")).isEqualTo("100200300");
        assertThat(first.get("meter_serials")).isEqualTo("HPL0001");
        assertThat(first.get("period_from")).isEqualTo("2026-11-01");
        assertThat(first.get("period_to")).isEqualTo("2026-11-30");
        assertThat(first.get("version")).isEqualTo("1");
        assertThat(first.get("status")).isEqualTo("FINAL");
        assertThat(first.get("kwh_import")).isEqualTo("350.000");
        assertThat(first.get("kvah_import")).isEqualTo("372.500");
        assertThat(first.get("kwh_NORMAL")).isEqualTo("180.000");
        assertThat(first.get("kwh_PEAK")).isEqualTo("90.000");
        assertThat(first.get("kwh_SOLAR")).isEqualTo("80.000");
        assertThat(first.get("kwh_OFF_PEAK")).as("a zone only another line has").isEmpty();
        assertThat(first.get("md_kw_at")).isEqualTo("2026-11-14T19:15:00+05:30");
        assertThat(first.get("power_factor")).isEqualTo("0.940");
        assertThat(first.get("estimated_share")).isEqualTo("0.0200");
        assertThat(first.get("load_revision")).isEqualTo("false");

        CSVRecord second = rows.get(1);
        assertThat(second.get("account_no")).isEqualTo("200,\"B\"");
        assertThat(second.get("meter_serials")).isEqualTo("HPL0002;HPL0003");
        assertThat(second.get("kwh_import")).as("plain, not 1E+3").isEqualTo("1000");
        assertThat(second.get("kwh_export")).as("absent").isEmpty();
        assertThat(second.get("kwh_NORMAL")).as("by name, whatever the line's own zone order").isEqualTo("550.5");
        assertThat(second.get("kwh_PEAK")).isEqualTo("400");
        assertThat(second.get("kwh_OFF_PEAK")).isEqualTo("49.5");
        assertThat(second.get("md_kw_at")).isEmpty();
        assertThat(second.get("banked_kwh")).isEqualTo("12.25");
        assertThat(second.get("load_revision")).isEqualTo("true");
    }

    @Test
    void a_line_that_cannot_be_exported_is_reported_and_the_others_go() throws IOException {
        ExportLine broken = withAccount(domestic(), "300\n400", "HPL0009", ExportFixtures.d("1E+20"));
        ExportLine noAccount = withAccount(domestic(), " ", "HPL0010", ExportFixtures.d("1"));
        ExportLine d = domestic();
        ExportLine zoneNamedLikeAColumn = new ExportLine("700", null, d.periodFrom(), d.periodTo(), 1, null, null, null, null,
                null, ExportFixtures.zones("import", "5"), null, null, null, null, null, null, null, null, null, false);

        ExportFile file = CsvLayout.render(batch(List.of(broken, domestic(), noAccount, zoneNamedLikeAColumn)), 1 << 20);

        assertThat(parse(file)).extracting(row -> row.get("account_no")).containsExactly("100200300");
        assertThat(file.refused()).containsExactly(
                new RefusedLine(0, "300\n400", "account_no: holds control characters; "
                        + "kwh_import: more than 15 digits before the decimal point"),
                new RefusedLine(2, " ", "account_no: missing"),
                new RefusedLine(3, "700", "kwh_by_zone: a zone may not be named 'import' (kwh_import is a column of its own)"));
    }

    @Test
    void a_file_beyond_max_bytes_is_refused_whole() {
        assertThatThrownBy(() -> CsvLayout.render(batch(List.of(domestic(), replaced())), 300))
                .isInstanceOfSatisfying(ExportFailure.class, failure -> assertThat(failure.retryable()).isFalse())
                .hasMessageContaining("mdm.billing.export.max-bytes");
    }

    private static List<CSVRecord> parse(ExportFile file) throws IOException {
        return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(file.content(), StandardCharsets.UTF_8))).getRecords();
    }
}
