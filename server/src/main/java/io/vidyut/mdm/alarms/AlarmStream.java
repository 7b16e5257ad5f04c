package io.vidyut.mdm.alarms;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live alarm stream of each tenant (Server-Sent Events) on this instance: every committed alarm
 * change goes to the tenant's open streams, sent from one thread so a slow client never holds up
 * the transaction that raised the alarm. A comment every {@link #HEARTBEAT} finds dead clients.
 */
@Component
class AlarmStream {
    static final Duration HEARTBEAT = Duration.ofSeconds(15);
    static final Duration STREAM_LIFETIME = Duration.ofMinutes(30);

    private final Map<UUID, List<SseEmitter>> streams = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sender = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "alarm-stream");
        thread.setDaemon(true);
        return thread;
    });

    AlarmStream() {
        sender.scheduleAtFixedRate(this::heartbeat, HEARTBEAT.toSeconds(), HEARTBEAT.toSeconds(), TimeUnit.SECONDS);
    }

    /** A new stream for a tenant; it first says "ready", then one event per alarm change. */
    SseEmitter open(UUID tenantId) {
        SseEmitter emitter = new SseEmitter(STREAM_LIFETIME.toMillis());
        List<SseEmitter> tenantStreams = streams.computeIfAbsent(tenantId, id -> new CopyOnWriteArrayList<>());
        tenantStreams.add(emitter);
        Runnable remove = () -> tenantStreams.remove(emitter);
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(error -> remove.run());
        sender.execute(() -> send(tenantStreams, emitter, SseEmitter.event().name("ready").data("{}", MediaType.APPLICATION_JSON)));
        return emitter;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void changed(AlarmChanged change) {
        List<SseEmitter> tenantStreams = streams.get(change.tenantId());
        if (tenantStreams == null || tenantStreams.isEmpty()) return;
        sender.execute(() -> {
            for (SseEmitter emitter : tenantStreams) {
                send(tenantStreams, emitter, SseEmitter.event().name(change.change().name()).id(change.alarm().id().toString())
                        .data(change.alarm(), MediaType.APPLICATION_JSON));
            }
        });
    }

    private void heartbeat() {
        streams.values().forEach(tenantStreams -> tenantStreams.forEach(emitter ->
                send(tenantStreams, emitter, SseEmitter.event().comment("heartbeat"))));
    }

    private static void send(List<SseEmitter> tenantStreams, SseEmitter emitter, SseEmitter.SseEventBuilder event) {
        try {
            emitter.send(event);
        } catch (IOException | IllegalStateException e) {
            tenantStreams.remove(emitter);
            emitter.completeWithError(e);
        }
    }

    @PreDestroy
    void close() {
        sender.shutdownNow();
        streams.values().forEach(tenantStreams -> tenantStreams.forEach(SseEmitter::complete));
    }
}
