package io.vidyut.mdm.ingest.pipeline;

import io.vidyut.mdm.common.KafkaTopics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka as the pipeline between instances: one topic partitioned like the in-memory transport (a
 * meter always lands in the same partition, so its readings keep their order), idempotent
 * producer with acks=all, and a consumer group whose members split the partitions. Offsets are
 * committed only after the store transaction, so delivery is at-least-once; the store's writes
 * are idempotent, so a redelivery changes nothing. A record that cannot be stored is tried again a
 * few times ({@link StoreRetries}), then kept as a dead letter ({@link DeadLetters}) and committed,
 * so one poison record cannot hold up every later batch of its partition.
 */
final class KafkaTransport implements IngestTransport, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(KafkaTransport.class);

    private final String topic;
    private final int partitions;
    private final KafkaProducer<byte[], byte[]> producer;
    private final List<Thread> consumerThreads = new ArrayList<>();
    private final List<KafkaConsumer<byte[], byte[]>> consumers = new ArrayList<>();
    private final Set<Integer> assigned = ConcurrentHashMap.newKeySet();
    private final StoreRetries retries;
    private final DeadLetters deadLetters;
    private final Clock clock;
    /** Counted down when the transport stops: ends the consumers' loops and cuts a wait between attempts short. */
    private final CountDownLatch stopping = new CountDownLatch(1);

    record Settings(String bootstrap, String topic, int partitions, short replication, String groupId, int consumers,
                    StoreRetries retries) {}

    KafkaTransport(Settings settings, Consumer<IngestWork> handler, DeadLetters deadLetters, Clock clock) {
        this.topic = settings.topic();
        this.retries = settings.retries();
        this.deadLetters = deadLetters;
        this.clock = clock;
        this.partitions = KafkaTopics.ensure(settings.bootstrap(), settings.topic(), settings.partitions(),
                settings.replication());
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4",
                ProducerConfig.LINGER_MS_CONFIG, 5),
                new ByteArraySerializer(), new ByteArraySerializer());
        for (int i = 0; i < settings.consumers(); i++) {
            KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrap(),
                    ConsumerConfig.GROUP_ID_CONFIG, settings.groupId(),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 50),
                    new ByteArrayDeserializer(), new ByteArrayDeserializer());
            consumers.add(consumer);
            Thread thread = new Thread(() -> consume(consumer, handler), "kafka-ingest-" + i);
            thread.setDaemon(true);
            consumerThreads.add(thread);
            thread.start();
        }
    }

    @Override
    public int partitions() {
        return partitions;
    }

    @Override
    public boolean publish(IngestWork work, Duration timeout) {
        byte[] key = work.readings().get(0).meterId().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try {
            producer.send(new ProducerRecord<>(topic, partitionOf(work.readings().get(0).meterId()), key,
                            IngestWorkCodec.encode(work)))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            log.warn("Kafka did not take part {} of batch {}: {}", work.part(), work.batchId(), e.getMessage());
            return false;
        }
    }

    /** Partitions this instance's consumers hold now (for tests and the health view). */
    Set<Integer> assignedPartitions() {
        return Set.copyOf(assigned);
    }

    private void consume(KafkaConsumer<byte[], byte[]> consumer, Consumer<IngestWork> handler) {
        consumer.subscribe(List.of(topic), new org.apache.kafka.clients.consumer.ConsumerRebalanceListener() {
            @Override
            public void onPartitionsRevoked(java.util.Collection<TopicPartition> revoked) {
                revoked.forEach(p -> assigned.remove(p.partition()));
            }

            @Override
            public void onPartitionsAssigned(java.util.Collection<TopicPartition> added) {
                added.forEach(p -> assigned.add(p.partition()));
            }
        });
        try {
            while (running()) {
                ConsumerRecords<byte[], byte[]> records = consumer.poll(Duration.ofMillis(500));
                for (TopicPartition partition : records.partitions()) {
                    for (ConsumerRecord<byte[], byte[]> record : records.records(partition)) {
                        if (!storeOrKeepAsDeadLetter(record, handler)) {
                            consumer.seek(partition, record.offset());
                            break;
                        }
                        consumer.commitSync(Map.of(partition, new OffsetAndMetadata(record.offset() + 1)));
                    }
                }
            }
        } catch (WakeupException e) {
            if (running()) throw e;
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    /**
     * Stores the record's part, trying again after each failure, and keeps it as a dead letter after the last: true
     * when its partition may move past it. False when the transport is stopping, or the dead letter could not be
     * written either (the database is away): the record is then read again and nothing is lost.
     */
    private boolean storeOrKeepAsDeadLetter(ConsumerRecord<byte[], byte[]> record, Consumer<IngestWork> handler) {
        IngestWork work;
        try {
            work = IngestWorkCodec.decode(record.value());
        } catch (RuntimeException unreadable) {
            // the same bytes read the same way every time: no point in trying again
            return keepAsDeadLetter(new DeadLetter(record.topic(), record.partition(), record.offset(), record.value(),
                    null, unreadable, 1, clock.instant()));
        }
        Instant firstFailure = null;
        for (int attempt = 1; ; attempt++) {
            try {
                handler.accept(work);
                return true;
            } catch (RuntimeException e) {
                if (firstFailure == null) firstFailure = clock.instant();
                if (attempt == retries.maxAttempts()) {
                    return keepAsDeadLetter(new DeadLetter(record.topic(), record.partition(), record.offset(),
                            record.value(), work, e, attempt, firstFailure));
                }
                log.warn("Could not store part {} of batch {} at {}-{}@{} (attempt {} of {}); trying again: {}",
                        work.part(), work.batchId(), record.topic(), record.partition(), record.offset(), attempt,
                        retries.maxAttempts(), e.toString());
                if (!pause(retries.backoffAfter(attempt))) return false;
            }
        }
    }

    private boolean keepAsDeadLetter(DeadLetter letter) {
        try {
            deadLetters.keep(letter);
            return true;
        } catch (RuntimeException e) {
            log.error("Could not keep the record at {}-{}@{} as a dead letter; its partition waits and tries it again",
                    letter.topic(), letter.partition(), letter.offset(), e);
            pause(retries.backoffAfter(retries.maxAttempts()));
            return false;
        }
    }

    /** Waits, unless the transport stops meanwhile; false when it does. */
    private boolean pause(Duration duration) {
        try {
            return !stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private boolean running() {
        return stopping.getCount() > 0;
    }

    /** Stops consuming without committing anything in flight, as a crash would. */
    void crash() {
        stopping.countDown();
        consumers.forEach(KafkaConsumer::wakeup);
        joinConsumers();
        producer.close(Duration.ZERO);
    }

    @Override
    public void close() {
        stopping.countDown();
        consumers.forEach(KafkaConsumer::wakeup);
        joinConsumers();
        producer.close(Duration.ofSeconds(5));
    }

    private void joinConsumers() {
        for (Thread thread : consumerThreads) {
            try {
                thread.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
