package io.vidyut.mdm.simulator.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.simulator.CapturingTransport;
import io.vidyut.mdm.simulator.RunStats;
import io.vidyut.mdm.simulator.SentReadings;
import io.vidyut.mdm.simulator.Simulator;
import io.vidyut.mdm.simulator.TestFleets;
import io.vidyut.mdm.simulator.fleet.Fleet;
import io.vidyut.mdm.simulator.fleet.MeterRole;
import io.vidyut.mdm.simulator.fleet.SimMeter;
import io.vidyut.mdm.simulator.payload.Payload;
import io.vidyut.mdm.simulator.payload.WireFormat;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A week of backfill through the whole pipeline, with a capturing transport in place of the MDM. */
class AnomalyRateTest {
    private static final double RATE = 0.05;
    private static final int DAYS = 7;
    /** 7 full days before Thursday 26 Nov plus 00:15 … 10:15 of the Thursday. */
    private static final int INTERVALS_PER_METER = DAYS * 96 + 41;
    private static final int METER_DAYS_PER_METER = DAYS + 1;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Fleet fleet = TestFleets.small();

    @TempDir
    Path dir;

    @Test
    void eachKindAppearsAtTheConfiguredRate() throws IOException {
        Run run = run(42, dir.resolve("a.jsonl"));
        Map<AnomalyKind, Integer> counts = new HashMap<>();
        Map<AnomalyKind, Integer> intervals = new HashMap<>();
        for (JsonNode line : run.log) {
            AnomalyKind kind = AnomalyKind.valueOf(line.path("kind").asString());
            counts.merge(kind, 1, Integer::sum);
            intervals.merge(kind, line.path("intervals").asInt(), Integer::sum);
        }
        int meters = fleet.metersOf(Simulator.DEMO_VENDORS).size();
        long meterIntervals = (long) meters * INTERVALS_PER_METER;
        long eligibleForReverse = fleet.meters().stream()
                .filter(m -> m.role() == MeterRole.CONSUMER && !m.netMetered()).count() * INTERVALS_PER_METER;
        long meterDays = (long) meters * METER_DAYS_PER_METER;
        long distinctBatches = run.payloads.stream().map(Payload::identity).distinct().count();

        Map<String, Map<Long, Double>> sent = SentReadings.importKwh(run.payloads);
        long sentIntervals = sent.values().stream().mapToLong(Map::size).sum();
        long sentWithImport = sent.values().stream().flatMap(m -> m.values().stream()).filter(v -> v > 0).count();

        // gaps come in runs of 1–8 (mean 4.5) leaving about RATE of the intervals unsent
        assertNear(counts, AnomalyKind.GAP, RATE / 4.5 * meterIntervals);
        assertThat(1 - (double) sentIntervals / meterIntervals).isBetween(RATE * 0.7, RATE * 1.3);
        assertNear(counts, AnomalyKind.SPIKE, RATE * sentWithImport);
        // reverse energy runs of 4–16 (mean 10) on consumers without net metering
        assertNear(counts, AnomalyKind.REVERSE_ENERGY, RATE / 10 * eligibleForReverse);
        assertThat((double) intervals.get(AnomalyKind.REVERSE_ENERGY) / eligibleForReverse)
                .isBetween(RATE * 0.6, RATE * 1.4);
        assertNear(counts, AnomalyKind.CLOCK_DRIFT, RATE * meterDays);
        assertNear(counts, AnomalyKind.DUPLICATE, RATE * distinctBatches);
        // a late run lying wholly after 10:15 on the last (partial) day is not sent yet, so not logged
        assertNear(counts, AnomalyKind.LATE, RATE * (meterDays - meters / 2.0));
        long hplMeters = fleet.metersOf(List.of("HPL")).size();
        assertThat(counts.getOrDefault(AnomalyKind.ROLLOVER, 0)).isBetween(1, (int) hplMeters);
        for (JsonNode line : run.log) {
            if (line.path("kind").asString().equals("ROLLOVER")) {
                assertThat(line.path("vendor").asString()).isEqualTo("HPL");
                assertThat(line.path("detail").path("register_kwh").asDouble())
                        .isLessThan(line.path("detail").path("previous_kwh").asDouble());
            }
        }
    }

    @Test
    void theSameSeedInjectsTheSameAnomaliesIntoTheSameData() throws IOException {
        Run first = run(7, dir.resolve("first.jsonl"));
        Run second = run(7, dir.resolve("second.jsonl"));
        Run other = run(8, dir.resolve("other.jsonl"));

        assertThat(first.lines).isEqualTo(second.lines);
        assertThat(identities(first)).isEqualTo(identities(second));
        assertThat(first.lines).isNotEqualTo(other.lines);
    }

