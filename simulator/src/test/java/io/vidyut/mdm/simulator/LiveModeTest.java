package io.vidyut.mdm.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.simulator.fleet.Fleet;
import io.vidyut.mdm.simulator.load.IntervalClock;
import io.vidyut.mdm.simulator.payload.Payload;
import io.vidyut.mdm.simulator.payload.WireFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LiveModeTest {
    private final Fleet fleet = TestFleets.small();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void eachBoundarySendsTheIntervalJustEndedForEveryMeter() {
        Instant start = OffsetDateTime.parse("2026-11-26T23:40:00+05:30").toInstant();
        CapturingTransport capture = new CapturingTransport();

        RunStats stats = Simulator.builder().fleet(fleet).transport(capture)
                .clock(Clock.fixed(start, ZoneOffset.UTC)).live(true).speed(3600).liveIntervals(2).build().run();

        List<Payload> payloads = capture.payloads();
        int meters = fleet.metersOf(Simulator.DEMO_VENDORS).size();
        Map<String, Map<Long, Double>> sent = SentReadings.importKwh(payloads);
        assertThat(sent).hasSize(meters);
        long midnightSlot = IntervalClock.slot(OffsetDateTime.parse("2026-11-27T00:00:00+05:30").toInstant());
        for (Map<Long, Double> slots : sent.values()) {
            assertThat(slots.keySet()).containsExactlyInAnyOrder(midnightSlot - 1, midnightSlot);
        }
        // vendor A: one batch per boundary, the midnight one with each meter's register
        List<Payload> hpl = payloads.stream().filter(p -> p.format() == WireFormat.HPL_JSON).toList();
        assertThat(hpl).hasSize(2);
        long registers = 0;
        for (Payload p : hpl) {
            for (JsonNode meter : json.readTree(p.body()).path("meters")) {
                for (JsonNode interval : meter.path("intervals")) {
                    if (interval.path("values").has("1.0.1.8.0.255")) {
                        assertThat(interval.path("end").asString()).isEqualTo("2026-11-27T00:00:00+05:30");
                        registers++;
                    }
                }
            }
        }
        assertThat(registers).isEqualTo(fleet.metersOf(List.of("HPL")).size());
        assertThat(payloads.stream().filter(p -> p.format() == WireFormat.KIRAN_DLMS).count())
                .isEqualTo(2L * fleet.metersOf(List.of("KIRAN")).size());
        assertThat(stats.batches()).isEqualTo(payloads.size());
    }

    @Test
    void liveAfterBackfillContinuesWithoutGapOrOverlap() {
        CapturingTransport capture = new CapturingTransport();

        Simulator.builder().fleet(fleet).vendors("KIRAN").transport(capture)
                .clock(Clock.fixed(TestFleets.THURSDAY_MORNING, ZoneOffset.UTC))
                .backfill(1).live(true).speed(3600).liveIntervals(2).build().run();

        Map<String, Map<Long, Double>> sent = SentReadings.importKwh(capture.payloads());
        long first = IntervalClock.firstSlot(TestFleets.WEDNESDAY);
        long last = IntervalClock.slot(IntervalClock.floorToBoundary(TestFleets.THURSDAY_MORNING)) + 2;
        for (Map<Long, Double> slots : sent.values()) {
            assertThat(slots).hasSize((int) (last - first + 1));
            assertThat(slots.keySet()).allMatch(slot -> slot >= first && slot <= last);
        }
    }

    @Test
    void stopEndsAnUnlimitedLiveRun() throws Exception {
        CapturingTransport capture = new CapturingTransport();
        Simulator simulator = Simulator.builder().fleet(fleet).vendors("HPL").transport(capture)
                .live(true).speed(3600).build();

        CompletableFuture<RunStats> run = CompletableFuture.supplyAsync(simulator::run);
        long deadline = System.nanoTime() / 1_000_000 + 10_000;
        while (capture.payloads().size() < 2 && System.nanoTime() / 1_000_000 < deadline) {
            Thread.sleep(20);
        }
        simulator.stop();

        RunStats stats = run.get(10, TimeUnit.SECONDS);
        assertThat(stats.batches()).isGreaterThanOrEqualTo(2);
    }
}
