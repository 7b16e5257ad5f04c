package io.vidyut.mdm.billing.export;

import static io.vidyut.mdm.billing.export.ExportFixtures.batch;
import static io.vidyut.mdm.billing.export.ExportFixtures.d;
import static io.vidyut.mdm.billing.export.ExportFixtures.domestic;
import static io.vidyut.mdm.billing.export.ExportFixtures.replaced;
import static io.vidyut.mdm.billing.export.ExportFixtures.withAccount;
import static io.vidyut.mdm.billing.export.ExportFixtures.withMdKw;
import static io.vidyut.mdm.billing.export.FixedWidthLayout.DETAIL;
import static io.vidyut.mdm.billing.export.FixedWidthLayout.HEADER;
import static io.vidyut.mdm.billing.export.FixedWidthLayout.TRAILER;
import static io.vidyut.mdm.billing.export.FixedWidthLayout.slice;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fixed-width export read back field by field, the values that do not fit, and the layout as documented. */
class FixedWidthLayoutTest {

    @Test
    void header_details_and_trailer_hold_every_value_where_the_layout_says() {
        ExportFile file = FixedWidthLayout.render(batch(List.of(domestic(), replaced())), 1 << 20);

        assertThat(file.name()).isEqualTo("tdiscom_SAPISU_20261130_run-0042.dat");
        assertThat(file.refused()).as("the account with a comma fits X(20) as it is").isEmpty();
        List<String> records = records(file);
        assertThat(records).hasSize(4).allSatisfy(record -> assertThat(record).hasSize(FixedWidthLayout.RECORD_LENGTH));
        assertThat(FixedWidthLayout.RECORD_LENGTH).isEqualTo(533);

        String header = records.get(0);
        assertThat(slice(header, HEADER, "record_type")).isEqualTo("H");
        assertThat(slice(header, HEADER, "layout_version")).isEqualTo("01");
        assertThat(slice(header, HEADER, "tenant_code")).isEqualTo(pad("tdiscom", 64));
        assertThat(slice(header, HEADER, "system_code")).isEqualTo(pad("SAPISU", 64));
        assertThat(slice(header, HEADER, "run_id")).isEqualTo(pad("run-0042", 64));
        assertThat(slice(header, HEADER, "period_to")).isEqualTo("20261130");
        assertThat(slice(header, HEADER, "created_at")).isEqualTo("2026-12-01T06:30:00+05:30");
        assertThat(header.substring(228)).isBlank();

        String first = records.get(1);
        assertThat(slice(first, DETAIL, "record_type")).isEqualTo("D");
        assertThat(slice(first, DETAIL, "account_no")).isEqualTo("100200300           ");
        assertThat(slice(first, DETAIL, "meter_serials")).isEqualTo(pad("HPL0001", 40));
        assertThat(slice(first, DETAIL, "period_from")).isEqualTo("20261101");
        assertThat(slice(first, DETAIL, "period_to")).isEqualTo("20261130");
        assertThat(slice(first, DETAIL, "version")).isEqualTo("001");
        assertThat(slice(first, DETAIL, "status")).isEqualTo("FINAL       ");
        assertThat(slice(first, DETAIL, "kwh_import")).isEqualTo("000000000350000");
        assertThat(slice(first, DETAIL, "kwh_export")).isEqualTo("000000000020000");
        assertThat(slice(first, DETAIL, "kvah_import")).isEqualTo("000000000372500");
        assertThat(slice(first, DETAIL, "kvah_export")).isEqualTo("000000000021000");
        assertThat(slice(first, DETAIL, "md_kw")).isEqualTo("000000002450");
        assertThat(slice(first, DETAIL, "md_kw_at")).isEqualTo("2026-11-14T19:15:00+05:30");
        assertThat(slice(first, DETAIL, "md_kva")).isEqualTo("000000002610");
        assertThat(slice(first, DETAIL, "power_factor")).isEqualTo("0940");
        assertThat(slice(first, DETAIL, "opening_kwh")).isEqualTo("000000012000500");
        assertThat(slice(first, DETAIL, "closing_kwh")).isEqualTo("000000012350500");
        assertThat(slice(first, DETAIL, "estimated_share")).isEqualTo("0000200");
        assertThat(slice(first, DETAIL, "banked_kwh")).isEqualTo("000000000000000");
        assertThat(slice(first, DETAIL, "load_revision")).isEqualTo("N");
        assertThat(slice(first, DETAIL, "zone_count")).isEqualTo("03");
        assertThat(slice(first, DETAIL, "zone_1")).isEqualTo(pad("NORMAL", 16));
        assertThat(slice(first, DETAIL, "kwh_1")).isEqualTo("000000000180000");
        assertThat(slice(first, DETAIL, "zone_2")).isEqualTo(pad("PEAK", 16));
        assertThat(slice(first, DETAIL, "kwh_2")).isEqualTo("000000000090000");
        assertThat(slice(first, DETAIL, "zone_3")).isEqualTo(pad("SOLAR", 16));
        assertThat(slice(first, DETAIL, "kwh_3")).isEqualTo("000000000080000");
        assertThat(slice(first, DETAIL, "zone_4")).isBlank();
        assertThat(slice(first, DETAIL, "kwh_4")).as("an unused slot is blank, not zero").isBlank();

        String second = records.get(2);
        assertThat(slice(second, DETAIL, "account_no")).isEqualTo(pad("200,\"B\"", 20));
        assertThat(slice(second, DETAIL, "meter_serials")).isEqualTo(pad("HPL0002;HPL0003", 40));
        assertThat(slice(second, DETAIL, "period_from")).isEqualTo("20261105");
        assertThat(slice(second, DETAIL, "kwh_import")).as("1E+3").isEqualTo("000000001000000");
        assertThat(slice(second, DETAIL, "kwh_export")).as("absent: blank").isEqualTo(" ".repeat(15));
        assertThat(slice(second, DETAIL, "md_kw")).isEqualTo("000000007500");
        assertThat(slice(second, DETAIL, "md_kw_at")).isBlank();
        assertThat(slice(second, DETAIL, "power_factor")).isBlank();
        assertThat(slice(second, DETAIL, "load_revision")).isEqualTo("Y");
        assertThat(slice(second, DETAIL, "zone_1")).as("the line's own zone order").isEqualTo(pad("PEAK", 16));
        assertThat(slice(second, DETAIL, "kwh_3")).isEqualTo("000000000049500");

        String trailer = records.get(3);
        assertThat(slice(trailer, TRAILER, "record_type")).isEqualTo("T");
        assertThat(slice(trailer, TRAILER, "line_count")).isEqualTo("000000002");
        assertThat(slice(trailer, TRAILER, "kwh_import_total")).as("350 + 1000 kWh").isEqualTo("000000000000001350000");
    }

