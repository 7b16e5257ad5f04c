package io.vidyut.mdm.dlms;

import static io.vidyut.mdm.dlms.Hex.bytes;
import static io.vidyut.mdm.dlms.Hex.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * DATA-NOTIFICATION: 0F, long-invoke-id-and-priority (4 bytes), date-time as an A-XDR octet-string
 * (00 = empty, 0C + 12 bytes), then one Data as the body.
 */
class DataNotificationTest {
    private static final String MARCH_15_1030 = "07 E8 03 0F 05 0A 1E 00 00 80 00 00";

    @Test
    void decodesANotificationWithoutDateTime() {
        DataNotification notification = DataNotification.decode(bytes("0F 00 00 00 01 00 12 00 2A"));

        assertThat(notification.invokeId()).isEqualTo(1);
        assertThat(notification.dateTime()).isNull();
        assertThat(notification.optionalDateTime()).isEmpty();
        assertThat(notification.body()).isEqualTo(new DlmsData.Unsigned16(42));
    }

    @Test
    void decodesANotificationWithDateTime() {
        DataNotification notification = DataNotification.decode(bytes("0F 00 00 00 05 0C " + MARCH_15_1030 + " 11 07"));

        assertThat(notification.invokeId()).isEqualTo(5);
        assertThat(notification.dateTime()).isEqualTo(CosemDateTime.fromBytes(bytes(MARCH_15_1030)));
        assertThat(notification.body()).isEqualTo(new DlmsData.Unsigned8(7));
    }

    @Test
    void toleratesADateTimeSentAsATaggedOctetString() {
        DataNotification notification = DataNotification.decode(bytes("0F 00 00 00 05 09 0C " + MARCH_15_1030 + " 11 07"));

        assertThat(notification.dateTime()).isEqualTo(CosemDateTime.fromBytes(bytes(MARCH_15_1030)));
        assertThat(hex(notification.encode()))
                .as("re-encoded in the standard form")
                .isEqualTo(hex(bytes("0F 00 00 00 05 0C " + MARCH_15_1030 + " 11 07")));
    }

    @Test
    void readsTheFlagsOfLongInvokeIdAndPriority() {
        DataNotification plain = DataNotification.decode(bytes("0F 00 12 34 56 00 00"));
        DataNotification flagged = DataNotification.decode(bytes("0F F0 00 00 07 00 00"));

        assertThat(plain.invokeId()).isEqualTo(0x123456);
        assertThat(plain.isHighPriority()).isFalse();
        assertThat(plain.isConfirmed()).isFalse();
        assertThat(flagged.invokeId()).isEqualTo(7);
        assertThat(flagged.isHighPriority()).isTrue();
        assertThat(flagged.isConfirmed()).isTrue();
        assertThat(flagged.isBreakOnError()).isTrue();
        assertThat(flagged.isSelfDescriptive()).isTrue();
        assertThat(flagged.longInvokeIdAndPriority()).isEqualTo(0xF000_0007L);
    }

    @Test
    void decodesTheApduBehindATcpWrapper() {
        // version 0001, source wPort 0001, destination wPort 0010, length 0009
        DataNotification notification = DataNotification.decode(bytes("00 01 00 01 00 10 00 09  0F 00 00 00 01 00 12 00 2A"));

        assertThat(notification.body()).isEqualTo(new DlmsData.Unsigned16(42));
    }

    @Test
    void encodesBareAndWrapped() {
        DataNotification notification = DataNotification.of(1, null, new DlmsData.Unsigned16(42));

        assertThat(hex(notification.encode())).isEqualTo(hex(bytes("0F 00 00 00 01 00 12 00 2A")));
        assertThat(hex(notification.encodeWrapped(1, 0x10)))
                .isEqualTo(hex(bytes("00 01 00 01 00 10 00 09  0F 00 00 00 01 00 12 00 2A")));
        assertThat(WrapperHeader.forApdu(1, 0x10, 9).toBytes()).isEqualTo(bytes("00 01 00 01 00 10 00 09"));
    }

    @Test
    void roundTripsWithDateTimeAndFlags() {
        DataNotification original = new DataNotification(0xC000_0102L, CosemDateTime.fromBytes(bytes(MARCH_15_1030)),
                DlmsData.structure(ObisCode.CLOCK.toData(), new DlmsData.Integer32(-5)));

        assertThat(DataNotification.decode(original.encode())).isEqualTo(original);
        assertThat(DataNotification.decode(original.encodeWrapped(1, 0x66))).isEqualTo(original);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            empty input                          |                                     | 0  | truncated APDU tag
            not a data-notification              | C2 00 00                            | 0  | expected data-notification APDU tag 0x0F but found 0xC2
            ciphered push                        | DB 08 41 42 43 44 45 46 47 48       | 0  | found 0xDB (a ciphered APDU; decrypt it first)
            truncated invoke-id                  | 0F 00 00                            | 1  | truncated long-invoke-id-and-priority: needs 4 bytes, 2 left
            date-time of the wrong length        | 0F 00 00 00 01 05 07 E8 03 0F 05 00 | 5  | date-time octet-string must have length 0 (absent) or 12, found 5
            truncated date-time                  | 0F 00 00 00 01 0C 07 E8 03          | 6  | truncated date-time: needs 12 bytes, 3 left
            missing body                         | 0F 00 00 00 01 00                   | 6  | truncated data tag
            bad body tag                         | 0F 00 00 00 01 00 08                | 6  | unknown data tag 0x08
            truncated body                       | 0F 00 00 00 01 00 02 02 11 01       | 10 | truncated data tag
            trailing bytes                       | 0F 00 00 00 01 00 00 FF FF          | 7  | 2 unexpected trailing byte(s) after the notification body
            truncated wrapper                    | 00 01 00 01 00                      | 4  | truncated wrapper destination wPort
            wrapper length too long              | 00 01 00 01 00 10 00 0A 0F 00 00 00 01 00 12 00 2A | 6 | wrapper length 10 does not match the 9 APDU bytes that follow
            wrapper length too short             | 00 01 00 01 00 10 00 02 0F 00 00 00 01 00 12 00 2A | 6 | wrapper length 2 does not match the 9 APDU bytes that follow
            """)
    void malformedNotificationsReportTheOffset(String name, String hex, int offset, String reason) {
        DlmsDecodingException error = catchThrowableOfType(
                () -> DataNotification.decode(bytes(hex == null ? "" : hex)), DlmsDecodingException.class);

        assertThat(error).as(name).isNotNull();
        assertThat(error.offset()).as(name).isEqualTo(offset);
        assertThat(error.reason()).as(name).contains(reason);
    }
}