    @Test
    void duplicatesAreSentTwiceAndDriftedMetersAreSevenMinutesOff() throws IOException {
        Run run = run(42, dir.resolve("b.jsonl"));
        Map<String, Integer> sends = new HashMap<>();
        run.payloads.forEach(p -> sends.merge(p.identity(), 1, Integer::sum));
        int checkedDrift = 0;
        for (JsonNode line : run.log) {
            switch (line.path("kind").asString()) {
                case "DUPLICATE" -> assertThat(sends.get(line.path("detail").path("batch").asString())).isEqualTo(2);
                case "CLOCK_DRIFT" -> {
                    if (line.path("vendor").asString().equals("VOLTA")) {
                        int offset = line.path("detail").path("offset_minutes").asInt();
                        assertThat(Math.abs(offset)).isEqualTo(7);
                        String serial = line.path("serial").asString();
                        long firstSlot = java.time.Instant.parse(line.path("from").asString()).getEpochSecond() / 900;
                        for (Payload p : run.payloads) {
                            if (p.format() != WireFormat.VOLTA_JSON) {
                                continue;
                            }
                            JsonNode message = json.readTree(p.body());
                            long ts = message.path("ts").asLong();
                            long slot = Math.floorDiv(ts + 900 + 450, 900L);  // the interval it stands for
                            if (message.path("dev").asString().equals(serial) && slot >= firstSlot && slot < firstSlot + 96) {
                                assertThat(Math.floorMod(ts, 900L)).isEqualTo(Math.floorMod(offset * 60L, 900L));
                                checkedDrift++;
                            }
                        }
                    }
                }
                default -> {
                }
            }
        }
        assertThat(checkedDrift).isPositive();
    }

    @Test
    void withoutAnomaliesEveryIntervalOfEveryMeterIsSentOnce() {
        CapturingTransport capture = new CapturingTransport();
        RunStats stats = Simulator.builder().fleet(fleet).transport(capture)
                .clock(Clock.fixed(TestFleets.THURSDAY_MORNING, ZoneOffset.UTC)).backfill(1).threads(3).build().run();

        int intervalsPerMeter = 96 + 41;
        long volta = fleet.metersOf(List.of("VOLTA")).size();
        long kiran = fleet.metersOf(List.of("KIRAN")).size();
        List<Payload> payloads = capture.payloads();
        assertThat(payloads.stream().filter(p -> p.format() == WireFormat.VOLTA_JSON).count())
                .isEqualTo(volta * intervalsPerMeter);
        assertThat(payloads.stream().filter(p -> p.format() == WireFormat.KIRAN_DLMS).count()).isEqualTo(kiran * 2);
        assertThat(payloads.stream().filter(p -> p.format() == WireFormat.HPL_JSON).count()).isEqualTo(2);
        assertThat(stats.batches()).isEqualTo(payloads.size());
        assertThat(stats.valuesSent()).isEqualTo(payloads.stream().mapToLong(Payload::valueCount).sum());
        assertThat(stats.errors()).isZero();
    }

    private record Run(List<Payload> payloads, List<JsonNode> log, TreeSet<String> lines) {
    }

    private Run run(long seed, Path logFile) throws IOException {
        CapturingTransport capture = new CapturingTransport();
        Simulator.builder().fleet(fleet).transport(capture).seed(seed)
                .clock(Clock.fixed(TestFleets.THURSDAY_MORNING, ZoneOffset.UTC))
                .backfill(DAYS).threads(4).anomalyRate(RATE).anomalyLog(logFile)
                .build().run();
        List<JsonNode> log = new ArrayList<>();
        TreeSet<String> lines = new TreeSet<>(Files.readAllLines(logFile));
        for (String line : lines) {
            log.add(json.readTree(line));
        }
        return new Run(capture.payloads(), log, lines);
    }

    private static TreeSet<String> identities(Run run) {
        TreeSet<String> ids = new TreeSet<>();
        run.payloads.forEach(p -> ids.add(p.identity()));
        return ids;
    }

    /** Within four binomial standard deviations (plus 5 % for the approximations in the expectation). */
    private static void assertNear(Map<AnomalyKind, Integer> counts, AnomalyKind kind, double expected) {
        int observed = counts.getOrDefault(kind, 0);
        double tolerance = 4 * Math.sqrt(expected) + 0.05 * expected + 1;
        assertThat((double) observed).as("%s: %d observed, %.1f expected", kind, observed, expected)
                .isBetween(expected - tolerance, expected + tolerance);
        assertThat(observed).as(kind + " injected at all").isPositive();
    }

}
