package io.vidyut.mdm.dlms;

import static io.vidyut.mdm.dlms.Hex.bytes;
import static io.vidyut.mdm.dlms.Hex.concat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed input fails with a DlmsDecodingException naming the byte offset, never anything else. */
class AxdrMalformedInputTest {
    private final AxdrDecoder decoder = new AxdrDecoder();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty input                                 |                     | 0 | truncated data tag
            unknown tag 0x07 (floating-point)           | 07 00 00 00 00      | 0 | unknown data tag 0x07
            compact-array (0x13) is not supported       | 13 00               | 0 | unknown data tag 0x13
            unknown tag 0xFF                            | FF                  | 0 | unknown data tag 0xFF
            truncated long-unsigned                     | 12 08               | 1 | truncated long-unsigned: needs 2 bytes, 1 left
            truncated date-time                         | 19 07 E8 03         | 1 | truncated date-time: needs 12 bytes, 3 left
            truncated double-long-unsigned in a structure | 02 02 12 00 01 06 00 00 | 6 | truncated double-long-unsigned: needs 4 bytes, 2 left
            missing structure element                   | 02 03 11 01 11 02   | 6 | truncated data tag
            bad tag inside an array                     | 01 02 11 01 08 01   | 4 | unknown data tag 0x08
            octet-string longer than the input          | 09 05 01 02         | 1 | octet-string length 5 needs 5 bytes, only 2 left
            visible-string longer than the input        | 0A 82 01 00 41      | 1 | visible-string length 256 needs 256 bytes, only 1 left
            absurd 4-byte length (no huge allocation)   | 09 84 FF FF FF FF 00 | 1 | octet-string length 4294967295 needs 4294967295 bytes, only 1 left
            length of length beyond 4 bytes            | 09 85 00 00 00 00 01 | 1 | announces 5 length bytes
            indefinite length 0x80                      | 09 80 00            | 1 | indefinite length 0x80
            truncated length bytes                      | 09 82 01            | 2 | truncated octet-string length: needs 2 bytes, 1 left
            array count larger than the input           | 01 82 FF FF 00      | 1 | array element count 65535 needs 65535 bytes, only 1 left
            structure count larger than the input       | 02 05 00 00         | 1 | structure element count 5 needs 5 bytes, only 2 left
            bit-string with more bits than bytes        | 04 81 FF 00         | 1 | bit-string length 255 needs 32 bytes, only 1 left
            trailing byte after a value                 | 11 01 00            | 2 | 1 unexpected trailing byte(s) after the unsigned
            """)
    void rejectsWithOffsetAndReason(String name, String hex, int offset, String reason) {
        DlmsDecodingException error = catchThrowableOfType(
                () -> decoder.decode(bytes(hex == null ? "" : hex)), DlmsDecodingException.class);

        assertThat(error).as(name).isNotNull();
        assertThat(error.offset()).as(name).isEqualTo(offset);
        assertThat(error.reason()).as(name).contains(reason);
        assertThat(error.getMessage()).startsWith("at byte offset " + offset + ": ");
    }

    @Test
    void aDepthBombStopsAtTheNestingLimit() {
        // 100 structures of one element each, nested: 02 01 02 01 ... 00
        byte[] bomb = concat(bytes("02 01".repeat(100)), bytes("00"));

        assertThatThrownBy(() -> decoder.decode(bomb))
                .isInstanceOfSatisfying(DlmsDecodingException.class, e -> {
                    assertThat(e.offset()).isEqualTo(2 * AxdrDecoder.DEFAULT_MAX_DEPTH);
                    assertThat(e.reason()).isEqualTo("structure nested deeper than the limit of 32 levels");
                });
    }

    @Test
    void aMillionLevelDepthBombDoesNotOverflowTheStack() {
        byte[] bomb = bytes("01 01".repeat(1_000_000));

        assertThatThrownBy(() -> decoder.decode(bomb))
                .isInstanceOfSatisfying(DlmsDecodingException.class,
                        e -> assertThat(e.offset()).isEqualTo(2 * AxdrDecoder.DEFAULT_MAX_DEPTH));
    }

    @Test
    void nestingUpToTheLimitIsAccepted() {
        AxdrDecoder shallow = new AxdrDecoder(3);

        assertThat(shallow.decode(bytes("02 01 02 01 02 01 00")).elements()).hasSize(1);
        assertThatThrownBy(() -> shallow.decode(bytes("02 01 02 01 02 01 02 01 00")))
                .isInstanceOfSatisfying(DlmsDecodingException.class, e -> assertThat(e.offset()).isEqualTo(6));
    }

    @Test
    void offsetsFromAByteBufferCountFromItsStartingPosition() {
        ByteBuffer buffer = ByteBuffer.wrap(bytes("AA BB CC 02 02 11 01 12 00"));
        buffer.position(3);

        assertThatThrownBy(() -> decoder.decode(buffer))
                .isInstanceOfSatisfying(DlmsDecodingException.class, e -> {
                    assertThat(e.offset()).isEqualTo(5);
                    assertThat(e.reason()).contains("truncated long-unsigned");
                });
    }

    @Test
    void aByteBufferIsLeftPositionedAfterTheValueSoValuesCanBeReadInSequence() {
        ByteBuffer buffer = ByteBuffer.wrap(bytes("11 01 12 00 02"));

        assertThat(decoder.decode(buffer)).isEqualTo(new DlmsData.Unsigned8(1));
        assertThat(decoder.decode(buffer)).isEqualTo(new DlmsData.Unsigned16(2));
        assertThat(buffer.hasRemaining()).isFalse();
    }

    @Test
    void aLittleEndianByteBufferIsStillReadBigEndian() {
        ByteBuffer buffer = ByteBuffer.wrap(bytes("12 08 FC")).order(java.nio.ByteOrder.LITTLE_ENDIAN);

        assertThat(decoder.decode(buffer)).isEqualTo(new DlmsData.Unsigned16(2300));
    }
}
