package io.vidyut.mdm.dlms;

import static io.vidyut.mdm.dlms.Hex.bytes;
import static io.vidyut.mdm.dlms.Hex.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * COSEM date-time: year(2) month day weekday hour minute second hundredths deviation(2, signed) clock-status.
 * Deviation per the Blue Book is "minutes of local time to UTC", i.e. UTC = local + deviation.
 */
class CosemDateTimeTest {
    private static final ZoneId IST = ZoneId.of("Asia/Kolkata");

    @Test
    void decodesEveryField() {
        CosemDateTime time = CosemDateTime.fromBytes(bytes("07 E8 03 0F 05 0A 1E 2D 32 FE B6 80"));

        assertThat(time.year()).isEqualTo(2024);
        assertThat(time.month()).isEqualTo(3);
        assertThat(time.dayOfMonth()).isEqualTo(15);
        assertThat(time.dayOfWeek()).isEqualTo(5);
        assertThat(time.hour()).isEqualTo(10);
        assertThat(time.minute()).isEqualTo(30);
        assertThat(time.second()).isEqualTo(45);
        assertThat(time.hundredths()).isEqualTo(50);
        assertThat(time.deviation()).isEqualTo(-330);
        assertThat(time.clockStatus()).isEqualTo(0x80);
        assertThat(time.hasStatus(CosemDateTime.STATUS_DAYLIGHT_SAVING_ACTIVE)).isTrue();
        assertThat(time.toLocalDateTime()).isEqualTo(LocalDateTime.of(2024, 3, 15, 10, 30, 45, 500_000_000));
    }

    @Test
    void anUnspecifiedDeviationUsesTheFallbackZone() {
        // what Indian meters typically send: IST wall-clock time, deviation 0x8000, status 00
        CosemDateTime time = CosemDateTime.fromBytes(bytes("07 E8 03 0F 05 0A 1E 00 00 80 00 00"));

        assertThat(time.isDeviationSpecified()).isFalse();
        assertThat(time.toOffsetDateTime(IST)).isEqualTo(OffsetDateTime.parse("2024-03-15T10:30:00+05:30"));
        assertThat(time.toInstant(IST)).isEqualTo(Instant.parse("2024-03-15T05:00:00Z"));
        assertThat(time.toInstant(ZoneOffset.UTC)).isEqualTo(Instant.parse("2024-03-15T10:30:00Z"));
    }

    @Test
    void blueBookDeviationIsMinutesFromLocalTimeToUtc() {
        // IST is UTC+05:30, so local + (-330) minutes = UTC
        CosemDateTime ist = CosemDateTime.fromBytes(bytes("07 E8 03 0F 05 0A 1E 00 00 FE B6 00"));
        // Paris in winter is UTC+01:00: deviation -60 (the Blue Book / IDIS example)
        CosemDateTime paris = CosemDateTime.fromBytes(bytes("07 E8 01 0F 01 0A 00 00 00 FF C4 00"));

        assertThat(ist.toInstant(ZoneOffset.UTC)).isEqualTo(Instant.parse("2024-03-15T05:00:00Z"));
        assertThat(ist.toOffsetDateTime(ZoneOffset.UTC).getOffset()).isEqualTo(ZoneOffset.ofHoursMinutes(5, 30));
        assertThat(paris.toOffsetDateTime(ZoneOffset.UTC)).isEqualTo(OffsetDateTime.parse("2024-01-15T10:00+01:00"));
    }

    @Test
    void theUtcOffsetConventionReadsThePositiveSignThatSomeIndianMetersSend() {
        CosemDateTime plus330 = CosemDateTime.fromBytes(bytes("07 E8 03 0F 05 0A 1E 00 00 01 4A 00"));

        assertThat(plus330.toInstant(IST, DeviationConvention.UTC_OFFSET))
                .isEqualTo(Instant.parse("2024-03-15T05:00:00Z"));
        assertThat(plus330.toInstant(IST, DeviationConvention.BLUE_BOOK))
                .as("the same bytes read per Blue Book mean UTC-05:30")
                .isEqualTo(Instant.parse("2024-03-15T16:00:00Z"));
    }

    @Test
    void aSpecifiedDeviationWinsOverTheFallbackZone() {
        CosemDateTime utc = CosemDateTime.fromBytes(bytes("07 E8 03 0F 05 05 00 00 00 00 00 00"));

        assertThat(utc.toInstant(IST)).isEqualTo(Instant.parse("2024-03-15T05:00:00Z"));
    }

    @Test
    void unspecifiedSecondAndHundredthsCountAsZero() {
        CosemDateTime time = CosemDateTime.fromBytes(bytes("07 E8 03 0F FF 0A 1E FF FF 80 00 FF"));

        assertThat(time.toLocalDateTime()).isEqualTo(LocalDateTime.of(2024, 3, 15, 10, 30));
        assertThat(time.isClockStatusSpecified()).isFalse();
    }