    @Test
    void a_value_that_does_not_fit_leaves_its_line_out_reported_and_the_trailer_counts_the_rest() {
        List<ExportLine> lines = List.of(
                withMdKw(domestic(), d("1234567890.5")),
                domestic(),
                withAccount(domestic(), "123456789012345678901", "HPL0001", d("10")),
                withAccount(domestic(), "400", "HPL0001", d("10.0005")),
                withAccount(domestic(), "500", "HPL0001", d("-1")),
                withAccount(domestic(), "600", "HPL०००१", d("10")));

        ExportFile file = FixedWidthLayout.render(batch(lines), 1 << 20);

        assertThat(file.refused()).containsExactly(
                new RefusedLine(0, "100200300", "md_kw: 1234567890.5 does not fit 9(9)V9(3)"),
                new RefusedLine(2, "123456789012345678901", "account_no: '123456789012345678901' does not fit X(20)"),
                new RefusedLine(3, "400", "kwh_import: 10.0005 has more than 3 decimals (9(12)V9(3))"),
                new RefusedLine(4, "500", "kwh_import: -1 is negative; 9(12)V9(3) is unsigned"),
                new RefusedLine(5, "600", "meter_serials: 'HPL०००१' is not ASCII"));
        List<String> records = records(file);
        assertThat(records).hasSize(3);
        assertThat(slice(records.get(1), DETAIL, "account_no")).isEqualTo(pad("100200300", 20));
        assertThat(slice(records.get(2), TRAILER, "line_count")).isEqualTo("000000001");
        assertThat(slice(records.get(2), TRAILER, "kwh_import_total")).isEqualTo("000000000000000350000");
    }

