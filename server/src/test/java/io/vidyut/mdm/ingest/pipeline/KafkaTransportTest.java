package io.vidyut.mdm.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.TestTenant;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The Kafka transport against a real KRaft broker started in-process: instances of one consumer
 * group split the partitions, and a member killed mid-stream loses nothing and duplicates nothing
 * in the store.
 */
class KafkaTransportTest extends KafkaIntegrationTest {
    /** As the server retries by default. */
    static final StoreRetries RETRIES = new StoreRetries(5, Duration.ofMillis(200));

    @Test
    void two_instances_of_the_consumer_group_split_the_partitions() {
        String topic = "split-" + UUID.randomUUID();
        Set<Integer> seenByA = ConcurrentHashMap.newKeySet();
        Set<Integer> seenByB = ConcurrentHashMap.newKeySet();
        try (KafkaTransport a = transport(topic, RETRIES, w -> seenByA.add(w.part()));
             KafkaTransport b = transport(topic, RETRIES, w -> seenByB.add(w.part()))) {
            await(() -> a.assignedPartitions().size() + b.assignedPartitions().size() == PARTITIONS
                    && !a.assignedPartitions().isEmpty() && !b.assignedPartitions().isEmpty(), "rebalance");
            assertThat(a.assignedPartitions()).doesNotContainAnyElementsOf(b.assignedPartitions());

            TestTenant tenant = newTenant();
            for (UUID meter : metersCoveringEveryPartition(a)) {
                // these consumers only note the part: no batch is recorded, which nothing would ever complete
                a.publish(work(tenant, UUID.randomUUID(), a.partitionOf(meter), List.of(meter), 1), Duration.ofSeconds(10));
            }
            await(() -> seenByA.size() + seenByB.size() == PARTITIONS, "every partition consumed");
            assertThat(seenByA).isNotEmpty().doesNotContainAnyElementsOf(seenByB);
            assertThat(seenByB).isNotEmpty();
        }
    }

    @Test
    void a_member_killed_mid_stream_loses_nothing_and_duplicates_nothing_in_the_store() {
        String topic = "kill-" + UUID.randomUUID();
        TestTenant tenant = newTenant();
        KafkaTransport victim = transport(topic, RETRIES, writer::store);
        try (KafkaTransport survivor = transport(topic, RETRIES, writer::store)) {
            await(() -> victim.assignedPartitions().size() + survivor.assignedPartitions().size() == PARTITIONS
                    && !victim.assignedPartitions().isEmpty(), "both members assigned");

            List<UUID> meters = new ArrayList<>();
            for (int i = 0; i < 200; i++) meters.add(UUID.randomUUID());
            int batches = 20;
            for (int b = 0; b < batches; b++) {
                List<UUID> batchMeters = meters.subList(b * 10, b * 10 + 10);
                // a part per partition: meters sharing one make one part, so the batch completes when all are stored
                UUID batchId = batch(tenant, (int) batchMeters.stream().map(survivor::partitionOf).distinct().count());
                for (UUID meter : batchMeters) {
                    survivor.publish(work(tenant, batchId, survivor.partitionOf(meter), List.of(meter), 96), Duration.ofSeconds(10));
                }
                if (b == batches / 2) victim.crash();
            }
            long expected = 200L * 96;
            await(() -> storedIntervals(tenant) == expected, "every interval stored");
            assertThat(storedIntervals(tenant)).isEqualTo(expected);
            assertThat(count(tenant, "select count(*) from interval_day_history")).as("no value stored twice as a change").isZero();
            assertThat(count(tenant, "select count(*) from interval_day where version <> 1")).isZero();
            await(() -> count(tenant, "select count(*) from ingest_batch where completed_at is null") == 0, "every batch complete");
        } finally {
            victim.close();
        }
    }

    static List<UUID> metersCoveringEveryPartition(KafkaTransport transport) {
        List<UUID> meters = new ArrayList<>();
        Set<Integer> covered = new HashSet<>();
        while (covered.size() < PARTITIONS) {
            UUID meter = UUID.randomUUID();
            if (covered.add(transport.partitionOf(meter))) meters.add(meter);
        }
        return meters;
    }
}
