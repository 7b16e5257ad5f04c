package io.vidyut.mdm.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code mdm.outbox.messages{kind, status="pending"|"dead"}}: the messages waiting and dead per kind across tenants,
 * counted every 15 s ({@code mdm_outbox_counts}); every handled kind shows, at 0 when it has none. The attempts are
 * counted where they are made ({@code mdm.outbox.delivery.attempts}, {@link OutboxDispatcher}).
 */
@Component
class OutboxMetrics {
    private static final Logger log = LoggerFactory.getLogger(OutboxMetrics.class);
    private static final List<String> STATUSES = List.of("pending", "dead");

    private final JdbcClient jdbc;
    private final OutboxDispatcher dispatcher;
    private final MultiGauge messages;

    OutboxMetrics(JdbcClient jdbc, MeterRegistry metrics, OutboxDispatcher dispatcher) {
        this.jdbc = jdbc;
        this.dispatcher = dispatcher;
        this.messages = MultiGauge.builder("mdm.outbox.messages")
                .description("Outbox messages pending (to deliver) or dead (waiting for an operator) per kind").register(metrics);
        publish(Map.of());
    }

    @Scheduled(initialDelayString = "PT5S", fixedDelayString = "PT15S")
    void refresh() {
        try {
            Map<List<String>, Long> counted = new HashMap<>();
            jdbc.sql("select * from mdm_outbox_counts()").query((rs, n) -> counted.put(
                    List.of(rs.getString("kind"), rs.getString("status").toLowerCase()), rs.getLong("messages"))).list();
            publish(counted);
        } catch (RuntimeException e) {
            log.warn("The outbox could not be counted now", e);
        }
    }

    /** Every handled kind in every status (0 unless counted), and whatever else was counted. */
    private void publish(Map<List<String>, Long> counted) {
        List<MultiGauge.Row<?>> rows = new ArrayList<>();
        for (String kind : dispatcher.kinds().keySet()) {
            for (String status : STATUSES) {
                rows.add(MultiGauge.Row.of(Tags.of("kind", kind, "status", status), counted.getOrDefault(List.of(kind, status), 0L)));
            }
        }
        counted.forEach((key, count) -> {
            if (!dispatcher.kinds().containsKey(key.get(0))) {
                rows.add(MultiGauge.Row.of(Tags.of("kind", key.get(0), "status", key.get(1)), count));
            }
        });
        messages.register(rows, true);
    }
}
