package io.vidyut.mdm.dlms;

import static io.vidyut.mdm.dlms.Hex.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** The value helpers: numbers as long/BigDecimal, octet-strings as bytes, clock values as date-time. */
class DlmsDataTest {

    @Test
    void integerTypesGiveTheirExactValue() {
        assertThat(new DlmsData.Integer8(-3).asLong()).isEqualTo(-3);
        assertThat(new DlmsData.Unsigned32(4_294_967_295L).asBigDecimal()).isEqualByComparingTo("4294967295");
        assertThat(new DlmsData.Enumerated(35).asLong()).isEqualTo(35);
        assertThat(new DlmsData.Unsigned64(-1L).asBigDecimal()).isEqualByComparingTo("18446744073709551615");
        assertThat(DlmsData.Unsigned64.of(new BigInteger("18446744073709551615"))).isEqualTo(new DlmsData.Unsigned64(-1L));
    }

    @Test
    void valuesThatDoNotFitALongSayWhy() {
        assertThatThrownBy(() -> new DlmsData.Unsigned64(-1L).asLong()).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> new DlmsData.Float32(1.5f).asLong()).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> new DlmsData.Float64(Double.NaN).asBigDecimal())
                .isInstanceOf(ArithmeticException.class).hasMessage("float64 NaN has no decimal value");
    }

    @Test
    void floatsBecomeTheirShortestDecimal() {
        assertThat(new DlmsData.Float32(123.45f).asBigDecimal()).isEqualByComparingTo("123.45");
        assertThat(new DlmsData.Float64(0.1).asBigDecimal()).isEqualByComparingTo("0.1");
    }

    @Test
    void askingForTheWrongKindNamesTheActualType() {
        assertThatThrownBy(() -> DlmsData.visibleString("x").asLong())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("expected a numeric value but was visible-string");
        assertThatThrownBy(() -> new DlmsData.Unsigned8(1).asBytes())
                .hasMessage("expected octet-string but was unsigned");
        assertThatThrownBy(() -> DlmsData.nullData().elements())
                .hasMessage("expected array or structure but was null-data");
        assertThatThrownBy(() -> DlmsData.octetString(bytes("01 02")).asDateTime())
                .hasMessage("expected date-time or octet-string(12) but was octet-string(2)");
    }

    @Test
    void aClockSentAsOctetStringReadsAsDateTime() {
        byte[] raw = bytes("07 E8 03 0F 05 0A 1E 00 00 80 00 00");

        assertThat(DlmsData.octetString(raw).asDateTime()).isEqualTo(CosemDateTime.fromBytes(raw));
        assertThat(new DlmsData.DateTime(CosemDateTime.fromBytes(raw)).asDateTime()).isEqualTo(CosemDateTime.fromBytes(raw));
    }

    @Test
    void byteContentIsCopiedAndComparedByValue() {
        byte[] raw = bytes("01 02 03");
        DlmsData.OctetString octets = DlmsData.octetString(raw);
        raw[0] = 0x7F;
        octets.asBytes()[1] = 0x7F;

        assertThat(octets).isEqualTo(DlmsData.octetString(bytes("01 02 03")));
        assertThat(octets.hashCode()).isEqualTo(DlmsData.octetString(bytes("01 02 03")).hashCode());
        assertThat(octets).hasToString("OctetString[010203]");
    }

    @Test
    void valuesOutsideTheirTypeAreRejected() {
        assertThatThrownBy(() -> new DlmsData.Integer8(128)).hasMessage("integer 128 is outside -128..127");
        assertThatThrownBy(() -> new DlmsData.Unsigned16(65_536)).hasMessage("long-unsigned 65536 is outside 0..65535");
        assertThatThrownBy(() -> new DlmsData.BitString(9, bytes("FF"))).hasMessage("9 bits need 2 bytes, got 1");
        assertThatThrownBy(() -> DlmsData.visibleString("\u20B9"))
                .hasMessageStartingWith("visible-string holds single-byte characters only");
    }

    @Test
    void bitStringsCountFromTheMostSignificantBit() {
        DlmsData.BitString bits = new DlmsData.BitString(10, bytes("C0 40"));

        assertThat(bits).hasToString("BitString[1100000001]");
        assertThat(bits.bit(0)).isTrue();
        assertThat(bits.bit(2)).isFalse();
        assertThat(bits.bit(9)).isTrue();
    }

    @Test
    void anyNonZeroBooleanByteIsTrue() {
        assertThat(new AxdrDecoder().decode(bytes("03 FF")).asBoolean()).isTrue();
        assertThat(new AxdrDecoder().decode(bytes("03 00")).asBoolean()).isFalse();
    }

    @Test
    void visibleStringsKeepEveryByte() {
        byte[] padded = bytes("0A 04 41 42 00 E9");

        DlmsData decoded = new AxdrDecoder().decode(padded);

        assertThat(decoded.asString()).isEqualTo("AB\u0000\u00E9");
        assertThat(AxdrEncoder.encode(decoded)).isEqualTo(padded);
    }
}
