package io.vidyut.mdm.ingest.mqtt;

import io.vidyut.mdm.ingest.Refusals;
import io.vidyut.mdm.ingest.HesInbox;
import com.hivemq.client.mqtt.MqttClient;
import com.hivemq.client.mqtt.datatypes.MqttQos;
import com.hivemq.client.mqtt.mqtt5.Mqtt5AsyncClient;
import com.hivemq.client.mqtt.mqtt5.Mqtt5ClientBuilder;
import com.hivemq.client.mqtt.mqtt5.message.publish.Mqtt5Publish;
import io.vidyut.mdm.hes.mapping.PayloadMapping;
import io.vidyut.mdm.hes.VendorMappingChanged;
import io.vidyut.mdm.hes.VendorMappingService;
import io.vidyut.mdm.security.MachineClient;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Subscribes to each vendor's MQTT topics named in its mapping (readings, and events when the mapping
 * names an events topic) and feeds every message through the same acceptance as a REST push. A message is acknowledged to the broker (QoS 1) only once its
 * batch is durably accepted, so a crash before that makes the broker deliver it again. Messages of
 * one vendor are accepted in arrival order on one thread.
 */
@Component
class MqttIngestAdapter implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(MqttIngestAdapter.class);
    static final String SHARE_GROUP = "vidyut-mdm";
    static final long SESSION_EXPIRY_SECONDS = 86_400;
    static final int ACCEPT_ATTEMPTS = 4;
    /** Names this instance's broker sessions, so a restarted instance resumes its own. */
    static final String INSTANCE = instanceName();

    private final JdbcClient jdbc;
    private final VendorMappingService mappings;
    private final HesInbox inbox;
    private final Map<UUID, Subscription> subscriptions = new ConcurrentHashMap<>();
    private volatile boolean running;

    MqttIngestAdapter(JdbcClient jdbc, VendorMappingService mappings, HesInbox inbox) {
        this.jdbc = jdbc;
        this.mappings = mappings;
        this.inbox = inbox;
    }

    private record VendorMqtt(MachineClient vendor, PayloadMapping.MqttSubscription settings) {}

    private record Subscription(VendorMqtt config, Mqtt5AsyncClient client, ExecutorService worker,
                                java.util.concurrent.CompletableFuture<Void> active) {
        void close() {
            client.disconnect().orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null);
            worker.shutdown();
        }
    }

    @Override
    public void start() {
        running = true;
        reconcile();
    }

    @Override
    public void stop() {
        running = false;
        subscriptions.values().forEach(Subscription::close);
        subscriptions.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The server takes HTTP traffic first; MQTT follows once everything else runs. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    /** A new mapping version may add, change or drop the vendor's subscription: follow it at once. */
    @TransactionalEventListener
    void mappingChanged(VendorMappingChanged event) {
        reconcile();
    }

    /**
     * Brings the subscriptions in line with the mappings in force; also runs every minute so that
     * a mapping saved through another instance takes effect here too.
     */
    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    synchronized void reconcile() {
        if (!running) return;
        Map<UUID, VendorMqtt> wanted = new java.util.HashMap<>();
        configured().forEach(c -> wanted.put(c.vendor().vendorId(), c));
        for (UUID vendorId : List.copyOf(subscriptions.keySet())) {
            VendorMqtt now = wanted.get(vendorId);
            Subscription before = subscriptions.get(vendorId);
            if (now == null || !before.config().settings().equals(now.settings())) {
                subscriptions.remove(vendorId);
                before.close();
            }
        }
        wanted.forEach((vendorId, config) -> {
            if (!subscriptions.containsKey(vendorId)) subscribe(config);
        });
    }

    /** Whether the broker has confirmed the vendor's subscription. */
    boolean subscribed(UUID vendorId) {
        Subscription subscription = subscriptions.get(vendorId);
        return subscription != null && subscription.active().isDone() && !subscription.active().isCompletedExceptionally();
    }

    /** Whether the broker has confirmed the vendor's subscription including an events topic. */
    boolean subscribedToEvents(UUID vendorId) {
        Subscription subscription = subscriptions.get(vendorId);
        return subscription != null && subscription.config().settings().eventsTopic() != null
                && subscription.active().isDone() && !subscription.active().isCompletedExceptionally();
    }

    /** A passing failure (database busy or restarting) is retried with backoff before giving up. */
    private void acceptWithRetries(MachineClient vendor, byte[] payload, boolean isEvents) {
        for (int attempt = 1; ; attempt++) {
            try {
                TenantContext.runAs(TenantScope.of(vendor.tenantId(), vendor.tenantCode()), () -> {
                    if (isEvents) inbox.events(vendor, "MQTT", payload, null);
                    else inbox.readings(vendor, "MQTT", payload, null);
                });
                return;
            } catch (RuntimeException e) {
                if (attempt >= ACCEPT_ATTEMPTS || Refusals.permanent(e).isPresent()) throw e;
                try {
                    Thread.sleep(1000L << (attempt - 1));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    private static String instanceName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "local";
        }
    }

    private List<VendorMqtt> configured() {
        return jdbc.sql("select * from mdm_mqtt_vendor_mappings()")
                .query((rs, n) -> new VendorMqtt(
                        new MachineClient(rs.getObject("vendor_id", UUID.class), rs.getString("vendor_code"),
                                rs.getObject("tenant_id", UUID.class), rs.getString("tenant_code")),
                        mappings.parse(rs.getString("config")).mqtt()))
                .list().stream().filter(c -> c.settings() != null).toList();
    }

    private void subscribe(VendorMqtt config) {
        PayloadMapping.MqttSubscription settings = config.settings();
        URI broker = URI.create(settings.brokerUrl());
        Mqtt5ClientBuilder builder = MqttClient.builder().useMqttVersion5()
                .identifier("vidyut-mdm-" + config.vendor().vendorId() + "-" + INSTANCE)
                .serverHost(broker.getHost())
                .serverPort(broker.getPort() > 0 ? broker.getPort() : "ssl".equals(broker.getScheme()) ? 8883 : 1883)
                .automaticReconnectWithDefaultConfig();
        if ("ssl".equals(broker.getScheme())) builder = builder.sslWithDefaultConfig();
        Mqtt5AsyncClient client = builder.buildAsync();
        ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "mqtt-ingest-" + config.vendor().vendorCode());
            thread.setDaemon(true);
            return thread;
        });
        Subscription subscription = new Subscription(config, client, worker, new java.util.concurrent.CompletableFuture<>());
        subscriptions.put(config.vendor().vendorId(), subscription);
        // a persistent session: after a crash the broker hands back what this instance had not acknowledged
        var connect = client.connectWith().cleanStart(false).sessionExpiryInterval(SESSION_EXPIRY_SECONDS);
        if (settings.username() != null) {
            connect = connect.simpleAuth().username(settings.username())
                    .password(Objects.requireNonNullElse(settings.password(), "").getBytes(StandardCharsets.UTF_8))
                    .applySimpleAuth();
        }
        connect.send()
                .thenCompose(ack -> subscribe(client, worker, config, settings.topic(), false))
                .thenCompose(ack -> settings.eventsTopic() == null ? java.util.concurrent.CompletableFuture.completedFuture(ack)
                        : subscribe(client, worker, config, settings.eventsTopic(), true))
                .whenComplete((ack, error) -> {
                    if (error != null) subscription.active().completeExceptionally(error);
                    else subscription.active().complete(null);
                    if (error != null) log.error("MQTT subscription for vendor {} at {} failed", config.vendor().vendorCode(),
                            settings.brokerUrl(), error);
                    else log.info("Subscribed to {}{} on {} for HES vendor {}", settings.topic(),
                            settings.eventsTopic() == null ? "" : " and " + settings.eventsTopic(), settings.brokerUrl(),
                            config.vendor().vendorCode());
                });
    }

    /** One shared subscription of the vendor's client: readings, or events when {@code isEvents}. */
    private java.util.concurrent.CompletableFuture<com.hivemq.client.mqtt.mqtt5.message.subscribe.suback.Mqtt5SubAck> subscribe(
            Mqtt5AsyncClient client, ExecutorService worker, VendorMqtt config, String topic, boolean isEvents) {
        return client.subscribeWith()
                .topicFilter("$share/" + SHARE_GROUP + "/" + topic)
                .qos(Objects.requireNonNull(MqttQos.fromCode(config.settings().qos())))
                .callback(message -> worker.execute(() -> handle(config.vendor(), message, isEvents)))
                .manualAcknowledgement(true)
                .send();
    }

    private void handle(MachineClient vendor, Mqtt5Publish message, boolean isEvents) {
        byte[] payload = message.getPayloadAsBytes();
        try {
            acceptWithRetries(vendor, payload, isEvents);
            message.acknowledge();
        } catch (RuntimeException e) {
            var refusal = Refusals.permanent(e);
            if (refusal.isPresent()) {
                // redelivery would fail the same way: keep it for inspection and let the broker move on
                TenantContext.runAs(TenantScope.of(vendor.tenantId(), vendor.tenantCode()),
                        () -> inbox.unreadable(vendor, payload, refusal.get()));
                message.acknowledge();
                return;
            }
            // not acknowledged: the broker delivers it again when this instance's session resumes
            log.error("Could not accept MQTT message of vendor {} on {}; left unacknowledged", vendor.vendorCode(),
                    message.getTopic(), e);
        }
    }
}
