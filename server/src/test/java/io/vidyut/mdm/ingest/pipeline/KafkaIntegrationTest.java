package io.vidyut.mdm.ingest.pipeline;

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
import java.util.List;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The server under test beside a real KRaft broker started in-process for the test class, and the batches and parts
 * the Kafka tests send through it. Each test uses a topic (and consumer group) of its own.
 */
abstract class KafkaIntegrationTest extends IntegrationTest {
    static final int PARTITIONS = 4;
    static EmbeddedKafkaKraftBroker broker;

    @Autowired StoreWriter writer;
    @Autowired DeadLetters deadLetters;
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

    /** A transport on its own topic, as the server would make it with these retries. */
    KafkaTransport transport(String topic, StoreRetries retries, Consumer<IngestWork> handler) {
        return new KafkaTransport(new KafkaTransport.Settings(broker.getBrokersAsString(), topic, PARTITIONS, (short) 1,
                "group-" + topic, 1, retries), handler, deadLetters, clock);
    }

    /** An accepted batch as the REST or MQTT path records it before publishing its parts. */
    UUID batch(TestTenant tenant, int parts) {
        UUID batchId = UUID.randomUUID();
        recordBatch(tenant, batchId, parts);
        return batchId;
    }

    void recordBatch(TestTenant tenant, UUID batchId, int parts) {
        UUID vendorId = TenantContext.callAs(TenantScope.of(tenant.id(), tenant.code()), () -> transactions.execute(s ->
                jdbc.sql("select id from hes_vendor limit 1").query(UUID.class).optional())).orElseGet(() ->
                UUID.fromString(new io.vidyut.mdm.testing.Registry(api, tenant.admin()).vendor("KAFKA")
                        .get("vendor").get("id").asString()));
        TenantContext.runAs(TenantScope.of(tenant.id(), tenant.code()), () -> transactions.executeWithoutResult(s ->
                jdbc.sql("""
                        insert into ingest_batch (id, tenant_id, vendor_id, batch_key, protocol, mapping_version, payload,
                                                  rows_total, rows_accepted, rows_rejected, parts)
                        values (?, ?, ?, ?, 'TEST', 1, ''::bytea, 0, 0, 0, ?)""")
                        .params(batchId, tenant.id(), vendorId, batchId.toString(), parts).update()));
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
