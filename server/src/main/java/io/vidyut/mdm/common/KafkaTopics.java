package io.vidyut.mdm.common;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/** Topics the MDM writes to are created by it, with the partitions it is configured for. */
public final class KafkaTopics {
    private KafkaTopics() {}

    /** Creates the topic unless it exists; returns how many partitions it has (an existing topic keeps its own). */
    public static int ensure(String bootstrap, String topic, int partitions, short replication) {
        try (AdminClient admin = AdminClient.create(Map.of("bootstrap.servers", bootstrap))) {
            try {
                admin.createTopics(List.of(new NewTopic(topic, partitions, replication))).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) throw new IllegalStateException(e.getCause());
            }
            return partitionsOf(admin, topic);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Kafka at " + bootstrap + " is not reachable", e);
        }
    }

    /**
     * A topic just created may not be known yet to the broker asked (its metadata travels from the controller): that
     * broker's "unknown topic" is asked again for a while.
     */
    private static int partitionsOf(AdminClient admin, String topic)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return Optional.ofNullable(admin.describeTopics(List.of(topic)).allTopicNames()
                                .get(30, TimeUnit.SECONDS).get(topic))
                        .map(d -> d.partitions().size()).orElseThrow();
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException) || System.nanoTime() > deadline) throw e;
                Thread.sleep(100);
            }
        }
    }
}