    @Test
    void unspecifiedDateOrHourCannotBecomeAnInstant() {
        CosemDateTime noYear = CosemDateTime.fromBytes(bytes("FF FF 03 0F FF 0A 1E 00 00 80 00 00"));
        CosemDateTime lastDayOfMonth = CosemDateTime.fromBytes(bytes("07 E8 03 FE FF 0A 1E 00 00 80 00 00"));
        CosemDateTime noHour = CosemDateTime.fromBytes(bytes("07 E8 03 0F FF FF 1E 00 00 80 00 00"));

        assertThatThrownBy(() -> noYear.toInstant(IST))
                .isInstanceOf(DateTimeException.class).hasMessageContaining("unspecified year");
        assertThatThrownBy(() -> lastDayOfMonth.toInstant(IST))
                .isInstanceOf(DateTimeException.class).hasMessageContaining("no concrete day of month (254)");
        assertThatThrownBy(() -> noHour.toInstant(IST))
                .isInstanceOf(DateTimeException.class).hasMessageContaining("no concrete hour (255)");
    }

    @Test
    void withoutDeviationOrFallbackZoneThereIsNoInstant() {
        CosemDateTime time = CosemDateTime.fromBytes(bytes("07 E8 03 0F 05 0A 1E 00 00 80 00 00"));

        assertThatThrownBy(() -> time.toInstant(null))
                .isInstanceOf(DateTimeException.class).hasMessageContaining("no fallback zone");
    }

    @Test
    void theDaylightSavingBitPicksTheOffsetInAnAutumnOverlap() {
        // 2024-10-27 02:30 happens twice in Berlin: first at +02:00 (summer), then at +01:00
        CosemDateTime summer = CosemDateTime.fromBytes(bytes("07 E8 0A 1B 07 02 1E 00 00 80 00 80"));
        CosemDateTime winter = CosemDateTime.fromBytes(bytes("07 E8 0A 1B 07 02 1E 00 00 80 00 00"));
        ZoneId berlin = ZoneId.of("Europe/Berlin");

        assertThat(summer.toOffsetDateTime(berlin).getOffset()).isEqualTo(ZoneOffset.ofHours(2));
        assertThat(winter.toOffsetDateTime(berlin).getOffset()).isEqualTo(ZoneOffset.ofHours(1));
    }

    @Test
    void notSpecifiedFieldsSurviveARoundTrip() {
        byte[] raw = bytes("FF FF FF FF FF FF FF FF FF 80 00 FF");

        assertThat(hex(CosemDateTime.fromBytes(raw).toBytes())).isEqualTo(hex(raw));
    }

    @Test
    void ofLocalWritesWeekdayAndNoDeviation() {
        CosemDateTime time = CosemDateTime.ofLocal(LocalDateTime.of(2024, 3, 15, 10, 30, 0, 120_000_000));

        assertThat(hex(time.toBytes())).isEqualTo("07 E8 03 0F 05 0A 1E 00 0C 80 00 00");
    }

    @Test
    void anOffsetTimeIsWrittenWithTheChosenDeviationSign() {
        OffsetDateTime ist = OffsetDateTime.parse("2024-03-15T10:30:00+05:30");

        assertThat(hex(CosemDateTime.of(ist, DeviationConvention.BLUE_BOOK).toBytes()))
                .isEqualTo("07 E8 03 0F 05 0A 1E 00 00 FE B6 00");
        assertThat(hex(CosemDateTime.of(ist, DeviationConvention.UTC_OFFSET).toBytes()))
                .isEqualTo("07 E8 03 0F 05 0A 1E 00 00 01 4A 00");
        assertThat(CosemDateTime.of(ist, DeviationConvention.BLUE_BOOK).toOffsetDateTime(null)).isEqualTo(ist);
    }

    @Test
    void rejectsAWrongSizeAndOutOfRangeFields() {
        assertThatThrownBy(() -> CosemDateTime.fromBytes(bytes("07 E8 03")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("COSEM date-time must be 12 bytes, was 3");
        assertThatThrownBy(() -> new CosemDateTime(2024, 3, 15, 5, 256, 0, 0, 0, 0, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hour 256 is outside 0..255");
    }

    @Test
    void dateAndTimeTypesConvertToo() {
        assertThat(CosemDate.fromBytes(bytes("07 E8 03 0F 05")).toLocalDate()).hasToString("2024-03-15");
        assertThat(CosemTime.fromBytes(bytes("17 3B 3B 63")).toLocalTime()).hasToString("23:59:59.990");
        assertThat(CosemDateTime.fromBytes(bytes("07 E8 03 0F 05 0A 1E 00 00 80 00 00")))
                .hasToString("2024-03-15 wd05 10:30:00.00 deviation=unspecified status=0x00");
    }
}
