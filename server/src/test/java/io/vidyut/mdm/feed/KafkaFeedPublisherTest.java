package io.vidyut.mdm.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.EventFeed;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.Registry;
import io.vidyut.mdm.testing.TestTenant;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The feed on the pipeline's Kafka, against a real KRaft broker in-process, through the relay and the outbox: every
 * entry once, in position order, keyed by meter; a range that cannot be published holds back the tenant's later ones
 * until it goes out, first; and another publisher (an instance, a restart) carries on where the first stopped.
 */
class KafkaFeedPublisherTest extends IntegrationTest {
    static EmbeddedKafkaKraftBroker broker;

    @Autowired JdbcClient jdbc;
    @Autowired TransactionTemplate transactions;
    @Autowired JsonMapper json;
    @Autowired FeedRelay relay;

    @BeforeAll
    static void startBroker() {
        broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.afterPropertiesSet();
    }

    @AfterAll
    static void stopBroker() {
        broker.destroy();
    }

    @AfterEach
    void unplug() {
        KafkaFeedForTests.publisher = null;
    }

    KafkaFeedPublisher publisher(String topic) {
        return new KafkaFeedPublisher(new KafkaFeedPublisher.Settings(broker.getBrokersAsString(), topic, 3, (short) 1,
                Duration.ofSeconds(10), Duration.ofDays(7)), jdbc, transactions, json);
    }

    /** The tenant's feed.kafka messages in a status. */
    JsonNode messages(TestTenant tenant, String status) {
        return api.get("/api/v1/outbox/messages?kind=feed.kafka&status=" + status + "&size=1000", tenant.admin()).json();
    }

    void awaitAllPublished(TestTenant tenant) {
        assertThat(poll(() -> messages(tenant, "PENDING").get("total").asInt(), pending -> pending == 0, Duration.ofSeconds(30)))
                .as("the tenant's ranges all published").isZero();
    }

    @Test
    void entries_are_published_once_in_order_keyed_by_meter_held_back_behind_a_failed_range_and_carried_on_by_another_instance() {
        TestTenant tenant = newTenant();
        Registry registry = new Registry(api, tenant.admin());
        Registry.EventVendor vendor = registry.eventVendor("KFEED");
        String meterId = registry.meter("K1", vendor.id(), null).get("id").asString();
        EventFeed hes = vendor.hes();
        hes.push("K1", "2026-11-20T10:00:00+05:30", "PWR_FAIL");
        hes.push("K1", "2026-11-20T10:20:00+05:30", "PWR_BACK");
        // the REST feed shows positioned entries only: once it has them, so can the relay
        await("/api/v1/feed", tenant.analyst(), p -> p.get("items").size() == 2);

        String topic = "feed-" + UUID.randomUUID();
        try (KafkaFeedPublisher first = publisher(topic)) {
            KafkaFeedForTests.publisher = first;
            assertThat(relay.enqueueForKafka(topic)).isGreaterThanOrEqualTo(2);
            awaitAllPublished(tenant);
            assertThat(messages(tenant, "DELIVERED").get("total").asInt()).as("both entries in one range").isEqualTo(1);
            KafkaFeedForTests.publisher = null;
        }

        // Kafka away: the next range fails and is retried; a later range of the tenant waits behind it, unattempted
        hes.push("K1", "2026-11-20T11:00:00+05:30", "MAGNET");
        await("/api/v1/feed?type=alarm.changed", tenant.analyst(), p -> p.get("items").size() == 1);
        assertThat(relay.enqueueForKafka(topic)).isGreaterThanOrEqualTo(2); // the event and the alarm it raised
        hes.push("K1", "2026-11-20T11:10:00+05:30", "PWR_FAIL");
        await("/api/v1/feed?type=meter.event", tenant.analyst(), p -> p.get("items").size() == 4);
        assertThat(relay.enqueueForKafka(topic)).isGreaterThanOrEqualTo(1);
        JsonNode pending = poll(() -> messages(tenant, "PENDING"), page -> page.get("total").asInt() == 2
                && page.get("items").get(1).get("attempts").asInt() >= 2, Duration.ofSeconds(20));
        JsonNode earlier = pending.get("items").get(1); // newest first
        JsonNode later = pending.get("items").get(0);
        assertThat(earlier.get("attempts").asInt()).isGreaterThanOrEqualTo(2);
        assertThat(earlier.get("last_error").asString()).contains("no Kafka");
        assertThat(later.get("attempts").asInt()).as("held back behind the failing range").isZero();
        assertThat(earlier.get("ordering_key").asString()).isEqualTo(later.get("ordering_key").asString()).isEqualTo("kafka:" + topic);

        try (KafkaFeedPublisher second = publisher(topic)) {
            KafkaFeedForTests.publisher = second;
            awaitAllPublished(tenant);
            relay.enqueueForKafka(topic);
            assertThat(messages(tenant, "PENDING").get("total").asInt()).as("nothing of this tenant left to enqueue").isZero();
            assertThat(messages(tenant, "DELIVERED").get("total").asInt()).isEqualTo(3);
        }

        List<ConsumerRecord<byte[], byte[]>> records = consumeTenant(topic, tenant.id(), 5);
        List<String> types = new ArrayList<>();
        List<Long> positions = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            JsonNode entry = json.readTree(record.value());
            types.add(entry.get("type").asString());
            positions.add(entry.get("position").asLong());
            ids.add(entry.get("id").asString());
            assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(meterId);
            assertThat(entry.get("tenant_code").asString()).isEqualTo(tenant.code());
        }
        assertThat(types).containsExactly("meter.event", "meter.event", "meter.event", "alarm.changed", "meter.event");
        assertThat(positions).isSorted();
        assertThat(ids).as("each entry once").doesNotHaveDuplicates();
        assertThat(records.get(2).value()).asString(StandardCharsets.UTF_8).contains("\"code\":201");
    }

    /** Everything on the topic (one meter's entries share a partition, so their order is kept) for one tenant. */
    List<ConsumerRecord<byte[], byte[]>> consumeTenant(String topic, UUID tenantId, int expected) {
        List<ConsumerRecord<byte[], byte[]>> mine = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + topic,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < deadline) {
                var records = consumer.poll(Duration.ofMillis(500));
                for (ConsumerRecord<byte[], byte[]> record : records) {
                    if (json.readTree(record.value()).get("tenant_id").asString().equals(tenantId.toString())) mine.add(record);
                }
                // once all expected are in, a quiet poll shows nothing more (no duplicate) is coming
                if (mine.size() >= expected && records.isEmpty()) break;
            }
        }
        return mine;
    }
}
