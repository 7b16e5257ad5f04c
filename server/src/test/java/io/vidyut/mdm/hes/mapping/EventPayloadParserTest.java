package io.vidyut.mdm.hes.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vidyut.mdm.common.ConflictException;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.dlms.CosemDateTime;
import io.vidyut.mdm.dlms.DlmsData;
import io.vidyut.mdm.dlms.DlmsUnits;
import io.vidyut.mdm.dlms.ObisCode;
import io.vidyut.mdm.dlms.ProfileBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A vendor's event push becomes events in IS 15959 codes by its mapping's 'events' section alone. */
class EventPayloadParserTest {
    static final Instant NOW = PayloadParserTest.NOW;

    static final PayloadMapping JSON_VENDOR = PayloadParserTest.mapping("""
            {"format": "JSON", "rows": "meters[*].intervals[*]",
             "fields": {"meter": "^.serial", "timestamp": "end", "values": "values"},
             "events": {"rows": "events[*]", "fields": {"meter": "meter", "timestamp": "at", "code": "type",
                        "batch_id": "$.batch"}, "codes": {"PWR_FAIL": 101, "PWR_BACK": 102, "MAGNET": 201}}}""");

    static ParsedEvents parse(PayloadMapping mapping, String payload) {
        return new PayloadParser(mapping).parseEvents(payload.getBytes(StandardCharsets.UTF_8), NOW);
    }

    @Test
    void a_dlms_event_log_profile_gives_one_event_per_row_from_its_clock_and_event_code_object() {
        PayloadMapping dlms = PayloadParserTest.mapping("{\"format\": \"DLMS\", \"events\": {\"codes\": {\"9001\": 201}}}");
        ProfileBuffer buffer = new ProfileBuffer(new ObisCode(0, 0, 99, 98, 0, 255), "KRN7", List.of(
                ProfileBuffer.Column.clock(),
                new ProfileBuffer.Column(new ObisCode(0, 0, 96, 11, 0, 255), 1, 2, 0, DlmsUnits.NONE_GIVEN),
                new ProfileBuffer.Column(ObisCode.parse("1.0.31.7.0.255"), 3, 2, -2, 33)), // current at the event: not kept
                List.of(row("2026-11-26T10:00", 7, 512), row("2026-11-26T10:30", 9001, 0), row("2026-11-27T10:00", 8, 0)));

        ParsedEvents parsed = new PayloadParser(dlms).parseEvents(buffer.encode(1, null).encode(), NOW);

        assertThat(parsed.rows()).isEqualTo(3);
        assertThat(parsed.events()).extracting(SourceEvent::meterSerial).containsOnly("KRN7");
        assertThat(parsed.events()).extracting(SourceEvent::rawCode).containsExactly("7", "9001");
        assertThat(parsed.events()).extracting(SourceEvent::code).as("IS 15959 number as sent; a vendor number mapped")
                .containsExactly(7, 201);
        assertThat(parsed.events().get(0).at()).isEqualTo(Instant.parse("2026-11-26T04:30:00Z"));
        assertThat(parsed.rejections()).singleElement().satisfies(r -> assertThat(r.field()).isEqualTo("timestamp"));
    }

    @Test
    void a_dlms_push_without_an_event_code_object_is_not_an_event_profile() {
        PayloadMapping dlms = PayloadParserTest.mapping("{\"format\": \"DLMS\", \"events\": {}}");
        ProfileBuffer buffer = new ProfileBuffer(ObisCode.BLOCK_LOAD_PROFILE, "KRN7", List.of(ProfileBuffer.Column.clock(),
                new ProfileBuffer.Column(ObisCode.parse("1.0.1.29.0.255"), 3, 2, 0, 30)),
                List.of(List.of(time("2026-11-26T10:15"), new DlmsData.Unsigned32(250))));
        assertThatThrownBy(() -> new PayloadParser(dlms).parseEvents(buffer.encode(1, null).encode(), NOW))
                .hasMessageContaining("0.0.96.11");
    }

    private static List<DlmsData> row(String localTime, int code, int centiAmps) {
        return List.of(time(localTime), new DlmsData.Unsigned16(code), new DlmsData.Unsigned16(centiAmps));
    }

    private static DlmsData time(String localTime) {
        return new DlmsData.OctetString(CosemDateTime.ofLocal(LocalDateTime.parse(localTime)).toBytes());
    }

