package io.vidyut.mdm.ingest.push;

import io.vidyut.mdm.ingest.pipeline.PushRefused;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** So many at a time, a few more waiting their turn for a short while, the rest turned away at once. */
class GateTest {

    @Test
    void work_beyond_the_limit_waits_for_a_turn_and_is_turned_away_when_none_comes_in_time() throws Exception {
        Gate gate = new Gate("pushes", 1, 1, Duration.ofMillis(200));
        Occupant first = Occupant.enter(gate);

        assertThatThrownBy(() -> gate.through(() -> "second")).isInstanceOf(PushRefused.class)
                .hasMessageContaining("waited 200 ms").extracting(e -> ((PushRefused) e).status().value()).isEqualTo(503);

        first.leave();
        assertThat(gate.through(() -> "third")).as("the turn came back").isEqualTo("third");
    }

    @Test
    void when_as_many_as_allowed_are_already_waiting_the_next_is_turned_away_without_waiting() throws Exception {
        // an hour's wait: a push that queued here would hold the test for an hour
        Gate gate = new Gate("pushes", 1, 1, Duration.ofHours(1));
        Occupant inside = Occupant.enter(gate);
        CompletableFuture<String> waiting = CompletableFuture.supplyAsync(() -> gate.through(() -> "waited"));
        while (gate.waiting() == 0) Thread.onSpinWait();

        assertThatThrownBy(() -> gate.through(() -> "third")).isInstanceOf(PushRefused.class)
                .hasMessageContaining("1 more are waiting");

        inside.leave();
        assertThat(waiting.get()).as("the one waiting got its turn").isEqualTo("waited");
    }

    @Test
    void failing_work_gives_its_turn_back() {
        Gate gate = new Gate("pushes", 1, 0, Duration.ofMillis(200));
        assertThatThrownBy(() -> gate.through(() -> {
            throw new IllegalStateException("bad payload");
        })).hasMessage("bad payload");
        assertThat(gate.through(() -> "next")).isEqualTo("next");
    }

    @Test
    void a_refusal_asks_for_at_least_a_second_before_the_next_try() {
        assertThat(PushRefused.busy("busy", Duration.ofMillis(200)).retryAfterSeconds()).isEqualTo(1);
        assertThat(PushRefused.rateLimited("slow down", Duration.ofMillis(41_001)).retryAfterSeconds()).isEqualTo(42);
    }

    /** Work holding the gate's one turn until it is told to leave. */
    private record Occupant(CountDownLatch exit, CompletableFuture<String> done) {
        static Occupant enter(Gate gate) throws InterruptedException {
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch leave = new CountDownLatch(1);
            CompletableFuture<String> done = CompletableFuture.supplyAsync(() -> gate.through(() -> {
                inside.countDown();
                try {
                    leave.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "done";
            }));
            inside.await();
            return new Occupant(leave, done);
        }

        void leave() throws Exception {
            exit.countDown();
            done.get();
        }
    }
}
