package io.vidyut.mdm.dlms;

import static io.vidyut.mdm.dlms.Hex.bytes;
import static io.vidyut.mdm.dlms.Hex.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The IS 15959 profile push convention, checked against a complete block-load notification written by hand. */
class ProfileBufferTest {
    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    private static final ObisCode AVG_VOLTAGE_L1 = ObisCode.parse("1.0.32.27.0.255");
    private static final ObisCode BLOCK_KWH_IMPORT = ObisCode.parse("1.0.1.29.0.255");

    /** Two 30-minute block-load rows pushed by meter MTR00001 at 10:31 IST; "--" starts a comment. */
    static final String BLOCK_LOAD_PUSH = """
            0F                                       -- data-notification
            00 00 00 01                              -- long-invoke-id-and-priority: invoke-id 1
            0C 07 E8 03 0F 05 0A 1F 00 00 80 00 00   -- date-time: 2024-03-15 Fri 10:31:00.00, no deviation
            02 05                                    -- body: structure of 5
              09 06 01 00 63 01 00 FF                -- [0] profile 1.0.99.1.0.255
              0A 08 4D 54 52 30 30 30 30 31          -- [1] serial "MTR00001"
              01 03                                  -- [2] capture objects: array of 3
                02 04 12 00 08 09 06 00 00 01 00 00 FF 0F 02 12 00 00  -- clock: class 8, 0.0.1.0.0.255, attr 2
                02 04 12 00 03 09 06 01 00 20 1B 00 FF 0F 02 12 00 00  -- register 1.0.32.27.0.255, attr 2
                02 04 12 00 03 09 06 01 00 01 1D 00 FF 0F 02 12 00 00  -- register 1.0.1.29.0.255, attr 2
              01 03                                  -- [3] scaler-units: array of 3
                00                                   -- clock: none
                02 02 0F FF 16 23                    -- scaler -1, unit 35 (V)
                02 02 0F 00 16 1E                    -- scaler 0, unit 30 (Wh)
              01 02                                  -- [4] rows: array of 2
                02 03 09 0C 07 E8 03 0F 05 0A 00 00 00 80 00 00 12 09 0B 06 00 00 00 7D  -- 10:00, 231.5 V, 125 Wh
                02 03 09 0C 07 E8 03 0F 05 0A 1E 00 00 80 00 00 12 08 FA 06 00 00 00 83  -- 10:30, 229.8 V, 131 Wh
            """;

    static byte[] blockLoadPush() {
        return bytes(BLOCK_LOAD_PUSH.lines()
                .map(line -> line.replaceAll("--.*$", ""))
                .reduce("", String::concat));
    }

    @Test
    void parsesTheHandWrittenBlockLoadPush() {
        DataNotification notification = DataNotification.decode(blockLoadPush());
        ProfileBuffer profile = ProfileBuffer.parse(notification);

        assertThat(notification.invokeId()).isEqualTo(1);
        assertThat(notification.dateTime().toInstant(IST)).isEqualTo(Instant.parse("2024-03-15T05:01:00Z"));
        assertThat(profile.profile()).isEqualTo(ObisCode.BLOCK_LOAD_PROFILE);
        assertThat(profile.meterSerial()).isEqualTo("MTR00001");
        assertThat(profile.columns()).containsExactly(
                ProfileBuffer.Column.clock(),
                new ProfileBuffer.Column(AVG_VOLTAGE_L1, 3, 2, -1, DlmsUnits.VOLT),
                new ProfileBuffer.Column(BLOCK_KWH_IMPORT, 3, 2, 0, DlmsUnits.WATT_HOUR));
        assertThat(profile.rows()).hasSize(2);
    }

    @Test
    void scalesCellsByTheirScaler() {
        ProfileBuffer profile = ProfileBuffer.parse(DataNotification.decode(blockLoadPush()));

        assertThat(profile.scaledValue(0, 1)).isEqualByComparingTo("231.5");
        assertThat(profile.scaledValue(1, AVG_VOLTAGE_L1)).isEqualByComparingTo("229.8");
        assertThat(profile.scaledValue(0, BLOCK_KWH_IMPORT)).isEqualByComparingTo("125");
        assertThat(profile.scaledValue(1, 2)).isEqualByComparingTo("131");
        assertThat(profile.cell(0, 1)).isEqualTo(new DlmsData.Unsigned16(2315));
    }

