package io.vidyut.mdm.simulator.transport;

import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5Client;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5PublishResult;
import io.vidyut.mdm.simulator.payload.Payload;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes payloads with a topic (vendor B) to an MQTT broker at QoS 1 (MQTT 5, HiveMQ client): a message counts
 * as delivered once the broker acknowledges it (PUBACK), which is all an HES knows. Failed publishes are retried
 * per the {@link RetryPolicy}; the client reconnects by itself.
 *
 * <p>Broker URIs: {@code tcp://host:port} or {@code mqtt://…} (default port 1883), {@code ssl://…} or
 * {@code mqtts://…} (TLS, default port 8883).
 */
public final class MqttTransport implements Transport {
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Mqtt5AsyncClient client;
    private final RetryPolicy retry;

    public MqttTransport(URI broker, String username, String password, RetryPolicy retry) {
        this.retry = retry;
        String scheme = broker.getScheme() == null ? "tcp" : broker.getScheme().toLowerCase(Locale.ROOT);
        boolean tls = scheme.equals("ssl") || scheme.equals("mqtts") || scheme.equals("tls");
        if (broker.getHost() == null) {
            throw new IllegalArgumentException("MQTT broker URI needs a host, e.g. tcp://127.0.0.1:1883: " + broker);
        }
        Mqtt5ClientBuilder builder = Mqtt5Client.builder()
                .identifier("vidyut-hes-sim-" + UUID.randomUUID().toString().substring(0, 8))
                .serverHost(broker.getHost())
                .serverPort(broker.getPort() > 0 ? broker.getPort() : tls ? 8883 : 1883)
                .automaticReconnectWithDefaultConfig();
        if (tls) {
            builder = builder.sslWithDefaultConfig();
        }
        this.client = builder.buildAsync();
        var connect = client.connectWith().cleanStart(true);
        if (username != null) {
            connect.simpleAuth().username(username)
                    .password(password == null ? new byte[0] : password.getBytes(StandardCharsets.UTF_8))
                    .applySimpleAuth();
        }
        try {
            connect.send().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to MQTT broker " + broker, e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("cannot connect to MQTT broker " + broker + ": " + cause, cause);
        }
    }

    @Override
    public Delivery deliver(Payload payload) {
        if (payload.mqttTopic() == null) {
            return Delivery.failed(0, 0, "payload of " + payload.vendorCode() + " has no MQTT topic");
        }
        String lastError = null;
        for (int attempt = 1; ; attempt++) {
            try {
                Mqtt5PublishResult result = client.publishWith()
                        .topic(payload.mqttTopic())
                        .qos(MqttQos.AT_LEAST_ONCE)
                        .contentType(payload.contentType())
                        .payload(payload.body())
                        .send().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
                if (result.getError().isEmpty()) {
                    return new Delivery(true, false, 0, 0, attempt, 0, null);
                }
                lastError = String.valueOf(result.getError().get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Delivery.failed(0, attempt, "interrupted");
            } catch (ExecutionException | TimeoutException e) {
                lastError = String.valueOf(e instanceof ExecutionException ? e.getCause() : e);
            }
            if (attempt >= retry.maxAttempts()) {
                return Delivery.failed(0, attempt, "MQTT publish failed: " + lastError);
            }
            try {
                Thread.sleep(retry.delayAfter(attempt, null).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Delivery.failed(0, attempt, "interrupted");
            }
        }
    }

    @Override
    public void close() {
        try {
            client.disconnect().get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // closing anyway; nothing left to deliver
        }
    }
}
