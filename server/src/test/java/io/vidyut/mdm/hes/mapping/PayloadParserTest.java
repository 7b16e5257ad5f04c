package io.vidyut.mdm.hes.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.dlms.CosemDateTime;
import io.vidyut.mdm.dlms.DlmsData;
import io.vidyut.mdm.dlms.ObisCode;
import io.vidyut.mdm.dlms.ProfileBuffer;
import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.channels.Quality;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** A vendor's payload becomes canonical values by its mapping alone: shapes, notations, units, clocks. */
class PayloadParserTest {
    static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    static final JsonMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(tools.jackson.databind.PropertyNamingStrategies.SNAKE_CASE).build();

    static PayloadMapping mapping(String json) {
        return JSON.readValue(json, PayloadMapping.class);
    }

    static final PayloadMapping VENDOR_A = mapping("""
            {"format": "JSON", "rows": "meters[*].intervals[*]",
             "fields": {"meter": "^.serial", "timestamp": "end", "values": "values", "batch_id": "batch_id"}}""");

    static final PayloadMapping VENDOR_B = mapping("""
            {"format": "JSON", "rows": "data[*]", "timestamp_format": "EPOCH_SECONDS", "time_zone": "UTC",
             "interval_stamp": "START",
             "fields": {"meter": "^.dev", "timestamp": "^.ts", "code": "obis", "value": "v", "scaler": "s", "unit": "u"}}""");

    static ParsedPayload parse(PayloadMapping mapping, String payload) {
        return new PayloadParser(mapping).parse(payload.getBytes(StandardCharsets.UTF_8), NOW);
    }

    @Test
    void vendor_a_nested_json_with_dotted_obis_in_kwh_stamped_at_interval_end_in_ist() {
        ParsedPayload parsed = parse(VENDOR_A, """
                {"batch_id": "HPL-1", "meters": [{"serial": "HPL1", "intervals": [
                  {"end": "2026-11-26T10:15:00+05:30", "values": {"1.0.1.29.0.255": 0.123, "1.0.32.27.0.255": 231.4}},
                  {"end": "2026-11-26T00:00:00+05:30", "values": {"1.0.1.8.0.255": 1234.5}}]}]}""");
        assertThat(parsed.batchId()).isEqualTo("HPL-1");
        assertThat(parsed.rejections()).isEmpty();
        assertThat(parsed.values()).extracting(SourceValue::channel)
                .containsExactly(Channel.KWH_IMPORT, Channel.VOLTAGE_R_AVG, Channel.KWH_IMPORT_TOTAL);
        SourceValue energy = parsed.values().get(0);
        assertThat(energy.meterSerial()).isEqualTo("HPL1");
        assertThat(energy.at()).isEqualTo(Instant.parse("2026-11-26T04:45:00Z"));
        assertThat(energy.intervalMinutes()).isEqualTo(15);
        assertThat(energy.value()).isEqualByComparingTo("0.123");
        assertThat(parsed.values().get(2).intervalMinutes()).isZero();
    }

