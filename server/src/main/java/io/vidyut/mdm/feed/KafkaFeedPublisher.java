package io.vidyut.mdm.feed;

import io.vidyut.mdm.common.KafkaTopics;
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
 * Publishes positioned feed entries on the pipeline's Kafka, in position order, keyed by meter (by tenant for
 * entries about no meter) so a meter's entries stay in order within their partition. Its progress is a row in
 * {@code feed_cursor}, locked while a batch is sent, so instances never publish a batch twice at once; the
 * cursor moves only after the broker acknowledged the whole batch, in the same transaction. A crash between the
 * two sends the batch again (same ids and positions): delivery is at-least-once and consumers dedupe on
 * {@code id}. While Kafka is unreachable entries wait in the database, up to the feed's retention.
 */
final class KafkaFeedPublisher implements AutoCloseable {
    static final int BATCH = 1000;

    record Settings(String bootstrap, String topic, int partitions, short replication, Duration sendTimeout) {}

    private final Settings settings;
    private final String cursor;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final JsonMapper json;
    private final KafkaProducer<byte[], byte[]> producer;

    KafkaFeedPublisher(Settings settings, JdbcClient jdbc, TransactionTemplate transactions, JsonMapper json) {
        this.settings = settings;
        this.cursor = "kafka:" + settings.topic();
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

    /** Publishes the next batch after the cursor; returns how many entries went out. */
    int publishPending() {
        Integer published = transactions.execute(status -> {
            jdbc.sql("insert into feed_cursor (name) values (?) on conflict do nothing").param(cursor).update();
            long after = jdbc.sql("select pos from feed_cursor where name = ? for update").param(cursor)
                    .query(Long.class).single();
            List<FeedEntry> entries = jdbc.sql("select * from mdm_feed_after(?, ?)").params(after, BATCH)
                    .query(Feed::entry).list();
            if (entries.isEmpty()) return 0;
            send(entries);
            jdbc.sql("update feed_cursor set pos = ? where name = ?")
                    .params(entries.get(entries.size() - 1).position(), cursor).update();
            return entries.size();
        });
        return published == null ? 0 : published;
    }

    private void send(List<FeedEntry> entries) {
        List<Future<RecordMetadata>> sends = new ArrayList<>(entries.size());
        for (FeedEntry entry : entries) {
            String key = (entry.meterId() != null ? entry.meterId() : entry.tenantId()).toString();
            sends.add(producer.send(new ProducerRecord<>(settings.topic(), key.getBytes(StandardCharsets.UTF_8),
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
