package io.vidyut.mdm.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OffsetDateTimeJsonTest {
    @Test
    void writes_the_same_text_as_the_iso_formatter_for_every_offset_and_precision() {
        Random random = new Random(7);
        List<ZoneOffset> offsets = List.of(ZoneOffset.UTC, ZoneOffset.ofHoursMinutes(5, 30), ZoneOffset.ofHoursMinutes(5, 45),
                ZoneOffset.ofHours(-3), ZoneOffset.ofHoursMinutes(-9, -30), ZoneOffset.ofHoursMinutesSeconds(0, 5, 30));
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-30_000_000_000L, 250_000_000_000L),
                    i % 3 == 0 ? random.nextInt(1_000_000_000) : 0);
            OffsetDateTime value = instant.atOffset(offsets.get(i % offsets.size()));
            assertThat(OffsetDateTimeJson.format(value)).isEqualTo(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
        }
    }

    @Test
    void a_quarter_hour_in_india_reads_as_expected() {
        assertThat(OffsetDateTimeJson.format(OffsetDateTime.parse("2026-11-26T15:15:00+05:30"))).isEqualTo("2026-11-26T15:15:00+05:30");
        assertThat(OffsetDateTimeJson.format(OffsetDateTime.parse("2026-01-02T03:04:05Z"))).isEqualTo("2026-01-02T03:04:05Z");
    }
}
