package io.vidyut.mdm.simulator.pull;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vidyut.mdm.simulator.CapturingTransport;
import io.vidyut.mdm.simulator.RunStats;
import io.vidyut.mdm.simulator.Simulator;
import io.vidyut.mdm.simulator.TestFleets;
import io.vidyut.mdm.simulator.fleet.Fleet;
import io.vidyut.mdm.simulator.fleet.SimMeter;
import io.vidyut.mdm.simulator.payload.WireFormat;
import io.vidyut.mdm.simulator.transport.StandInMdm;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Fault injection for the MDM's retries and circuit breaker, and the pull server's place in a simulator run. */
class PullFaultsTest {
    private static final Fleet FLEET = TestFleets.small();
    private static final Clock CLOCK = Clock.fixed(TestFleets.THURSDAY_MORNING, ZoneOffset.UTC);
    private final String serial = FLEET.metersOf(List.of("KIRAN")).get(0).serial();
    private final String read = PullServerTest.readPath("KIRAN", serial);

    @Test
    void aFailureRateOfOneAnswersEveryRequest503() {
        try (RunningHes hes = RunningHes.start(Simulator.builder().fleet(FLEET).clock(CLOCK).pullFailureRate(1.0))) {
            for (int i = 0; i < 5; i++) {
                HttpResponse<byte[]> response = hes.get(read, "hes-secret");
                assertThat(response.statusCode()).isEqualTo(503);
                assertThat(PullServerTest.text(response)).contains("injected failure");
            }
        }
    }

    @Test
    void theSameSeedFailsTheSameRequests() {
        List<Integer> first = statuses(Simulator.builder().fleet(FLEET).clock(CLOCK).seed(3).pullFailureRate(0.5));
        List<Integer> again = statuses(Simulator.builder().fleet(FLEET).clock(CLOCK).seed(3).pullFailureRate(0.5));
        List<Integer> otherSeed = statuses(Simulator.builder().fleet(FLEET).clock(CLOCK).seed(4)
                .pullFailureRate(0.5));

        assertThat(first).contains(200, 503).isEqualTo(again).isNotEqualTo(otherSeed);
    }

    @Test
    void theDelayIsAppliedBeforeAnswering() {
        try (RunningHes hes = RunningHes.start(Simulator.builder().fleet(FLEET).clock(CLOCK)
                .pullDelay(Duration.ofMillis(400)))) {
            long start = System.nanoTime();
            HttpResponse<byte[]> response = hes.get(read, "hes-secret");
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(elapsedMs).isGreaterThanOrEqualTo(400);
        }
    }

    @Test
    void pullsAreAnsweredForTheFleetReadFromTheMdm() throws Exception {
        try (StandInMdm mdm = new StandInMdm(FLEET);
             RunningHes hes = RunningHes.start(Simulator.builder().target(mdm.uri()).clock(CLOCK))) {
            assertThat(hes.get(read, "hes-secret").statusCode()).isEqualTo(200);

            RunStats stats = hes.stop();

            assertThat(stats.batches()).isZero();
        }
    }

    @Test
    void pullsAreAnsweredBesideABackfillAndUntilStopped() throws Exception {
        CapturingTransport pushed = new CapturingTransport();
        List<SimMeter> kiran = FLEET.metersOf(List.of("KIRAN"));
        try (RunningHes hes = RunningHes.start(Simulator.builder().fleet(FLEET).clock(CLOCK).vendors("KIRAN")
                .transport(pushed).backfill(1))) {
            long deadline = System.nanoTime() / 1_000_000 + 30_000;
            while (pushed.payloads().size() < 2 * kiran.size() && System.nanoTime() / 1_000_000 < deadline) {
                Thread.sleep(20);
            }
            HttpResponse<byte[]> response = hes.get(read, "hes-secret");

            Instant tenFifteen = PullServerTest.TEN_FIFTEEN;
            Map<String, BigDecimal> pulled = WireValues.of(WireFormat.KIRAN_DLMS, response.body()).get(serial)
                    .get(tenFifteen);
            Map<String, BigDecimal> pushedValues = WireValues.of(pushed.payloads()).get(serial).get(tenFifteen);
            assertThat(pulled).isNotEmpty();
            // a day's notification may carry an export column the single interval's read leaves out (no export then)
            pushedValues.forEach((obis, value) -> assertThat(pulled.getOrDefault(obis, BigDecimal.ZERO)).as(obis)
                    .isEqualTo(value));
            RunStats stats = hes.stop();
            assertThat(stats.batches()).isEqualTo(2L * kiran.size());
        }
    }

    @Test
    void thePortCanOnlyBeAwaitedWhenPullsAreServed() {
        Simulator pushOnly = Simulator.builder().fleet(FLEET).backfill(1).build();

        assertThatThrownBy(() -> pushOnly.awaitPullPort(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("does not serve pulls");
    }

    private static List<Integer> statuses(Simulator.Builder builder) {
        List<Integer> statuses = new ArrayList<>();
        try (RunningHes hes = RunningHes.start(builder)) {
            String path = PullServerTest.readPath("HPL", FLEET.metersOf(List.of("HPL")).get(0).serial());
            for (int i = 0; i < 30; i++) {
                statuses.add(hes.get(path, "hes-secret").statusCode());
            }
        }
        return statuses;
    }
}