    @Test
    void vendor_codes_map_to_is15959_numbers_and_numeric_codes_pass_as_they_are() {
        ParsedEvents parsed = parse(JSON_VENDOR, """
                {"batch": "E-1", "events": [
                  {"meter": "M1", "at": "2026-11-26T10:00:00+05:30", "type": "PWR_FAIL"},
                  {"meter": "M1", "at": "2026-11-26T10:20:00+05:30", "type": "PWR_BACK"},
                  {"meter": "M2", "at": "2026-11-26T10:05:00+05:30", "type": "251"},
                  {"meter": "M2", "at": "2026-11-26T10:06:00+05:30", "type": "WEIRD_THING"}]}""");
        assertThat(parsed.batchId()).isEqualTo("E-1");
        assertThat(parsed.rows()).isEqualTo(4);
        assertThat(parsed.rejections()).isEmpty();
        assertThat(parsed.events()).extracting(SourceEvent::code).containsExactly(101, 102, 251, null);
        assertThat(parsed.events()).extracting(SourceEvent::rawCode)
                .containsExactly("PWR_FAIL", "PWR_BACK", "251", "WEIRD_THING");
        assertThat(parsed.events().get(0).at()).isEqualTo(Instant.parse("2026-11-26T04:30:00Z"));
    }

    @Test
    void rows_without_meter_time_or_code_or_in_the_future_are_rejected_with_their_field() {
        ParsedEvents parsed = parse(JSON_VENDOR, """
                {"events": [
                  {"at": "2026-11-26T10:00:00+05:30", "type": "PWR_FAIL"},
                  {"meter": "M1", "at": "yesterday", "type": "PWR_FAIL"},
                  {"meter": "M1", "at": "2026-11-26T10:00:00+05:30"},
                  {"meter": "M1", "at": "2027-01-01T00:00:00+05:30", "type": "101"},
                  {"meter": "M1", "at": "2026-11-26T10:00:00+05:30", "type": "101"}]}""");
        assertThat(parsed.events()).hasSize(1);
        assertThat(parsed.rejections()).extracting(RowRejection::row, RowRejection::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "meter"), org.assertj.core.groups.Tuple.tuple(2, "timestamp"),
                        org.assertj.core.groups.Tuple.tuple(3, "code"), org.assertj.core.groups.Tuple.tuple(4, "timestamp"));
        assertThat(parsed.rawRow().apply(3)).contains("\"meter\":\"M1\"");
    }

    @Test
    void a_csv_vendor_reads_events_from_its_own_columns() {
        PayloadMapping csv = PayloadParserTest.mapping("""
                {"format": "CSV", "timestamp_format": "PATTERN", "timestamp_pattern": "dd/MM/yyyy HH:mm:ss",
                 "fields": {"meter": "Serial", "timestamp": "Time", "code": "Register", "value": "Reading"},
                 "events": {"fields": {"meter": "Serial", "timestamp": "When", "code": "Event"}, "codes": {"E07": 7}}}""");
        ParsedEvents parsed = parse(csv, "Serial,When,Event\nK1,26/11/2026 09:00:00,E07\nK1,26/11/2026 09:30:00,8\n");
        assertThat(parsed.events()).extracting(SourceEvent::code).containsExactly(7, 8);
        assertThat(parsed.events().get(0).meterSerial()).isEqualTo("K1");
    }

    @Test
    void an_events_section_is_validated_field_by_field() {
        PayloadMapping bad = PayloadParserTest.mapping("""
                {"format": "JSON", "rows": "r[*]", "fields": {"meter": "m", "timestamp": "t", "code": "c", "value": "v"},
                 "events": {"fields": {"meter": "m"}, "codes": {"X": 0, "Y": 5000}}}""");
        assertThatThrownBy(() -> new PayloadParser(bad)).isInstanceOfSatisfying(FieldErrorsException.class, e ->
                assertThat(e.errors()).extracting(FieldErrorsException.FieldError::field).containsExactlyInAnyOrder(
                        "events.fields.timestamp", "events.fields.code", "events.rows", "events.codes.X", "events.codes.Y"));
    }

    @Test
    void a_vendor_without_an_events_section_cannot_push_events() {
        assertThatThrownBy(() -> parse(PayloadParserTest.VENDOR_A, "{}")).isInstanceOf(ConflictException.class)
                .hasMessageContaining("'events'");
    }
}
