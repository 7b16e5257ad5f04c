package io.vidyut.mdm.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.channels.Quality;
import io.vidyut.mdm.readings.Reading;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.TestTenant;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Kafka transport against a real KRaft broker started in-process: instances of one consumer
 * group split the partitions, and a member killed mid-stream loses nothing and duplicates nothing
 * in the store.
 */
class KafkaTransportTest extends IntegrationTest {
    static final int PARTITIONS = 4;
    static EmbeddedKafkaKraftBroker broker;

    @Autowired StoreWriter writer;
    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    KafkaTransport.Settings settings(String topic) {
        return new KafkaTransport.Settings(broker.getBrokersAsString(), topic, PARTITIONS, (short) 1, "group-" + topic, 1);
    }

    @Test
    void two_instances_of_the_consumer_group_split_the_partitions() {
        String topic = "split-" + UUID.randomUUID();
        Set<Integer> seenByA = ConcurrentHashMap.newKeySet();
        Set<Integer> seenByB = ConcurrentHashMap.newKeySet();
        try (KafkaTransport a = new KafkaTransport(settings(topic), w -> seenByA.add(w.part()));
             KafkaTransport b = new KafkaTransport(settings(topic), w -> seenByB.add(w.part()))) {
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
        KafkaTransport victim = new KafkaTransport(settings(topic), writer::store);
        try (KafkaTransport survivor = new KafkaTransport(settings(topic), writer::store)) {
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

    /** An accepted batch as the REST or MQTT path records it before publishing its parts. */
    UUID batch(TestTenant tenant, int parts) {
        UUID vendorId = TenantContext.callAs(TenantScope.of(tenant.id(), tenant.code()), () -> transactions.execute(s ->
                jdbc.sql("select id from hes_vendor limit 1").query(UUID.class).optional())).orElseGet(() ->
                UUID.fromString(new io.vidyut.mdm.testing.Registry(api, tenant.admin()).vendor("KAFKA")
                        .get("vendor").get("id").asString()));
        UUID batchId = UUID.randomUUID();
        TenantContext.runAs(TenantScope.of(tenant.id(), tenant.code()), () -> transactions.executeWithoutResult(s ->
                jdbc.sql("""
                        insert into ingest_batch (id, tenant_id, vendor_id, batch_key, protocol, mapping_version, payload,
                                                  rows_total, rows_accepted, rows_rejected, parts)
                        values (?, ?, ?, ?, 'TEST', 1, ''::bytea, 0, 0, 0, ?)""")
                        .params(batchId, tenant.id(), vendorId, batchId.toString(), parts).update()));
        return batchId;
    }

    /** A day of 15-minute kWh values per meter, as one part. */
    static IngestWork work(TestTenant tenant, UUID batchId, int part, List<UUID> meters, int intervals) {
        List<Reading> readings = new ArrayList<>();
        Instant first = Instant.parse("2026-11-19T18:45:00Z");
        for (UUID meter : meters) {
            for (int i = 0; i < intervals; i++) {
                readings.add(new Reading(meter, Channel.KWH_IMPORT, first.plus(Duration.ofMinutes(15L * i)), 15, 100 + i,
                        Quality.ACTUAL.bit()));
            }
        }
        return new IngestWork(batchId, part, tenant.id(), tenant.code(), ZoneId.of("Asia/Kolkata"), readings);
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

    long storedIntervals(TestTenant tenant) {
        return count(tenant, "select coalesce(sum(cardinality(array_remove(vals, null))), 0) from interval_day");
    }

    long count(TestTenant tenant, String sql) {
        return TenantContext.callAs(TenantScope.of(tenant.id(), tenant.code()),
                () -> transactions.execute(s -> jdbc.sql(sql).query(Long.class).single()));
    }

    static void await(BooleanSupplier condition, String what) {
        assertThat(poll(condition::getAsBoolean, Boolean::booleanValue, Duration.ofSeconds(60))).as("waiting for " + what).isTrue();
    }
}
