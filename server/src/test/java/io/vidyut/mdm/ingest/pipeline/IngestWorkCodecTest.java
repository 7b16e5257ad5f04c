package io.vidyut.mdm.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.channels.Quality;
import io.vidyut.mdm.readings.Reading;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IngestWorkCodecTest {
    static final UUID METER = UUID.randomUUID();
    static final Instant AT = Instant.parse("2026-11-20T04:45:00Z");

    @Test
    void a_part_travels_with_its_readings_and_pending_derivations_unchanged() {
        IngestWork work = new IngestWork(UUID.randomUUID(), 3, UUID.randomUUID(), "TPDDL", ZoneId.of("Asia/Kolkata"),
                List.of(new Reading(METER, Channel.KWH_IMPORT_TOTAL, AT, 15, 1_001_000, Quality.ACTUAL.bit()),
                        new Reading(METER, Channel.KWH_IMPORT, AT, 15, 250,
                                Quality.ACTUAL.bit() | Quality.CLOCK_ADJUSTED.bit() | Quality.REALIGNED.bit())),
                List.of(new IntervalDerivation.Pending(METER, Channel.KWH_IMPORT_TOTAL, Channel.KWH_IMPORT, AT, 15, 1_001_000),
                        new IntervalDerivation.Pending(METER, Channel.KWH_IMPORT_TOTAL, Channel.KWH_IMPORT, AT, 15, 1_001_000,
                                false, true)));

        assertThat(IngestWorkCodec.decode(IngestWorkCodec.encode(work))).isEqualTo(work);
    }

    @Test
    void a_part_written_in_the_second_format_waits_for_start_reads_only_in_whole_wh() {
        IntervalDerivation.Pending waiting = new IntervalDerivation.Pending(METER, Channel.KWH_IMPORT_TOTAL, Channel.KWH_IMPORT,
                AT, 15, 1_001_000);
        IngestWork work = new IngestWork(UUID.randomUUID(), 0, UUID.randomUUID(), "TPDDL", ZoneId.of("Asia/Kolkata"),
                List.of(), List.of(waiting));
        byte[] current = IngestWorkCodec.encode(work);
        byte[] second = Arrays.copyOf(current, current.length - 1); // format 2 had no byte of sides
        second[0] = 2;

        assertThat(IngestWorkCodec.decode(second).pending()).singleElement().satisfies(read -> {
            assertThat(read.value()).as("1,001 kWh in tenths of a Wh").isEqualTo(10_010_000);
            assertThat(read.needsStart()).isTrue();
            assertThat(read.needsEnd()).isFalse();
        });
    }

    @Test
    void a_part_written_in_the_first_format_is_still_read_during_a_rolling_upgrade_its_energy_in_whole_wh() {
        IngestWork work = new IngestWork(UUID.randomUUID(), 0, UUID.randomUUID(), "TPDDL", ZoneId.of("Asia/Kolkata"),
                List.of(new Reading(METER, Channel.KWH_IMPORT, AT, 15, 250, Quality.ACTUAL.bit()),
                        new Reading(METER, Channel.VOLTAGE_R_AVG, AT, 15, 23_010, Quality.ACTUAL.bit())));
        byte[] current = IngestWorkCodec.encode(work);
        byte[] first = Arrays.copyOf(current, current.length - 4); // format 1 ended after the readings
        first[0] = 1;

        assertThat(IngestWorkCodec.decode(first).readings()).containsExactly(
                new Reading(METER, Channel.KWH_IMPORT, AT, 15, 2_500, Quality.ACTUAL.bit()),
                new Reading(METER, Channel.VOLTAGE_R_AVG, AT, 15, 23_010, Quality.ACTUAL.bit()));
    }
}
