package io.vidyut.mdm.dlms;

import static io.vidyut.mdm.dlms.Hex.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ObisCodeTest {
    private static final ObisCode KWH_IMPORT = new ObisCode(1, 0, 1, 8, 0, 255);

    @ParameterizedTest(name = "''{0}'' is 1.0.1.8.0.255")
    @ValueSource(strings = {"1.0.1.8.0.255", "1-0:1.8.0*255", "1-0:1.8.0", "1.0.1.8.0", "0100010800FF",
            "0100010800ff", "  1-0:1.8.0.255  "})
    void everyNotationSeenInTheWildParsesToTheSameCode(String text) {
        assertThat(ObisCode.parse(text)).isEqualTo(KWH_IMPORT);
    }

    @Test
    void formatsDottedIecAndHex() {
        ObisCode code = ObisCode.parse("1-0:32.27.0");

        assertThat(code).hasToString("1.0.32.27.0.255");
        assertThat(code.toIecString()).isEqualTo("1-0:32.27.0*255");
        assertThat(code.toHex()).isEqualTo("0100201B00FF");
    }

    @Test
    void convertsFromAndToTheSixByteLogicalName() {
        assertThat(ObisCode.fromBytes(bytes("01 00 63 01 00 FF"))).isEqualTo(ObisCode.BLOCK_LOAD_PROFILE);
        assertThat(ObisCode.fromData(DlmsData.octetString(bytes("00 00 01 00 00 FF")))).isEqualTo(ObisCode.CLOCK);
        assertThat(KWH_IMPORT.toBytes()).isEqualTo(bytes("01 00 01 08 00 FF"));
        assertThat(KWH_IMPORT.toData()).isEqualTo(DlmsData.octetString(bytes("01 00 01 08 00 FF")));
    }

    @Test
    void namesTheIs15959Profiles() {
        assertThat(ObisCode.DAILY_LOAD_PROFILE).hasToString("1.0.99.2.0.255");
        assertThat(ObisCode.BILLING_PROFILE).hasToString("1.0.98.1.0.255");
        assertThat(ObisCode.eventProfile(0)).hasToString("0.0.99.98.0.255");
        assertThat(ObisCode.eventProfile(6)).hasToString("0.0.99.98.6.255");
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ""                  | OBIS code is empty
            1.0.1.8             | '1.0.1.8' is not an OBIS code; expected A.B.C.D.E.F, A.B.C.D.E, A-B:C.D.E*F, A-B:C.D.E or 12 hex digits
            1.0.1.8.0.255.1     | '1.0.1.8.0.255.1' is not an OBIS code
            1.0.256.8.0.255     | OBIS group C value 256 in '1.0.256.8.0.255' is outside 0..255
            1-0:1.8.0*300       | OBIS group F value 300 in '1-0:1.8.0*300' is outside 0..255
            1.0.99999999999.8.0 | OBIS group C value 99999999999 in '1.0.99999999999.8.0' is outside 0..255
            0100010800F         | '0100010800F' is not an OBIS code
            0100010800FG        | '0100010800FG' is not an OBIS code
            1.0.-1.8.0.255      | '1.0.-1.8.0.255' is not an OBIS code
            1-0:1.8             | '1-0:1.8' is not an OBIS code
            """)
    void badInputIsRejectedWithAPreciseMessage(String text, String message) {
        assertThatThrownBy(() -> ObisCode.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void nullAndWrongLengthsAreRejected() {
        assertThatThrownBy(() -> ObisCode.parse(null)).hasMessage("OBIS code is null");
        assertThatThrownBy(() -> ObisCode.fromBytes(bytes("01 00 01 08 00")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an OBIS logical name is 6 bytes, got 5: 0100010800");
        assertThatThrownBy(() -> ObisCode.fromData(DlmsData.visibleString("1.0.1.8.0.255")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("an OBIS logical name is an octet-string, got visible-string(10)");
        assertThatThrownBy(() -> new ObisCode(1, 0, 1, 8, 0, 256))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("OBIS group F value 256 is outside 0..255");
    }
}
