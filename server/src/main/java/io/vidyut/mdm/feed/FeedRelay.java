package io.vidyut.mdm.feed;

import io.vidyut.mdm.outbox.Outbox;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Moves the feed along, every {@code mdm.feed.poll}: gives committed entries their positions (one instance at a time,
 * oldest first), then, when Kafka is configured, enqueues each tenant's newly positioned entries for publishing as
 * {@code feed.kafka} outbox messages, which {@link KafkaFeedPublisher} delivers.
 *
 * <p>Each message is a range of one tenant's positions (at most {@value #PUBLISH_BATCH} entries), enqueued in the
 * transaction that moves the tenant's cursor ({@code feed_kafka_cursor}, locked), so ranges neither overlap nor leave
 * gaps, and a tenant's ranges are enqueued in position order. Their ordering key is the topic: the outbox delivers a
 * tenant's ranges one at a time, in that order, a failed one holding back the later ones until it succeeds.
 */
@Component
class FeedRelay implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(FeedRelay.class);
    static final int BATCH = 5000;
    /** Entries per {@code feed.kafka} message: what the publisher sends and awaits at once. */
    static final int PUBLISH_BATCH = 1000;

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Outbox outbox;
    private final FeedSettings settings;
    private final Optional<KafkaFeedPublisher> kafka;

    FeedRelay(JdbcClient jdbc, TransactionTemplate transactions, Outbox outbox, FeedSettings settings,
              Optional<KafkaFeedPublisher> kafka) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.outbox = outbox;
        this.settings = settings;
        this.kafka = kafka;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(this::relay, settings.poll());
    }

    void relay() {
        try {
            assignPositions();
            kafka.ifPresent(publisher -> enqueueForKafka(publisher.topic()));
        } catch (RuntimeException e) {
            log.warn("The feed could not be relayed now; it is tried again", e);
        }
    }

    /** Positions every committed entry that has none yet; returns how many. */
    int assignPositions() {
        int total = 0;
        int assigned;
        do {
            assigned = jdbc.sql("select mdm_feed_assign_positions(?)").param(BATCH).query(Integer.class).single();
            total += assigned;
        } while (assigned == BATCH);
        return total;
    }

    /** Enqueues every tenant's positioned entries past its cursor of {@code topic}; returns how many entries. */
    int enqueueForKafka(String topic) {
        List<TenantScope> behind = jdbc.sql("select * from mdm_feed_tenants_behind(?)").param(topic)
                .query((rs, n) -> TenantScope.of(rs.getObject(1, UUID.class), rs.getString(2))).list();
        int total = 0;
        for (TenantScope tenant : behind) {
            try {
                int enqueued;
                do {
                    enqueued = TenantContext.callAs(tenant, () -> transactions.execute(status -> enqueueNext(topic)));
                    total += enqueued;
                } while (enqueued == PUBLISH_BATCH);
            } catch (RuntimeException e) {
                log.warn("The feed of tenant {} could not be enqueued for Kafka now; it is tried again", tenant.tenantCode(), e);
            }
        }
        return total;
    }

    private record Next(Long through, int entries) {}

    /** In the current tenant's transaction: the next range after its cursor becomes a message, and the cursor moves. */
    private int enqueueNext(String topic) {
        jdbc.sql("insert into feed_kafka_cursor (tenant_id, topic) values (mdm_current_tenant(), ?) on conflict do nothing")
                .param(topic).update();
        long after = jdbc.sql("select pos from feed_kafka_cursor where topic = ? for update").param(topic).query(Long.class).single();
        Next next = jdbc.sql("select max(pos), count(*) from (select pos from feed_event where pos > ? order by pos limit ?) n")
                .params(after, PUBLISH_BATCH).query((rs, n) -> new Next(rs.getObject(1, Long.class), rs.getInt(2))).single();
        if (next.entries() == 0) return 0;
        outbox.enqueue(KafkaFeedPublisher.message(new KafkaFeedPublisher.Range(topic, after, next.through(), next.entries())));
        jdbc.sql("update feed_kafka_cursor set pos = ? where topic = ?").params(next.through(), topic).update();
        return next.entries();
    }
}
