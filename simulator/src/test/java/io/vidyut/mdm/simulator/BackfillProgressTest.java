package io.vidyut.mdm.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.simulator.payload.Payload;
import io.vidyut.mdm.simulator.transport.Delivery;
import io.vidyut.mdm.simulator.transport.Transport;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BackfillProgressTest {

    @Test
    void theBackfillTellsHowFarItHasComeWhileItRunsAndThatItIsDone() {
        AtomicReference<Simulator> running = new AtomicReference<>();
        List<BackfillProgress> seen = new CopyOnWriteArrayList<>();
        CapturingTransport capture = new CapturingTransport();
        Transport watching = new Transport() {
            @Override
            public Delivery deliver(Payload payload) {
                running.get().backfillProgress().ifPresent(seen::add);
                return capture.deliver(payload);
            }
        };
        Simulator simulator = Simulator.builder().fleet(TestFleets.small()).transport(watching).threads(1)
                .clock(Clock.fixed(TestFleets.THURSDAY_MORNING, ZoneOffset.UTC)).backfill(1).build();
        running.set(simulator);
        assertThat(simulator.backfillProgress()).isEmpty();

        simulator.run();

        assertThat(seen).isNotEmpty().allSatisfy(p -> {
            assertThat(p.finished()).isFalse();
            assertThat(p.days()).isEqualTo(2);  // Wednesday, and Thursday until now
            assertThat(p.meters()).isEqualTo(TestFleets.small().metersOf(Simulator.DEMO_VENDORS).size());
        });
        assertThat(seen.get(0).share()).isZero();
        assertThat(seen.get(0).remaining()).isEmpty();
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i).blocksDone()).isGreaterThanOrEqualTo(seen.get(i - 1).blocksDone());
        }
        assertThat(seen.get(seen.size() - 1).share()).isBetween(0.5, 1.0);
        assertThat(seen.get(seen.size() - 1).remaining()).isPresent();
        BackfillProgress done = simulator.backfillProgress().orElseThrow();
        assertThat(done.finished()).isTrue();
        assertThat(done.share()).isEqualTo(1.0);
        assertThat(done.blocksDone()).isEqualTo(done.blocksTotal());
        assertThat(done.remaining()).contains(Duration.ZERO);
    }
}
