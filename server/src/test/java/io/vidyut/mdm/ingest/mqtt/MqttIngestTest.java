package io.vidyut.mdm.ingest.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5BlockingClient;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.Registry;
import io.vidyut.mdm.testing.TestTenant;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * MQTT push through the machine's Mosquitto broker (127.0.0.1:1883, started by .ci/run): the MDM
 * subscribes as the vendor's mapping says, follows mapping changes without restart, and stores or
 * quarantines what arrives.
 */
class MqttIngestTest extends IntegrationTest {
    @Autowired MqttIngestAdapter adapter;

    TestTenant tenant;
    String vendorId;
    String meterId;
    String topicRoot;
    Mqtt5BlockingClient hes;

    @BeforeEach
    void vendorPushingOverMqtt() {
        tenant = newTenant();
        Registry registry = new Registry(api, tenant.admin());
        vendorId = api.post("/api/v1/hes-vendors", tenant.admin(), Map.of("code", "VOLTA", "name", "Volta HES",
                "protocol", "MQTT", "ip_allowlist", List.of("127.0.0.1/32"))).json().get("vendor").get("id").asString();
        meterId = registry.meter("VLT1", vendorId, null).get("id").asString();
        topicRoot = "test/" + tenant.code();
        var saved = api.put("/api/v1/hes-vendors/" + vendorId + "/mapping", tenant.admin(), mapping(true));
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        await(() -> adapter.subscribed(UUID.fromString(vendorId)), "subscription");
        hes = MqttClient.builder().useMqttVersion5().identifier("test-hes-" + tenant.code())
                .serverHost("127.0.0.1").serverPort(1883).buildBlocking();
        hes.connect();
    }

    @AfterEach
    void disconnect() {
        if (hes != null) hes.disconnect();
    }

    Map<String, Object> mapping(boolean withMqtt) {
        Map<String, Object> mapping = new java.util.HashMap<>(Map.of("format", "JSON", "rows", "data[*]",
                "timestamp_format", "EPOCH_SECONDS", "time_zone", "UTC", "interval_stamp", "START",
                "fields", Map.of("meter", "^.dev", "timestamp", "^.ts", "code", "obis", "value", "v", "scaler", "s", "unit", "u")));
        if (withMqtt) {
            mapping.put("mqtt", Map.of("broker_url", "tcp://127.0.0.1:1883", "topic", topicRoot + "/+/profile", "qos", 1));
        }
        return mapping;
    }

    void publish(String topic, String payload) {
        hes.publishWith().topic(topic).qos(MqttQos.AT_LEAST_ONCE).payload(payload.getBytes(StandardCharsets.UTF_8)).send();
    }

    long storedIntervals() {
        return api.get("/api/v1/meters/" + meterId + "/consumption?from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z",
                tenant.analyst()).json().get("total").get("intervals").asLong();
    }

    @Test
    void a_message_on_the_vendors_topic_is_stored() {
        // 2026-11-20T04:30Z interval start, Wh with scaler
        publish(topicRoot + "/VLT1/profile", """
                {"dev": "VLT1", "ts": 1795149000, "data": [{"obis": "1-0:1.29.0*255", "v": 1234, "s": -1, "u": "Wh"}]}""");
        await(() -> storedIntervals() == 1, "stored interval");
        var series = api.get("/api/v1/meters/" + meterId + "/consumption?from=2026-11-20T04:30:00Z&to=2026-11-20T04:45:00Z",
                tenant.analyst()).json();
        // 123.4 Wh, kept to the channel's resolution of 0.1 Wh
        assertThat(series.get("total").get("value").decimalValue()).isEqualByComparingTo("0.1234");
    }

    @Test
    void an_unreadable_message_is_quarantined_and_does_not_block_the_next() {
        publish(topicRoot + "/VLT1/profile", "this is not json");
        publish(topicRoot + "/VLT1/profile", """
                {"dev": "VLT1", "ts": 1795149900, "data": [{"obis": "1-0:1.29.0*255", "v": 100, "s": 0, "u": "Wh"}]}""");
        await(() -> storedIntervals() == 1, "the good message stored");
        await(() -> api.get("/api/v1/quarantine?vendor_id=" + vendorId, tenant.operator()).json().get("total").asLong() == 1,
                "the bad message quarantined");
    }

    @Test
    void dropping_the_broker_from_the_mapping_ends_the_subscription_without_restart() {
        api.put("/api/v1/hes-vendors/" + vendorId + "/mapping", tenant.admin(), mapping(false));
        await(() -> !adapter.subscribed(UUID.fromString(vendorId)), "unsubscribed");
    }

    @Test
    void events_on_the_vendors_events_topic_are_recorded_as_unified_events() {
        Map<String, Object> mapping = mapping(true);
        mapping.put("mqtt", Map.of("broker_url", "tcp://127.0.0.1:1883", "topic", topicRoot + "/+/profile",
                "events_topic", topicRoot + "/+/events", "qos", 1));
        mapping.put("events", Map.of("rows", "events[*]", "fields", Map.of("meter", "^.dev", "timestamp", "ts", "code", "type"),
                "codes", Map.of("MAGNET", 201)));
        var saved = api.put("/api/v1/hes-vendors/" + vendorId + "/mapping", tenant.admin(), mapping);
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
        // the new settings replace the subscription: wait for the one that has the events topic
        await(() -> adapter.subscribedToEvents(UUID.fromString(vendorId)), "subscription with events");

        // 2026-11-20T04:30Z
        publish(topicRoot + "/VLT1/events", "{\"dev\": \"VLT1\", \"events\": [{\"ts\": 1795149000, \"type\": \"MAGNET\"}]}");
        String events = "/api/v1/meters/" + meterId + "/events?from=2026-11-20T00:00:00Z&to=2026-11-21T00:00:00Z";
        await(() -> api.get(events, tenant.analyst()).json().get("total").asLong() == 1, "recorded event");
        var recorded = api.get(events, tenant.analyst()).json().get("items").get(0);
        assertThat(recorded.get("code").asInt()).isEqualTo(201);
        assertThat(recorded.get("occurred_at").asString()).isEqualTo("2026-11-20T04:30:00Z");
        assertThat(api.get("/api/v1/alarms?kind=TAMPER", tenant.operator()).json().get("total").asLong())
                .as("the tamper raised its alarm as over REST").isEqualTo(1);
    }

    @Test
    void an_events_topic_needs_the_events_section() {
        Map<String, Object> mapping = mapping(true);
        mapping.put("mqtt", Map.of("broker_url", "tcp://127.0.0.1:1883", "topic", topicRoot + "/+/profile",
                "events_topic", topicRoot + "/+/events"));
        var refused = api.put("/api/v1/hes-vendors/" + vendorId + "/mapping", tenant.admin(), mapping);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("errors").findValuesAsString("field")).contains("mqtt.events_topic");
    }

    static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() / 1_000_000 + 15_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() / 1_000_000 > deadline) throw new AssertionError("timed out waiting for " + what);
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