    @Test
    void iso_timestamps_in_every_shape_vendors_send_mean_the_same_instant() {
        ParsedPayload parsed = parse(VENDOR_A, """
                {"meters": [{"serial": "HPL1", "intervals": [
                  {"end": "2026-11-26T10:15:00+05:30", "values": {"1.0.1.29.0.255": 1}},
                  {"end": "2026-11-26T04:45:00Z", "values": {"1.0.1.29.0.255": 2}},
                  {"end": "2026-11-26t04:45:00.000z", "values": {"1.0.1.29.0.255": 3}},
                  {"end": "2026-11-26 10:15:00+05:30", "values": {"1.0.1.29.0.255": 4}},
                  {"end": "2026-11-26T10:15+05:30", "values": {"1.0.1.29.0.255": 5}},
                  {"end": "2026-11-26T10:15:00", "values": {"1.0.1.29.0.255": 6}},
                  {"end": "2026-11-26T10:15", "values": {"1.0.1.29.0.255": 7}},
                  {"end": "26/11/2026 10:15", "values": {"1.0.1.29.0.255": 8}}]}]}""");
        assertThat(parsed.values()).hasSize(7).allSatisfy(value ->
                assertThat(value.at()).isEqualTo(Instant.parse("2026-11-26T04:45:00Z")));
        assertThat(parsed.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.field()).isEqualTo("timestamp");
            assertThat(rejection.reason()).contains("26/11/2026 10:15");
        });
    }

    @Test
    void json_decimals_are_read_exactly_however_many_digits_they_have() {
        ParsedPayload parsed = parse(VENDOR_A, """
                {"meters": [{"serial": "HPL1", "intervals": [{"end": "2026-11-26T10:15:00+05:30",
                  "values": {"1.0.1.29.0.255": 0.1, "1.0.1.8.0.255": 12345678901234.567, "1.0.32.27.0.255": 2.5E2}}]}]}""");
        assertThat(parsed.values()).extracting(SourceValue::value).map(BigDecimal::toPlainString)
                .containsExactly("0.1", "12345678901234.567", "250");
    }

    @Test
    void vendor_b_iec_notation_in_wh_with_scaler_epoch_seconds_stamped_at_interval_start() {
        ParsedPayload parsed = parse(VENDOR_B, """
                {"dev": "VLT2", "ts": 1764130500, "data": [
                  {"obis": "1-0:1.29.0*255", "v": 123, "s": 0, "u": "Wh"},
                  {"obis": "1-0:32.27.0*255", "v": 2314, "s": -1, "u": "V"}]}""");
        assertThat(parsed.rejections()).isEmpty();
        SourceValue energy = parsed.values().get(0);
        assertThat(energy.channel()).isEqualTo(Channel.KWH_IMPORT);
        assertThat(energy.value()).isEqualByComparingTo("0.123");
        assertThat(energy.at()).isEqualTo(Instant.ofEpochSecond(1764130500 + 900));
        assertThat(parsed.values().get(1).value()).isEqualByComparingTo("231.4");
    }

    @Test
    void every_obis_notation_and_vendor_names_resolve_to_the_same_channel() {
        PayloadMapping mapping = mapping("""
                {"format": "JSON", "rows": "r[*]", "codes": {"kwh_imp": "KWH_IMPORT"},
                 "fields": {"meter": "m", "timestamp": "t", "code": "c", "value": "v"}}""");
        ParsedPayload parsed = parse(mapping, """
                {"r": [{"m": "X", "t": "2026-11-26T10:15:00+05:30", "c": "1.0.1.29.0.255", "v": 1},
                       {"m": "X", "t": "2026-11-26T10:30:00+05:30", "c": "1-0:1.29.0*255", "v": 1},
                       {"m": "X", "t": "2026-11-26T10:45:00+05:30", "c": "1-0:1.29.0", "v": 1},
                       {"m": "X", "t": "2026-11-26T11:00:00+05:30", "c": "0100011D00FF", "v": 1},
                       {"m": "X", "t": "2026-11-26T11:15:00+05:30", "c": "KWH_IMP", "v": 1}]}""");
        assertThat(parsed.rejections()).isEmpty();
        assertThat(parsed.values()).extracting(SourceValue::channel).containsOnly(Channel.KWH_IMPORT).hasSize(5);
    }

    @Test
    void bad_rows_are_rejected_with_reasons_and_good_rows_kept() {
        PayloadMapping mapping = mapping("""
                {"format": "JSON", "rows": "r[*]", "fields": {"meter": "m", "timestamp": "t", "code": "c", "value": "v", "unit": "u"}}""");
        ParsedPayload parsed = parse(mapping, """
                {"r": [{"m": "X", "t": "2026-11-26T10:15:00+05:30", "c": "1.0.1.29.0.255", "v": 0.5},
                       {"m": "X", "t": "2026-11-26T10:15:00+05:30", "c": "9.9.9.9.9.9", "v": 1},
                       {"m": "X", "t": "2026-11-26T10:15:00+05:30", "c": "1.0.1.29.0.255", "v": 1, "u": "V"},
                       {"m": "X", "t": "2036-11-26T10:15:00+05:30", "c": "1.0.1.29.0.255", "v": 1},
                       {"m": "X", "t": "yesterday", "c": "1.0.1.29.0.255", "v": 1},
                       {"t": "2026-11-26T10:15:00+05:30", "c": "1.0.1.29.0.255", "v": 1},
                       {"m": "X", "t": "2026-11-26T10:15:00+05:30", "c": "1.0.1.29.0.255", "v": "lots"}]}""");
        assertThat(parsed.values()).hasSize(1);
        assertThat(parsed.rejections()).extracting(RowRejection::row).containsExactly(2, 3, 4, 5, 6, 7);
        assertThat(parsed.rejections()).extracting(RowRejection::reason).satisfiesExactly(
                r -> assertThat(r).contains("unknown code 9.9.9.9.9.9"),
                r -> assertThat(r).contains("unit V does not measure KWH_IMPORT"),
                r -> assertThat(r).contains("in the future: 2036-11-26T10:15+05:30"),
                r -> assertThat(r).contains("unreadable timestamp"),
                r -> assertThat(r).contains("no meter serial"),
                r -> assertThat(r).contains("not a number"));
        assertThat(parsed.rejections().get(0).raw()).contains("9.9.9.9.9.9");
    }

    @Test
    void small_clock_offsets_are_snapped_to_the_interval_boundary() {
        PayloadMapping mapping = mapping("""
                {"format": "JSON", "rows": "r[*]", "alignment_tolerance_seconds": 90,
                 "fields": {"meter": "m", "timestamp": "t", "code": "c", "value": "v"}}""");
        ParsedPayload parsed = parse(mapping, """
                {"r": [{"m": "X", "t": "2026-11-26T10:15:40+05:30", "c": "1.0.1.29.0.255", "v": 1},
                       {"m": "X", "t": "2026-11-26T10:29:10+05:30", "c": "1.0.1.29.0.255", "v": 1}]}""");
        assertThat(parsed.values()).extracting(SourceValue::at).containsExactly(
                Instant.parse("2026-11-26T04:45:00Z"), Instant.parse("2026-11-26T05:00:00Z"));
        assertThat(parsed.values()).extracting(SourceValue::quality)
                .containsOnly(Quality.ACTUAL.bit() | Quality.CLOCK_ADJUSTED.bit());
    }

    @Test
    void a_drifted_clock_moves_values_to_the_nearest_boundary_and_says_so_instead_of_refusing_them() {
        PayloadMapping mapping = mapping("""
                {"format": "JSON", "rows": "r[*]", "interval_minutes": 30,
                 "fields": {"meter": "m", "timestamp": "t", "code": "c", "value": "v"}}""");
        ParsedPayload parsed = parse(mapping, """
                {"r": [{"m": "X", "t": "2026-11-26T10:37:00+05:30", "c": "1.0.1.29.0.255", "v": 1},
                       {"m": "X", "t": "2026-11-26T11:07:00+05:30", "c": "1.0.1.29.0.255", "v": 2},
                       {"m": "X", "t": "2026-11-26T11:52:00+05:30", "c": "1.0.1.29.0.255", "v": 3},
                       {"m": "X", "t": "2026-11-26T12:30:00+05:30", "c": "1.0.1.29.0.255", "v": 4}]}""");
        assertThat(parsed.rejections()).isEmpty();
        assertThat(parsed.values()).extracting(SourceValue::at).containsExactly(
                Instant.parse("2026-11-26T05:00:00Z"), Instant.parse("2026-11-26T05:30:00Z"),
                Instant.parse("2026-11-26T06:30:00Z"), Instant.parse("2026-11-26T07:00:00Z"));
        int realigned = Quality.ACTUAL.bit() | Quality.CLOCK_ADJUSTED.bit() | Quality.REALIGNED.bit();
        assertThat(parsed.values()).extracting(SourceValue::quality)
                .containsExactly(realigned, realigned, realigned, Quality.ACTUAL.bit());
    }

    @Test
    void a_wide_csv_with_local_times_in_a_custom_pattern() {
        PayloadMapping mapping = mapping("""
                {"format": "CSV", "timestamp_format": "PATTERN", "timestamp_pattern": "dd-MM-yyyy HH:mm",
                 "fields": {"meter": "MeterNo", "timestamp": "IntervalEnd", "values": "kWh=1.0.1.29.0.255;Volts=1.0.32.27.0.255"},
                 "units": {"KWH_IMPORT": {"unit": "Wh"}}}""");
        ParsedPayload parsed = parse(mapping, """
                MeterNo,IntervalEnd,kWh,Volts
                CSV1,26-11-2026 10:15,250,229.5
                CSV1,26-11-2026 10:30,,230.1
                """);
        assertThat(parsed.rejections()).isEmpty();
        assertThat(parsed.values()).hasSize(3);
        assertThat(parsed.values().get(0).value()).isEqualByComparingTo("0.25");
        assertThat(parsed.values().get(0).at()).isEqualTo(Instant.parse("2026-11-26T04:45:00Z"));
    }

    @Test
    void vendor_c_dlms_profile_buffer_with_scalers_and_units() {
        ProfileBuffer buffer = new ProfileBuffer(ObisCode.BLOCK_LOAD_PROFILE, "KRN1", List.of(
                ProfileBuffer.Column.clock(),
                new ProfileBuffer.Column(ObisCode.parse("1.0.1.29.0.255"), 3, 2, 0, 30),
                new ProfileBuffer.Column(ObisCode.parse("1.0.32.27.0.255"), 3, 2, -1, 35)),
                List.of(List.of(new DlmsData.OctetString(CosemDateTime.ofLocal(LocalDateTime.parse("2026-11-26T10:15")).toBytes()),
                                new DlmsData.Unsigned32(250), new DlmsData.Unsigned16(2314))));
        byte[] apdu = buffer.encode(1, null).encode();
        ParsedPayload parsed = new PayloadParser(mapping("{\"format\": \"DLMS\"}")).parse(apdu, NOW);
        assertThat(parsed.rejections()).isEmpty();
        assertThat(parsed.values()).extracting(SourceValue::channel).containsExactly(Channel.KWH_IMPORT, Channel.VOLTAGE_R_AVG);
        assertThat(parsed.values().get(0).value()).isEqualByComparingTo("0.25");
        assertThat(parsed.values().get(0).at()).isEqualTo(Instant.parse("2026-11-26T04:45:00Z"));
        assertThat(parsed.values().get(1).value()).isEqualByComparingTo(new BigDecimal("231.4"));
    }

    @Test
    void units_are_read_exactly_so_milli_and_mega_do_not_mix_and_scalers_are_whole_powers_of_ten() {
        ParsedPayload parsed = parse(VENDOR_B, """
                {"dev": "VLT2", "ts": 1764130500, "data": [
                  {"obis": "1-0:1.29.0*255", "v": 2, "s": 0, "u": "MWh"},
                  {"obis": "1-0:1.29.0*255", "v": 2, "s": 0, "u": "mWh"},
                  {"obis": "1-0:31.27.0*255", "v": 500, "s": 0, "u": "mA"},
                  {"obis": "1-0:1.29.0*255", "v": 2, "s": 1.5, "u": "Wh"}]}""");
        assertThat(parsed.values()).extracting(SourceValue::value).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("2000"), new BigDecimal("0.5"));
        assertThat(parsed.rejections()).extracting(RowRejection::reason).satisfiesExactly(
                r -> assertThat(r).contains("unit mWh"),
                r -> assertThat(r).contains("whole power of ten"));
    }

    @Test
    void source_quality_codes_become_flags() {
        PayloadMapping mapping = mapping("""
                {"format": "JSON", "rows": "r[*]", "quality_codes": {"PF": "POWER_FAIL"},
                 "fields": {"meter": "m", "timestamp": "t", "code": "c", "value": "v", "quality": "q"}}""");
        ParsedPayload parsed = parse(mapping, """
                {"r": [{"m": "X", "t": "2026-11-26T10:15:00+05:30", "c": "1.0.1.29.0.255", "v": 1, "q": "PF"},
                       {"m": "X", "t": "2026-11-26T10:30:00+05:30", "c": "1.0.1.29.0.255", "v": 1, "q": "??"}]}""");
        assertThat(Quality.of(parsed.values().get(0).quality())).containsExactlyInAnyOrder(Quality.ACTUAL, Quality.POWER_FAIL);
        assertThat(Quality.of(parsed.values().get(1).quality())).contains(Quality.SOURCE_SUSPECT);
    }

    @Test
    void inconsistent_mappings_are_refused_with_every_problem_listed() {
        PayloadMapping bad = mapping("""
                {"format": "JSON", "time_zone": "Mars/Olympus", "interval_minutes": 7,
                 "codes": {"x": "NOT_A_CHANNEL"}, "units": {"KWH_IMPORT": {"unit": "V"}},
                 "fields": {"meter": "m"}}""");
        assertThatThrownBy(() -> new PayloadParser(bad)).isInstanceOfSatisfying(FieldErrorsException.class, e ->
                assertThat(e.errors()).extracting(FieldErrorsException.FieldError::field).contains("time_zone",
                        "interval_minutes", "fields.timestamp", "fields", "rows", "codes.x", "units.KWH_IMPORT"));
    }

    @Test
    void unreadable_payloads_are_refused_whole() {
        assertThatThrownBy(() -> parse(VENDOR_A, "{not json")).isInstanceOf(PayloadParser.UnreadablePayloadException.class);
        assertThatThrownBy(() -> new PayloadParser(mapping("{\"format\": \"DLMS\"}")).parse(new byte[] {0x0F, 0x00}, NOW))
                .isInstanceOf(PayloadParser.UnreadablePayloadException.class);
    }

}