    @Test
    void readsTheClockColumnAsDateTime() {
        ProfileBuffer profile = ProfileBuffer.parse(DataNotification.decode(blockLoadPush()));

        assertThat(profile.clockColumn()).isZero();
        assertThat(profile.timestamp(0).toLocalDateTime()).isEqualTo(LocalDateTime.of(2024, 3, 15, 10, 0));
        assertThat(profile.timestamp(1).toInstant(IST)).isEqualTo(Instant.parse("2024-03-15T05:00:00Z"));
    }

    @Test
    void encodesTheSamePushByteForByte() {
        ProfileBuffer profile = new ProfileBuffer(ObisCode.BLOCK_LOAD_PROFILE, "MTR00001",
                List.of(ProfileBuffer.Column.clock(),
                        new ProfileBuffer.Column(AVG_VOLTAGE_L1, 3, 2, -1, DlmsUnits.VOLT),
                        new ProfileBuffer.Column(BLOCK_KWH_IMPORT, 3, 2, 0, DlmsUnits.WATT_HOUR)),
                List.of(row(10, 0, 2315, 125), row(10, 30, 2298, 131)));

        byte[] encoded = profile.encode(1, CosemDateTime.ofLocal(LocalDateTime.of(2024, 3, 15, 10, 31))).encode();

        assertThat(hex(encoded)).isEqualTo(hex(blockLoadPush()));
        assertThat(ProfileBuffer.parse(DataNotification.decode(encoded))).isEqualTo(profile);
    }

    private static List<DlmsData> row(int hour, int minute, int decivolts, long wattHours) {
        CosemDateTime clock = CosemDateTime.ofLocal(LocalDateTime.of(2024, 3, 15, hour, minute));
        return List.of(DlmsData.octetString(clock.toBytes()), new DlmsData.Unsigned16(decivolts),
                new DlmsData.Unsigned32(wattHours));
    }

    @Test
    void anEventProfileRoundTripsWithDateTimeClockAndEventCodes() {
        // power event profile: clock + event code (IS 15959: 101 power failure occurrence, 102 restoration)
        ObisCode eventCode = ObisCode.parse("0.0.96.11.2.255");
        ProfileBuffer events = new ProfileBuffer(ObisCode.eventProfile(2), "MTR00001",
                List.of(ProfileBuffer.Column.clock(), new ProfileBuffer.Column(eventCode, 1, 2, 0, DlmsUnits.NONE_GIVEN)),
                List.of(
                        List.of(new DlmsData.DateTime(CosemDateTime.ofLocal(LocalDateTime.of(2024, 3, 15, 2, 10))),
                                new DlmsData.Unsigned16(101)),
                        List.of(new DlmsData.DateTime(CosemDateTime.ofLocal(LocalDateTime.of(2024, 3, 15, 3, 45))),
                                new DlmsData.Unsigned16(102))));

        ProfileBuffer parsed = ProfileBuffer.parse(DataNotification.decode(events.encode(9, null).encodeWrapped(1, 1)));

        assertThat(parsed).isEqualTo(events);
        assertThat(parsed.columns().get(1).hasScalerUnit()).isFalse();
        assertThat(parsed.cell(1, 1).asLong()).isEqualTo(102);
        assertThat(parsed.timestamp(1).toLocalDateTime()).isEqualTo(LocalDateTime.of(2024, 3, 15, 3, 45));
    }

    @Test
    void aMissingValueIsNullDataAndHasNoScaledValue() {
        ProfileBuffer profile = new ProfileBuffer(ObisCode.BLOCK_LOAD_PROFILE, "M1",
                List.of(new ProfileBuffer.Column(AVG_VOLTAGE_L1, 3, 2, -1, DlmsUnits.VOLT)),
                List.of(List.of(DlmsData.nullData())));

        assertThat(profile.cell(0, 0).isNull()).isTrue();
        assertThatThrownBy(() -> profile.scaledValue(0, 0))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("row 0, column 0 (1.0.32.27.0.255): expected a numeric value but found null-data");
        assertThatThrownBy(profile::clockColumn)
                .hasMessage("profile 1.0.99.1.0.255 has no clock column (class 8, attribute 2)");
        assertThatThrownBy(() -> profile.scaledValue(0, BLOCK_KWH_IMPORT))
                .hasMessage("profile 1.0.99.1.0.255 has no column 1.0.1.29.0.255");
    }

