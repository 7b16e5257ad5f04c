package io.vidyut.mdm.feed;

import io.vidyut.mdm.common.KafkaTopics;
import io.vidyut.mdm.outbox.KindSettings;
import io.vidyut.mdm.outbox.Outbox;
import io.vidyut.mdm.outbox.OutboxHandler;
import io.vidyut.mdm.outbox.OutboxMessage;
import io.vidyut.mdm.tenancy.TenantContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Publishes the feed on the pipeline's Kafka: the handler of the outbox's {@code feed.kafka} messages, each a range of
 * one tenant's positions ({@link FeedRelay}), whose entries it sends in position order, keyed by meter (by tenant for
 * entries about no meter) so a meter's entries stay in order within their partition, and then awaits the broker's
 * acknowledgement of every one. The outbox delivers a tenant's ranges one at a time in order, retries a failed one
 * (every minute at most, for as long as the feed keeps entries) before the next, and re-sends one whose instance
 * crashed mid-send after its lease: delivery is at-least-once (same ids and positions) and consumers dedupe on
 * {@code id}. While Kafka is unreachable entries wait in the database, up to the feed's retention.
 */
final class KafkaFeedPublisher implements OutboxHandler, AutoCloseable {
    static final String KIND = "feed.kafka";
    /** The longest wait between two attempts at a range. */
    private static final Duration BACKOFF_CAP = Duration.ofMinutes(1);

    record Settings(String bootstrap, String topic, int partitions, short replication, Duration sendTimeout,
                    Duration retention) {}

    /** What a {@code feed.kafka} message carries: one tenant's positions in (after, through], for a topic. */
    record Range(String topic, long after, long through, int entries) {}

    private final Settings settings;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final KafkaProducer<byte[], byte[]> producer;

    KafkaFeedPublisher(Settings settings, JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json) {
        this.settings = settings;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.json = json;
        KafkaTopics.ensure(settings.bootstrap(), settings.topic(), settings.partitions(), settings.replication());
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.sendTimeout().toMillis()),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** A tenant's range, ordered with the tenant's other ranges of the topic. */
    static Outbox.Message message(Range range) {
        return Outbox.Message.of(KIND, range).orderedBy("kafka:" + range.topic());
    }

    @Override
    public String kind() {
        return KIND;
    }

    /**
     * Tried again after 1 s, doubling to a minute, for as long as the feed keeps the entries (a Kafka outage shorter
     * than {@code mdm.feed.retention} loses nothing); a send is left a minute past its timeout before it is taken as
     * interrupted.
     */
    @Override
    public KindSettings defaults() {
        int attempts = (int) Math.min(1_000_000, settings.retention().dividedBy(BACKOFF_CAP) + 10);
        return new KindSettings(attempts, Duration.ofSeconds(1), BACKOFF_CAP, settings.sendTimeout().plusMinutes(1), null);
    }

    @Override
    public Outcome deliver(OutboxMessage message) {
        Range range = json.treeToValue(message.payload(), Range.class);
        String tenantCode = TenantContext.current().orElseThrow().tenantCode();
        List<FeedEntry> entries = transactions.execute(status -> jdbc.sql("""
                        select f.id, f.tenant_id, ? as tenant_code, f.pos, f.type, f.meter_id, f.occurred_at, f.data
                          from feed_event f where f.pos > ? and f.pos <= ? order by f.pos""")
                .params(tenantCode, range.after(), range.through()).query(Feed::entry).list());
        if (entries.isEmpty()) return Outcome.delivered(); // deleted by the retention meanwhile: nothing left to send
        try {
            send(range.topic(), entries);
            return Outcome.delivered();
        } catch (IllegalStateException e) {
            return Outcome.retry(e.getMessage() + (e.getCause() == null ? "" : ": " + e.getCause()));
        }
    }

    private void send(String topic, List<FeedEntry> entries) {
        List<Future<RecordMetadata>> sends = new ArrayList<>(entries.size());
        for (FeedEntry entry : entries) {
            String key = (entry.meterId() != null ? entry.meterId() : entry.tenantId()).toString();
            sends.add(producer.send(new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8),
                    json.writeValueAsBytes(entry))));
        }
        producer.flush();
        try {
            for (Future<RecordMetadata> sent : sends) sent.get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while Kafka acknowledged the feed", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka did not take the feed's entries; they are sent again later", e);
        }
    }

    String topic() {
        return settings.topic();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
