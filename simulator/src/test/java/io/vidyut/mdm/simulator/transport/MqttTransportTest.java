package io.vidyut.mdm.simulator.transport;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.vidyut.mdm.simulator.CapturingTransport;
import io.vidyut.mdm.simulator.RunStats;
import io.vidyut.mdm.simulator.Simulator;
import io.vidyut.mdm.simulator.TestFleets;
import io.vidyut.mdm.simulator.VoltaTransportMode;
import io.vidyut.mdm.simulator.fleet.Fleet;
import io.vidyut.mdm.simulator.payload.Payload;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Vendor B over a real MQTT broker: the Mosquitto that this project's machines run on 127.0.0.1:1883 (override
 * with -Dmdm.test.mqtt=tcp://host:port); .ci/run starts it, so a missing broker fails the test.
 */
class MqttTransportTest {
    private static final URI BROKER = URI.create(System.getProperty("mdm.test.mqtt", "tcp://127.0.0.1:1883"));
    private final Map<String, byte[]> received = new ConcurrentHashMap<>();
    private Mqtt5AsyncClient subscriber;

    @BeforeEach
    void subscribe() throws Exception {
        // .ci/run starts Mosquitto; a missing broker is a failure, not a silent skip
        assertThat(brokerListens()).as("MQTT broker at " + BROKER + " (start it: mosquitto -d)").isTrue();
        subscriber = Mqtt5Client.builder().identifier("sim-test-" + UUID.randomUUID().toString().substring(0, 8))
                .serverHost(BROKER.getHost()).serverPort(BROKER.getPort()).buildAsync();
        subscriber.connect().get(10, TimeUnit.SECONDS);
        subscriber.subscribeWith().topicFilter("hes/volta/+/profile").qos(MqttQos.AT_LEAST_ONCE)
                .callback(this::keep).send().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void disconnect() throws Exception {
        if (subscriber != null) {
            subscriber.disconnect().get(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void aBackfillOfVendorBArrivesOnTheBrokerMessageForMessage() throws Exception {
        Fleet fleet = TestFleets.small();
        CapturingTransport sameRunOverRest = new CapturingTransport();
        Simulator.builder().fleet(fleet).vendors("VOLTA").transport(sameRunOverRest)
                .clock(Clock.fixed(TestFleets.THURSDAY_MORNING, ZoneOffset.UTC)).backfill(1).build().run();
        List<Payload> expected = sameRunOverRest.payloads();

        RunStats stats = Simulator.builder().fleet(fleet).vendors("VOLTA").voltaTransport(VoltaTransportMode.MQTT)
                .mqttBroker(BROKER.toString()).clock(Clock.fixed(TestFleets.THURSDAY_MORNING, ZoneOffset.UTC))
                .backfill(1).threads(4).build().run();

        assertThat(stats.errors()).isZero();
        assertThat(stats.batches()).isEqualTo(expected.size());
        long deadline = System.nanoTime() / 1_000_000 + 10_000;
        while (!expected.stream().allMatch(p -> received.containsKey(key(p.mqttTopic(), p.body())))
                && System.nanoTime() / 1_000_000 < deadline) {
            Thread.sleep(50);
        }
        // other publishers may share the broker, so look for ours rather than count everything
        for (Payload payload : expected) {
            assertThat(received.get(key(payload.mqttTopic(), payload.body()))).isEqualTo(payload.body());
        }
    }

    private void keep(Mqtt5Publish publish) {
        byte[] body = publish.getPayloadAsBytes();
        received.put(key(publish.getTopic().toString(), body), body);
    }

    private static String key(String topic, byte[] body) {
        return topic + "|" + UUID.nameUUIDFromBytes(body);
    }

    private static boolean brokerListens() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(BROKER.getHost(), BROKER.getPort()), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
