package io.vidyut.mdm.hes.mapping;

import static io.vidyut.mdm.hes.mapping.PayloadParserTest.NOW;
import static io.vidyut.mdm.hes.mapping.PayloadParserTest.VENDOR_A;
import static io.vidyut.mdm.hes.mapping.PayloadParserTest.VENDOR_B;
import static io.vidyut.mdm.hes.mapping.PayloadParserTest.mapping;
import static io.vidyut.mdm.hes.mapping.PayloadParserTest.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.vidyut.mdm.dlms.CosemDateTime;
import io.vidyut.mdm.dlms.DlmsData;
import io.vidyut.mdm.dlms.ObisCode;
import io.vidyut.mdm.dlms.ProfileBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a careless or hostile HES sends is a reason for one row's rejection, never the batch's failure:
 * numbers whose exponent would stall the server, digits of other scripts, control characters, a value
 * of the wrong JSON type. Only what makes the whole document unreadable refuses it.
 */
class HostileInputParserTest {
    static final PayloadMapping CODE_VALUE = mapping("""
            {"format": "JSON", "rows": "r[*]", "batch_id": "b",
             "fields": {"meter": "m", "timestamp": "t", "code": "c", "value": "v", "unit": "u", "scaler": "s", "batch_id": "b"}}""");

    /** A good row of {@link #CODE_VALUE} at 10:15 IST, with one field replaced by raw JSON. */
    static String row(String field, String json) {
        StringBuilder row = new StringBuilder("{");
        for (String[] pair : new String[][] {{"m", "\"X\""}, {"t", "\"2026-11-26T10:15:00+05:30\""}, {"c", "\"1.0.1.29.0.255\""},
                {"v", "1"}}) {
            if (row.length() > 1) row.append(", ");
            row.append('"').append(pair[0]).append("\": ").append(pair[0].equals(field) ? json : pair[1]);
        }
        if (!List.of("m", "t", "c", "v").contains(field)) row.append(", \"").append(field).append("\": ").append(json);
        return row.append('}').toString();
    }

    static ParsedPayload goodRowThen(String... rows) {
        return parse(CODE_VALUE, "{\"r\": [" + row("v", "2") + ", " + String.join(", ", rows) + "]}");
    }