    @Test
    void a_header_value_that_does_not_fit_refuses_the_whole_file() {
        ExportBatch batch = new ExportBatch("tdiscom", "SAPISU", "run-0042", ExportFixtures.TO,
                OffsetDateTime.parse("2026-12-01T06:30:00+05:30:15"), List.of(domestic()));

        assertThatThrownBy(() -> FixedWidthLayout.render(batch, 1 << 20))
                .isInstanceOfSatisfying(ExportFailure.class, failure -> assertThat(failure.retryable()).isFalse())
                .hasMessage("the header does not fit the layout: created_at: '2026-12-01T06:30:00+05:30:15' does not fit "
                        + "X(25) ISO-8601");
    }

    @Test
    void a_time_finer_than_the_second_is_written_to_the_second() {
        ExportBatch batch = new ExportBatch("tdiscom", "SAPISU", "run-0042", ExportFixtures.TO,
                OffsetDateTime.parse("2026-12-01T06:30:00.123456789+05:30"), List.of(domestic()));

        String header = new String(FixedWidthLayout.render(batch, 1 << 20).content(), java.nio.charset.StandardCharsets.US_ASCII)
                .split("\r\n")[0];
        assertThat(slice(header, FixedWidthLayout.HEADER, "created_at")).isEqualTo("2026-12-01T06:30:00+05:30");
    }

    @Test
    void more_zones_than_slots_is_a_line_refused() {
        ExportLine line = domestic();
        var zones = ExportFixtures.zones("Z1", "1", "Z2", "1", "Z3", "1", "Z4", "1", "Z5", "1", "Z6", "1", "Z7", "1", "Z8", "1",
                "Z9", "1");
        ExportLine nine = new ExportLine(line.accountNo(), line.meterSerials(), line.periodFrom(), line.periodTo(), 1,
                line.status(), line.kwhImport(), null, null, null, zones, null, null, null, null, null, null, null, null, null,
                false);

        ExportFile file = FixedWidthLayout.render(batch(List.of(nine)), 1 << 20);

        assertThat(file.refused()).singleElement().extracting(RefusedLine::reason)
                .isEqualTo("kwh_by_zone: 9 zones, the layout has 8");
        assertThat(records(file)).hasSize(2);
    }

    @Test
    void the_layout_is_contiguous_and_every_field_is_documented() throws IOException {
        String docs = Files.readString(Path.of("../docs/billing.md"));
        for (List<FixedWidthLayout.Field> layout : List.of(HEADER, DETAIL, TRAILER)) {
            int next = 1;
            for (FixedWidthLayout.Field field : layout) {
                assertThat(field.start()).isEqualTo(next);
                next += field.length();
                if (field.name().matches("(zone|kwh)_[2-8]")) continue; // the docs show slot 1 and how the others follow
                assertThat(docs).as("docs/billing.md row of " + field.name())
                        .contains("| `" + field.name() + "` | " + field.start() + " | " + field.length() + " | "
                                + field.picture() + " |");
            }
            assertThat(next - 1).isLessThanOrEqualTo(FixedWidthLayout.RECORD_LENGTH);
        }
    }

    private static List<String> records(ExportFile file) {
        String text = new String(file.content(), StandardCharsets.US_ASCII);
        assertThat(text).endsWith("\r\n");
        return new ArrayList<>(Arrays.asList(text.split("\r\n")));
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(width - text.length());
    }
}
