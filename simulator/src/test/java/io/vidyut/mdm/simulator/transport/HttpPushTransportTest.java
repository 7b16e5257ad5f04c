package io.vidyut.mdm.simulator.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.simulator.Simulator;
import io.vidyut.mdm.simulator.TestFleets;
import io.vidyut.mdm.simulator.payload.HplPayloadFactory;
import io.vidyut.mdm.simulator.payload.IntervalReading;
import io.vidyut.mdm.simulator.payload.MeterDay;
import io.vidyut.mdm.simulator.payload.Payload;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HttpPushTransportTest {
    private static final RetryPolicy FAST = new RetryPolicy(5, Duration.ofMillis(20), Duration.ofMillis(100));
    private StandInMdm mdm;
    private HttpPushTransport transport;
    private final Payload payload = new HplPayloadFactory("HPL").build(List.of(new MeterDay(
            TestFleets.home("HPL23000001", 2, false), LocalDate.of(2026, 11, 26),
            List.of(new IntervalReading(Instant.parse("2026-11-26T04:45:00Z"), 0.123, 0, 0.13, new double[] {231.4},
                    new double[] {2.1})), null)));

    @BeforeEach
    void start() throws Exception {
        mdm = new StandInMdm(TestFleets.small());
        transport = new HttpPushTransport(mdm.uri(), Simulator.DEMO_KEYS, FAST);
    }

    @AfterEach
    void stop() {
        mdm.close();
    }

    @Test
    void retriesServiceUnavailableUntilAccepted() {
        mdm.failWith(n -> n < 2 ? new StandInMdm.Failure(503, null, "busy") : null);

        Delivery delivery = transport.deliver(payload);

        assertThat(delivery.delivered()).isTrue();
        assertThat(delivery.attempts()).isEqualTo(3);
        assertThat(delivery.status()).isEqualTo(202);
        assertThat(delivery.valuesAccepted()).isEqualTo(4);
        assertThat(mdm.readingRequests()).isEqualTo(3);
        assertThat(mdm.accepted()).isEqualTo(1);
    }

    @Test
    void waitsAtLeastWhatRetryAfterAsks() {
        mdm.failWith(n -> n == 0 ? new StandInMdm.Failure(429, "1", "slow down") : null);
        RetryPolicy patient = new RetryPolicy(3, Duration.ofMillis(1), Duration.ofSeconds(2));
        HttpPushTransport client = new HttpPushTransport(mdm.uri(), Simulator.DEMO_KEYS, patient);

        long start = System.nanoTime();
        Delivery delivery = client.deliver(payload);

        assertThat(delivery.delivered()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(950));
    }

    @Test
    void givesUpAfterTheLastAttempt() {
        mdm.failWith(n -> new StandInMdm.Failure(503, null, "down"));

        Delivery delivery = transport.deliver(payload);

        assertThat(delivery.delivered()).isFalse();
        assertThat(delivery.attempts()).isEqualTo(5);
        assertThat(delivery.status()).isEqualTo(503);
        assertThat(delivery.error()).contains("HTTP 503").contains("gave up after 5 attempts");
        assertThat(mdm.readingRequests()).isEqualTo(5);
    }

    @Test
    void doesNotRetryARefusal() {
        mdm.failWith(n -> new StandInMdm.Failure(422, null, "no mapping for vendor"));

        Delivery delivery = transport.deliver(payload);

        assertThat(delivery.delivered()).isFalse();
        assertThat(delivery.attempts()).isEqualTo(1);
        assertThat(delivery.error()).contains("HTTP 422").contains("no mapping for vendor");
        assertThat(mdm.readingRequests()).isEqualTo(1);
    }

    @Test
    void aRepeatedBatchIsDeliveredAsADuplicate() {
        assertThat(transport.deliver(payload).duplicate()).isFalse();

        Delivery again = transport.deliver(payload);

        assertThat(again.delivered()).isTrue();
        assertThat(again.duplicate()).isTrue();
        assertThat(again.status()).isEqualTo(200);
    }

    @Test
    void aVendorWithoutKeyIsReportedNotSent() {
        HttpPushTransport keyless = new HttpPushTransport(mdm.uri(), java.util.Map.of(), FAST);

        Delivery delivery = keyless.deliver(payload);

        assertThat(delivery.delivered()).isFalse();
        assertThat(delivery.error()).contains("no API key for vendor HPL");
        assertThat(mdm.readingRequests()).isZero();
    }

    @Test
    void retriesWhenTheServerIsNotThereYet() throws Exception {
        java.net.URI nothing = java.net.URI.create("http://127.0.0.1:" + freePort());
        HttpPushTransport client = new HttpPushTransport(nothing, Simulator.DEMO_KEYS,
                new RetryPolicy(3, Duration.ofMillis(5), Duration.ofMillis(10)));

        Delivery delivery = client.deliver(payload);

        assertThat(delivery.delivered()).isFalse();
        assertThat(delivery.attempts()).isEqualTo(3);
        assertThat(delivery.error()).contains("ConnectException");
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
