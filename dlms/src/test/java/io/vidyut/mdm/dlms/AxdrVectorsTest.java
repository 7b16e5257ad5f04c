package io.vidyut.mdm.dlms;

import static io.vidyut.mdm.dlms.Hex.bytes;
import static io.vidyut.mdm.dlms.Hex.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each A-XDR data type, as bytes written out by hand from the encoding rules (tag, then big-endian content;
 * variable-size types carry an A-XDR length), checked in both directions.
 */
class AxdrVectorsTest {

    static Stream<Arguments> vectors() {
        CosemDateTime march15 = new CosemDateTime(2024, 3, 15, 5, 10, 30, 0, 0,
                CosemDateTime.DEVIATION_NOT_SPECIFIED, 0x00);
        return Stream.of(
                vector("null-data", "00", DlmsData.nullData()),
                vector("boolean false", "03 00", new DlmsData.Bool(false)),
                vector("boolean true", "03 01", new DlmsData.Bool(true)),
                vector("bit-string of 10 bits: 1100000001", "04 0A C0 40",
                        new DlmsData.BitString(10, bytes("C0 40"))),
                vector("double-long 123456", "05 00 01 E2 40", new DlmsData.Integer32(123_456)),
                vector("double-long -2 (two's complement)", "05 FF FF FF FE", new DlmsData.Integer32(-2)),
                vector("double-long-unsigned max", "06 FF FF FF FF", new DlmsData.Unsigned32(4_294_967_295L)),
                vector("octet-string holding an OBIS code", "09 06 01 00 01 08 00 FF",
                        DlmsData.octetString(bytes("01 00 01 08 00 FF"))),
                vector("empty octet-string", "09 00", DlmsData.octetString(new byte[0])),
                vector("visible-string MTR00001", "0A 08 4D 54 52 30 30 30 30 31",
                        DlmsData.visibleString("MTR00001")),
                vector("utf8-string with the rupee sign U+20B9", "0C 03 E2 82 B9", new DlmsData.Utf8String("\u20B9")),
                vector("bcd 0x42", "0D 42", new DlmsData.Bcd(0x42)),
                vector("integer -3", "0F FD", new DlmsData.Integer8(-3)),
                vector("integer 127", "0F 7F", new DlmsData.Integer8(127)),
                vector("long -200", "10 FF 38", new DlmsData.Integer16(-200)),
                vector("long -32768", "10 80 00", new DlmsData.Integer16(-32_768)),
                vector("unsigned 255", "11 FF", new DlmsData.Unsigned8(255)),
                vector("long-unsigned 2300", "12 08 FC", new DlmsData.Unsigned16(2300)),
                vector("long64 -1", "14 FF FF FF FF FF FF FF FF", new DlmsData.Integer64(-1)),
                vector("long64 10^12", "14 00 00 00 E8 D4 A5 10 00", new DlmsData.Integer64(1_000_000_000_000L)),
                vector("long64-unsigned 2^64-1", "15 FF FF FF FF FF FF FF FF", new DlmsData.Unsigned64(-1L)),
                vector("enum 30 (Wh)", "16 1E", new DlmsData.Enumerated(30)),
                vector("float32 123.45", "17 42 F6 E6 66", new DlmsData.Float32(123.45f)),
                vector("float64 -0.5", "18 BF E0 00 00 00 00 00 00", new DlmsData.Float64(-0.5)),
                vector("date-time 2024-03-15 Fri 10:30:00.00, no deviation",
                        "19 07 E8 03 0F 05 0A 1E 00 00 80 00 00", new DlmsData.DateTime(march15)),
                vector("date 2024-03-15 Fri", "1A 07 E8 03 0F 05",
                        new DlmsData.Date(new CosemDate(2024, 3, 15, 5))),
                vector("time 10:30:00, hundredths not specified", "1B 0A 1E 00 FF",
                        new DlmsData.Time(new CosemTime(10, 30, 0, 0xFF))),
                vector("array of two long-unsigned", "01 02 12 00 01 12 00 02",
                        DlmsData.array(new DlmsData.Unsigned16(1), new DlmsData.Unsigned16(2))),
                vector("empty array", "01 00", DlmsData.array()),
                vector("scaler_unit structure {-1, V}", "02 02 0F FF 16 23",
                        DlmsData.structure(new DlmsData.Integer8(-1), new DlmsData.Enumerated(35))),
                vector("nested structure", "02 02 02 01 00 01 01 11 05",
                        DlmsData.structure(DlmsData.structure(DlmsData.nullData()),
                                DlmsData.array(new DlmsData.Unsigned8(5)))));
    }

    private static Arguments vector(String name, String hex, DlmsData value) {
        return Arguments.of(name, hex, value);
    }

    @ParameterizedTest(name = "decodes {0}")
    @MethodSource("vectors")
    void decodes(String name, String hex, DlmsData expected) {
        assertThat(new AxdrDecoder().decode(bytes(hex))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "encodes {0}")
    @MethodSource("vectors")
    void encodes(String name, String hex, DlmsData value) {
        assertThat(hex(AxdrEncoder.encode(value))).isEqualTo(hex(bytes(hex)));
    }
}
