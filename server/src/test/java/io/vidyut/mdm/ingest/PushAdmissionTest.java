package io.vidyut.mdm.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class PushAdmissionTest {
    @Test
    void a_push_beyond_the_limit_waits_for_a_turn_and_is_turned_away_when_none_comes_in_time() throws Exception {
        PushAdmission admission = new PushAdmission(1, Duration.ofMillis(200));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch leave = new CountDownLatch(1);
        CompletableFuture<String> first = CompletableFuture.supplyAsync(() -> admission.admit(() -> {
            inside.countDown();
            await(leave);
            return "first";
        }));
        inside.await();

        assertThatThrownBy(() -> admission.admit(() -> "second")).isInstanceOf(PushAdmission.TooBusyException.class)
                .hasMessageContaining("Send it again");

        leave.countDown();
        assertThat(first.get()).isEqualTo("first");
        assertThat(admission.admit(() -> "third")).as("the permit came back").isEqualTo("third");
    }

    @Test
    void a_failing_push_gives_its_turn_back() {
        PushAdmission admission = new PushAdmission(1, Duration.ofMillis(200));
        assertThatThrownBy(() -> admission.admit(() -> {
            throw new IllegalStateException("bad payload");
        })).hasMessage("bad payload");
        assertThat(admission.admit(() -> "next")).isEqualTo("next");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
