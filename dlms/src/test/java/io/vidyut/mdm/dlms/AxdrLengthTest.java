package io.vidyut.mdm.dlms;

import static io.vidyut.mdm.dlms.Hex.bytes;
import static io.vidyut.mdm.dlms.Hex.concat;
import static io.vidyut.mdm.dlms.Hex.filled;
import static io.vidyut.mdm.dlms.Hex.hex;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A-XDR lengths: one byte below 0x80, otherwise 0x80|N followed by N big-endian length bytes. */
class AxdrLengthTest {
    private final AxdrDecoder decoder = new AxdrDecoder();

    @ParameterizedTest(name = "length {0} is encoded as {1}")
    @CsvSource({
            "0,        00",
            "127,      7F",
            "128,      81 80",
            "255,      81 FF",
            "256,      82 01 00",
            "300,      82 01 2C",
            "65535,    82 FF FF",
            "65536,    83 01 00 00",
            "16777216, 84 01 00 00 00"})
    void lengthsUseTheShortestForm(int length, String expected) {
        assertThat(hex(AxdrEncoder.encodeLength(length))).isEqualTo(hex(bytes(expected)));
    }

    @Test
    void anOctetStringOf127BytesStillHasASingleLengthByte() {
        byte[] content = filled(127, 0xAB);
        byte[] encoded = concat(bytes("09 7F"), content);

        assertThat(decoder.decode(encoded)).isEqualTo(DlmsData.octetString(content));
        assertThat(AxdrEncoder.encode(DlmsData.octetString(content))).isEqualTo(encoded);
    }

    @Test
    void anOctetStringOf300BytesHasTheLengthPrefix82012C() {
        byte[] content = new byte[300];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) i;
        }
        byte[] encoded = concat(bytes("09 82 01 2C"), content);

        DlmsData decoded = decoder.decode(encoded);

        assertThat(decoded.asBytes()).hasSize(300).isEqualTo(content);
        assertThat(AxdrEncoder.encode(decoded)).isEqualTo(encoded);
    }

    @Test
    void anArrayOf128ElementsHasTheCountPrefix8180() {
        byte[] encoded = concat(bytes("01 81 80"), filled(128, 0x00));

        DlmsData decoded = decoder.decode(encoded);

        assertThat(decoded.elements()).hasSize(128).containsOnly(DlmsData.nullData());
        assertThat(AxdrEncoder.encode(new DlmsData.Array(Collections.nCopies(128, DlmsData.nullData()))))
                .isEqualTo(encoded);
    }

    @Test
    void aNonMinimalLengthIsStillAccepted() {
        assertThat(decoder.decode(bytes("09 81 02 AA BB"))).isEqualTo(DlmsData.octetString(bytes("AA BB")));
        assertThat(decoder.decode(bytes("0A 82 00 01 41"))).isEqualTo(DlmsData.visibleString("A"));
    }

    @Test
    void aBitStringLengthCountsBitsNotBytes() {
        DlmsData decoded = decoder.decode(bytes("04 81 81 " + "FF ".repeat(16) + "80"));

        assertThat(decoded).isInstanceOfSatisfying(DlmsData.BitString.class, bits -> {
            assertThat(bits.bitLength()).isEqualTo(129);
            assertThat(bits.bits()).hasSize(17);
            assertThat(bits.bit(128)).isTrue();
        });
    }
}