    @Test
    void exponents_and_magnitudes_no_meter_can_send_are_refused_before_any_arithmetic() {
        ParsedPayload parsed = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> goodRowThen(
                row("v", "\"1e60000000\""), row("v", "1e60000000"), row("v", "\"1e-60000000\""), row("v", "0e999999999"),
                row("v", "12345678901234567"), row("v", "\"1" + "0".repeat(500) + "\""), row("v", "1" + "0".repeat(900)),
                row("v", "\"1.23456789012345678901234567890123\"")));
        assertThat(parsed.values()).singleElement().satisfies(v -> assertThat(v.value()).isEqualByComparingTo("2"));
        assertThat(parsed.rejections()).hasSize(8).allSatisfy(r -> assertThat(r.field()).isEqualTo("value"));
        assertThat(parsed.rejections()).extracting(RowRejection::reason).allSatisfy(r -> assertThat(r).contains("out of range"))
                .anySatisfy(r -> assertThat(r).contains("magnitude beyond 1e15"))
                .anySatisfy(r -> assertThat(r).contains("longer than"))
                .anySatisfy(r -> assertThat(r).contains("decimal places"))
                .anySatisfy(r -> assertThat(r).contains("significant digits"));
    }

    @Test
    void scalers_must_be_whole_and_within_nine_either_way() {
        ParsedPayload parsed = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> goodRowThen(
                row("s", "2147483648"), row("s", "-2147483648"), row("s", "2147483647"), row("s", "\"x\""),
                row("s", "\"NaN\""), row("s", "{}"), row("s", "10"), row("s", "-3")));
        assertThat(parsed.values()).extracting(v -> v.value().stripTrailingZeros().toPlainString()).containsExactly("2", "0.001");
        assertThat(parsed.rejections()).hasSize(7).allSatisfy(r -> assertThat(r.field()).isEqualTo("scaler"));
        assertThat(parsed.rejections().get(0).reason()).contains("outside -9..9");
    }

    @Test
    void only_ascii_digits_are_numbers() {
        ParsedPayload parsed = goodRowThen(row("v", "\"١٢٣\""), row("v", "\"１２３\""), row("v", "\"1٢3\""), row("s", "\"٣\""));
        assertThat(parsed.values()).hasSize(1);
        assertThat(parsed.rejections()).extracting(RowRejection::reason).allSatisfy(r -> assertThat(r).contains("not a number"));

        ParsedPayload epoch = parse(VENDOR_B, """
                {"dev": "VLT2", "ts": "١٧٦٤١٣٠٥٠٠", "data": [{"obis": "1-0:1.29.0*255", "v": 123, "s": 0, "u": "Wh"}]}""");
        assertThat(epoch.values()).isEmpty();
        assertThat(epoch.rejections()).singleElement().satisfies(r -> assertThat(r.field()).isEqualTo("timestamp"));
    }

    @Test
    void control_characters_refuse_the_row_and_what_is_kept_of_it_has_them_escaped() {
        ParsedPayload parsed = goodRowThen(row("m", "\"M\\u0000\""), row("c", "\"1.0.1.29.0.255\\u0000\""),
                row("u", "\"kWh\\u0007\""), row("m", "\"M\\n1\""), row("m", "\"\\ud800\""));
        assertThat(parsed.values()).hasSize(1);
        assertThat(parsed.rejections()).extracting(RowRejection::field).containsExactly("meter", "code", "unit", "meter", "meter");
        assertThat(parsed.rejections()).allSatisfy(r -> {
            assertThat(r.reason()).contains("control characters").doesNotContain("\u0000");
            assertThat(ForeignText.hasControl(r.raw() + r.reason())).isFalse();
        });

        ParsedPayload csv = parse(mapping("""
                {"format": "CSV", "fields": {"meter": "m", "timestamp": "t", "code": "c", "value": "v"}}"""),
                "m,t,c,v\nX,2026-11-26T10:15:00+05:30,1.0.1.29.0.255,1\nX\u0000,2026-11-26T10:15:00+05:30,1.0.1.29.0.255,1\n");
        assertThat(csv.values()).hasSize(1);
        assertThat(csv.rejections()).singleElement().satisfies(r -> assertThat(r.raw()).contains("X\\u0000").doesNotContain("\u0000"));
    }

    @Test
    void a_value_of_the_wrong_json_type_rejects_its_row_only() {
        ParsedPayload parsed = goodRowThen(row("v", "{\"a\": 1}"), row("v", "[1]"), row("v", "true"), row("m", "{\"a\": 1}"),
                row("t", "[\"2026-11-26T10:15:00+05:30\"]"), row("c", "[]"), row("u", "{}"));
        assertThat(parsed.values()).hasSize(1);
        assertThat(parsed.rejections()).extracting(RowRejection::field)
                .containsExactly("value", "value", "value", "meter", "timestamp", "code", "unit");

        ParsedPayload wide = parse(VENDOR_A, """
                {"meters": [{"serial": "HPL1", "intervals": [{"end": "2026-11-26T10:15:00+05:30",
                  "values": {"1.0.1.29.0.255": {"v": 1}, "1.0.32.27.0.255": 230, "1.0.1.8.0.255": [5]}}]}]}""");
        assertThat(wide.values()).singleElement().satisfies(v -> assertThat(v.value()).isEqualByComparingTo("230"));
        assertThat(wide.rejections()).extracting(RowRejection::reason).allSatisfy(r -> assertThat(r).contains("not a number"));
    }

    @Test
    void a_batch_id_that_cannot_name_a_batch_refuses_the_document_with_a_reason() {
        for (String id : List.of("{\"x\": 1}", "[1]", "\"B\\u0000\"", "\"" + "b".repeat(201) + "\"", "1.5", "true")) {
            assertThatThrownBy(() -> parse(CODE_VALUE, "{\"b\": " + id + ", \"r\": [" + row("v", "1") + "]}"))
                    .as(id).isInstanceOf(PayloadParser.UnreadablePayloadException.class).hasMessageContaining("batch id");
        }
        assertThat(parse(CODE_VALUE, "{\"b\": 42, \"r\": []}").batchId()).isEqualTo("42");
    }

    @Test
    void a_csv_header_with_blank_names_is_read_and_stray_quotes_cost_only_their_row() {
        PayloadMapping csv = mapping("{\"format\": \"CSV\", \"fields\": {\"meter\": \"m\", \"timestamp\": \"t\", \"code\": \"c\", \"value\": \"v\"}}");
        ParsedPayload blankName = parse(csv, "m,t,c,v,,\nX,2026-11-26T10:15:00+05:30,1.0.1.29.0.255,1,,\n");
        assertThat(blankName.values()).hasSize(1);

        ParsedPayload quotes = parse(csv, """
                m,t,c,v
                X,2026-11-26T10:15:00+05:30,1.0.1.29.0.255,"1"x
                X,2026-11-26T10:30:00+05:30,1.0.1.29.0.255,2
                """);
        assertThat(quotes.values()).extracting(v -> v.value().toPlainString()).containsExactly("2");
        assertThat(quotes.rejections()).singleElement().satisfies(r -> assertThat(r.field()).isEqualTo("value"));

        assertThatThrownBy(() -> parse(csv, "m,,c,v\nX,2026-11-26T10:15:00+05:30,1.0.1.29.0.255,1\n"))
                .isInstanceOf(PayloadParser.UnreadablePayloadException.class).hasMessageContaining("lacks column t");
    }

    @Test
    void a_dlms_profile_without_a_clock_column_is_unreadable_and_absurd_scalers_reject_their_value() {
        ProfileBuffer noClock = new ProfileBuffer(ObisCode.BLOCK_LOAD_PROFILE, "KRN1",
                List.of(new ProfileBuffer.Column(ObisCode.parse("1.0.1.29.0.255"), 3, 2, 0, 30)),
                List.of(List.of(new DlmsData.Unsigned32(250))));
        PayloadParser dlms = new PayloadParser(mapping("{\"format\": \"DLMS\", \"events\": {}}"));
        assertThatThrownBy(() -> dlms.parse(noClock.encode(1, null).encode(), NOW))
                .isInstanceOf(PayloadParser.UnreadablePayloadException.class).hasMessageContaining("clock");

        ProfileBuffer scaled = new ProfileBuffer(ObisCode.BLOCK_LOAD_PROFILE, "KRN1", List.of(ProfileBuffer.Column.clock(),
                new ProfileBuffer.Column(ObisCode.parse("1.0.1.29.0.255"), 3, 2, 127, 30),
                new ProfileBuffer.Column(ObisCode.parse("1.0.32.27.0.255"), 3, 2, -1, 35)),
                List.of(List.of(new DlmsData.OctetString(CosemDateTime.ofLocal(LocalDateTime.parse("2026-11-26T10:15")).toBytes()),
                        new DlmsData.Unsigned32(250), new DlmsData.Unsigned16(2314))));
        ParsedPayload parsed = dlms.parse(scaled.encode(1, null).encode(), NOW);
        assertThat(parsed.values()).singleElement().satisfies(v -> assertThat(v.value()).isEqualByComparingTo("231.4"));
        assertThat(parsed.rejections()).singleElement().satisfies(r -> assertThat(r.reason()).contains("out of range"));
    }

    @Test
    void event_codes_in_other_scripts_are_not_is_15959_numbers() {
        ParsedEvents parsed = new PayloadParser(EventPayloadParserTest.JSON_VENDOR).parseEvents("""
                {"events": [{"meter": "M1", "at": "2026-11-26T10:00:00+05:30", "type": "١٠١"},
                            {"meter": "M1", "at": "2026-11-26T10:00:00+05:30", "type": "101"},
                            {"meter": "M1", "at": "2026-11-26T10:00:00+05:30", "type": "PWR\\u0000"},
                            {"meter": "M1", "at": "2026-11-26T10:00:00+05:30", "type": {"x": 1}}]}"""
                .getBytes(StandardCharsets.UTF_8), NOW);
        assertThat(parsed.events()).extracting(SourceEvent::code).containsExactly(null, 101);
        assertThat(parsed.rejections()).extracting(RowRejection::field).containsExactly("code", "code");
    }
}