    @Test
    void bodiesNotFollowingTheConventionAreRejectedWithTheElementPath() {
        DlmsData good = ProfileBuffer.parse(DataNotification.decode(blockLoadPush())).toBody();
        List<DlmsData> parts = good.elements();

        assertRejected(DlmsData.array(), "body: expected structure but found array");
        assertRejected(new DlmsData.Structure(parts.subList(0, 4)), "body: expected 5 elements");
        assertRejected(with(parts, 0, DlmsData.octetString(bytes("01 00 63 01 00"))),
                "body[0] profile logical name: an OBIS logical name is 6 bytes, got 5: 0100630100");
        assertRejected(with(parts, 1, new DlmsData.Unsigned8(1)),
                "body[1] meter serial: expected visible-string but found unsigned");
        assertRejected(with(parts, 3, DlmsData.array(DlmsData.nullData())),
                "body[3] scaler-units: 1 entries for 3 capture objects");
        assertRejected(with(parts, 2, DlmsData.array(DlmsData.structure(new DlmsData.Unsigned16(8)),
                        DlmsData.nullData(), DlmsData.nullData())),
                "body[2][0]: capture object needs 4 elements (class-id, logical-name, attribute-index, data-index) but has 1");
        assertRejected(with(parts, 4, DlmsData.array(DlmsData.structure(DlmsData.nullData()))),
                "body[4][0]: 1 values for 3 capture objects");
        DlmsData badScaler = DlmsData.array(DlmsData.nullData(),
                DlmsData.structure(new DlmsData.Integer8(-1), DlmsData.visibleString("V")), DlmsData.nullData());
        assertRejected(with(parts, 3, badScaler), "body[3][1][1] unit: expected an integer but found visible-string");
    }

    private static DlmsData with(List<DlmsData> parts, int index, DlmsData replacement) {
        DlmsData[] copy = parts.toArray(new DlmsData[0]);
        copy[index] = replacement;
        return DlmsData.structure(copy);
    }

    private static void assertRejected(DlmsData body, String message) {
        assertThatThrownBy(() -> ProfileBuffer.parse(body))
                .isInstanceOf(ProfileFormatException.class)
                .hasMessageStartingWith(message);
    }

    @Test
    void everyTruncationOfThePushIsADecodingErrorWithAnOffset() {
        byte[] push = blockLoadPush();

        for (int length = 0; length < push.length; length++) {
            byte[] truncated = Arrays.copyOf(push, length);
            assertThatThrownBy(() -> DataNotification.decode(truncated))
                    .as("truncated to %d bytes", length)
                    .isInstanceOfSatisfying(DlmsDecodingException.class,
                            e -> assertThat(e.offset()).isBetween(0, truncated.length));
        }
    }

    @Test
    void corruptedBytesFailOnlyAsDecodingOrProfileFormatErrors() {
        byte[] push = blockLoadPush();
        Random random = new Random(15959);

        for (int round = 0; round < 5_000; round++) {
            byte[] corrupted = push.clone();
            for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
                corrupted[random.nextInt(corrupted.length)] = (byte) random.nextInt(256);
            }
            try {
                ProfileBuffer.parse(DataNotification.decode(corrupted));
            } catch (DlmsDecodingException expected) {
                assertThat(expected.offset()).isBetween(0, corrupted.length);
            } catch (ProfileFormatException expected) {
                assertThat(expected.getMessage()).startsWith("body");
            }
        }
    }

    @Test
    void columnsWithoutUnitCannotCarryAScaler() {
        assertThatThrownBy(() -> new ProfileBuffer.Column(AVG_VOLTAGE_L1, 3, 2, -1, DlmsUnits.NONE_GIVEN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a column without unit cannot have scaler -1");
        assertThatThrownBy(() -> new ProfileBuffer(ObisCode.BLOCK_LOAD_PROFILE, "M1",
                List.of(ProfileBuffer.Column.clock()), List.of(List.of())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 0 has 0 values for 1 columns");
    }
}
