package io.vidyut.mdm.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.vidyut.mdm.testing.ApiClient;
import io.vidyut.mdm.testing.TestTenant;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * A record the Kafka consumer cannot store, against a real broker: tried a few times, kept as a dead letter while its
 * partition moves on, counted and listed; re-driven once its cause is gone, or discarded with a reason.
 *
 * <p>The poison is real: a part whose batch the inbox does not hold fails at every attempt (the store records the part
 * against its batch), and it stops failing once the batch is there.
 */
class KafkaDeadLetterTest extends KafkaIntegrationTest {
    /** Three quick attempts, so a poison record is given up on in a fraction of a second. */
    static final StoreRetries QUICK = new StoreRetries(3, Duration.ofMillis(50));
    static final Duration SEND_TIMEOUT = Duration.ofSeconds(10);
    static final String DEAD_LETTERS = "/api/v1/ingest/dead-letters";

    @Autowired MeterRegistry metrics;

    @Test
    void a_part_that_never_stores_becomes_a_dead_letter_and_the_batch_behind_it_on_its_partition_is_stored() {
        TestTenant tenant = newTenant();
        String topic = "poison-" + UUID.randomUUID();
        double countedBefore = deadLettersCounted();
        UUID poisoned = UUID.randomUUID();
        UUID good = batch(tenant, 1);
        int partition;
        try (KafkaTransport transport = transport(topic, QUICK, writer::store)) {
            UUID meter = UUID.randomUUID();
            partition = transport.partitionOf(meter);
            transport.publish(work(tenant, poisoned, partition, List.of(meter), 4), SEND_TIMEOUT);
            transport.publish(work(tenant, good, partition, List.of(meter), 96), SEND_TIMEOUT);
            await(() -> completed(tenant, good), "the batch behind the poison record stored");
        }
        assertThat(storedIntervals(tenant)).isEqualTo(96);

        JsonNode letters = api.get(DEAD_LETTERS, tenant.operator()).json();
        assertThat(letters.get("total").asLong()).isEqualTo(1);
        JsonNode letter = letters.get("items").get(0);
        assertThat(letter.get("batch_id").asString()).isEqualTo(poisoned.toString());
        assertThat(letter.get("part").asInt()).isEqualTo(partition);
        assertThat(letter.get("topic").asString()).isEqualTo(topic);
        assertThat(letter.get("partition").asInt()).isEqualTo(partition);
        assertThat(letter.get("offset").asLong()).as("the first record of its partition").isZero();
        assertThat(letter.get("attempts").asInt()).isEqualTo(QUICK.maxAttempts());
        assertThat(letter.get("status").asString()).isEqualTo("OPEN");
        assertThat(letter.get("error").asString()).contains("ingest_batch_part_batch_id_fkey");
        assertThat(letter.get("raw_bytes").asInt()).isEqualTo(IngestWorkCodec.encode(work(tenant, poisoned, partition,
                List.of(UUID.randomUUID()), 4)).length);
        assertThat(letter.get("first_failed_at").asString()).isNotEmpty();
        assertThat(deadLettersCounted() - countedBefore).isEqualTo(1);

        assertThat(api.get(DEAD_LETTERS, newTenant().operator()).json().get("total").asLong())
                .as("another tenant's operator").isZero();
        assertThat(api.get(DEAD_LETTERS, tenant.analyst()).status()).isEqualTo(403);
    }

    @Test
    void re_driven_once_its_cause_is_gone_the_part_is_stored_and_its_batch_completes() {
        TestTenant tenant = newTenant();
        UUID batchId = UUID.randomUUID();
        JsonNode letter = poison(tenant, batchId);

        recordBatch(tenant, batchId, 1); // the cause goes: its batch is in the inbox now
        assertThat(sweepable(batchId)).as("the recovery sweep leaves a batch held by a dead letter alone").isFalse();

        ApiClient.Response redriven = api.post(DEAD_LETTERS + "/" + letter.get("id").asString() + "/redrive",
                tenant.operator(), Map.of());
        assertThat(redriven.status()).as(redriven.raw()).isEqualTo(200);
        assertThat(redriven.json().get("status").asString()).isEqualTo("REDRIVEN");
        assertThat(redriven.json().get("resolved_by").asString()).isEqualTo(tenant.code() + ".operator");
        await(() -> completed(tenant, batchId), "the re-driven part stored");
        assertThat(storedIntervals(tenant)).isEqualTo(96);

        ApiClient.Response again = api.post(DEAD_LETTERS + "/" + letter.get("id").asString() + "/redrive",
                tenant.operator(), Map.of());
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();
        assertThat(api.get(DEAD_LETTERS + "?status=REDRIVEN", tenant.admin()).json().get("total").asLong()).isEqualTo(1);
    }

    @Test
    void a_part_that_fails_again_after_a_re_drive_opens_its_dead_letter_again_with_the_attempts_added_up() {
        TestTenant tenant = newTenant();
        UUID batchId = UUID.randomUUID();
        try (KafkaTransport transport = transport("again-" + UUID.randomUUID(), QUICK, writer::store)) {
            UUID meter = UUID.randomUUID();
            IngestWork part = work(tenant, batchId, transport.partitionOf(meter), List.of(meter), 96);
            transport.publish(part, SEND_TIMEOUT);
            JsonNode first = await(DEAD_LETTERS, tenant.operator(), Duration.ofSeconds(60), page -> !page.get("items").isEmpty())
                    .get("items").get(0);
            String id = first.get("id").asString();
            // its cause is still there: the server's own pipeline fails on it, and so does Kafka's next delivery of it
            assertThat(api.post(DEAD_LETTERS + "/" + id + "/redrive", tenant.operator(), Map.of()).status()).isEqualTo(200);
            transport.publish(part, SEND_TIMEOUT);

            JsonNode again = await(DEAD_LETTERS, tenant.operator(), Duration.ofSeconds(60), page -> !page.get("items").isEmpty())
                    .get("items").get(0);
            assertThat(again.get("id").asString()).as("one dead letter per part").isEqualTo(id);
            assertThat(again.get("attempts").asInt()).isEqualTo(2 * QUICK.maxAttempts());
            assertThat(again.get("first_failed_at").asString()).isEqualTo(first.get("first_failed_at").asString());
            assertThat(again.get("status").asString()).isEqualTo("OPEN");
            assertThat(again.has("resolved_by")).isFalse();
        }
    }

    @Test
    void a_discarded_dead_letter_keeps_its_reason_and_its_batch_stays_open_and_unswept() {
        TestTenant tenant = newTenant();
        UUID batchId = UUID.randomUUID();
        String id = poison(tenant, batchId).get("id").asString();
        recordBatch(tenant, batchId, 1);

        ApiClient.Response blank = api.post(DEAD_LETTERS + "/" + id + "/discard", tenant.operator(), Map.of("reason", " "));
        assertThat(blank.status()).isEqualTo(422);
        assertThat(blank.isProblem()).isTrue();

        ApiClient.Response discarded = api.post(DEAD_LETTERS + "/" + id + "/discard", tenant.operator(),
                Map.of("reason", "meter replaced; its readings come again from the new meter"));
        assertThat(discarded.status()).as(discarded.raw()).isEqualTo(200);
        JsonNode listed = api.get(DEAD_LETTERS + "?status=DISCARDED", tenant.operator()).json().get("items").get(0);
        assertThat(listed.get("id").asString()).isEqualTo(id);
        assertThat(listed.get("discard_reason").asString()).isEqualTo("meter replaced; its readings come again from the new meter");
        assertThat(listed.get("resolved_by").asString()).isEqualTo(tenant.code() + ".operator");
        assertThat(api.get(DEAD_LETTERS, tenant.operator()).json().get("total").asLong()).as("open ones").isZero();

        assertThat(completed(tenant, batchId)).as("its batch is not fully stored").isFalse();
        assertThat(sweepable(batchId)).isFalse();
        assertThat(lastError(tenant, batchId)).contains("discarded by " + tenant.code() + ".operator");
        assertThat(api.post(DEAD_LETTERS + "/" + id + "/redrive", tenant.operator(), Map.of()).status()).isEqualTo(409);
        assertThat(api.post(DEAD_LETTERS + "/" + id + "/discard", tenant.operator(), Map.of("reason", "again")).status())
                .isEqualTo(409);
    }

    @Test
    void a_record_no_tenant_can_be_read_from_is_kept_for_the_platform() throws Exception {
        String topic = "unreadable-" + UUID.randomUUID();
        double countedBefore = deadLettersCounted();
        String platform = platformAdmin();
        byte[] garbage = "not a batch part".getBytes(StandardCharsets.UTF_8);
        try (KafkaTransport transport = transport(topic, QUICK, writer::store);
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(
                     Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
                     new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, 0, null, garbage)).get(10, TimeUnit.SECONDS);
            await(() -> platformDeadLetter(platform, topic).isPresent(), "the unreadable record kept");
        }
        JsonNode letter = platformDeadLetter(platform, topic).orElseThrow();
        assertThat(letter.has("batch_id")).as("it names no batch").isFalse();
        assertThat(letter.get("attempts").asInt()).as("the same bytes read the same way every time").isEqualTo(1);
        assertThat(letter.get("error").asString()).contains("unknown ingest work format");
        assertThat(deadLettersCounted() - countedBefore).isEqualTo(1);
        String id = letter.get("id").asString();
        assertThat(api.get(DEAD_LETTERS + "/" + id + "/raw", platform).raw()).isEqualTo("not a batch part");

        TestTenant tenant = newTenant();
        assertThat(api.get(DEAD_LETTERS + "/" + id, tenant.admin()).status()).as("no tenant's").isEqualTo(404);
        ApiClient.Response redrive = api.post(DEAD_LETTERS + "/" + id + "/redrive", platform, Map.of());
        assertThat(redrive.status()).isEqualTo(409);
        assertThat(redrive.json().get("detail").asString()).contains("recovery sweep");
        ApiClient.Response discarded = api.post(DEAD_LETTERS + "/" + id + "/discard", platform,
                Map.of("reason", "written by a test producer"));
        assertThat(discarded.status()).as(discarded.raw()).isEqualTo(200);
        assertThat(discarded.json().get("status").asString()).isEqualTo("DISCARDED");
    }

    /** Sends a part of a batch the inbox does not hold (yet) on a topic of its own, and waits for its dead letter. */
    JsonNode poison(TestTenant tenant, UUID batchId) {
        try (KafkaTransport transport = transport("poison-" + UUID.randomUUID(), QUICK, writer::store)) {
            UUID meter = UUID.randomUUID();
            transport.publish(work(tenant, batchId, transport.partitionOf(meter), List.of(meter), 96), SEND_TIMEOUT);
            JsonNode open = await(DEAD_LETTERS, tenant.operator(), Duration.ofSeconds(60), page -> !page.get("items").isEmpty());
            assertThat(open.get("items").get(0).get("batch_id").asString()).isEqualTo(batchId.toString());
            return open.get("items").get(0);
        }
    }

    Optional<JsonNode> platformDeadLetter(String platformToken, String topic) {
        JsonNode page = api.get(DEAD_LETTERS + "?size=1000", platformToken).json();
        return StreamSupport.stream(page.get("items").spliterator(), false)
                .filter(letter -> letter.get("topic").asString().equals(topic)).findFirst();
    }

    boolean completed(TestTenant tenant, UUID batchId) {
        return count(tenant, "select count(*) from ingest_batch where completed_at is not null and id = '" + batchId + "'") == 1;
    }

    String lastError(TestTenant tenant, UUID batchId) {
        return io.vidyut.mdm.tenancy.TenantContext.callAs(io.vidyut.mdm.tenancy.TenantScope.of(tenant.id(), tenant.code()),
                () -> transactions.execute(s -> jdbc.sql("select last_error from ingest_batch where id = ?").param(batchId)
                        .query(String.class).single()));
    }

    /** Whether the recovery sweep would re-drive the batch, however old it were. */
    boolean sweepable(UUID batchId) {
        return jdbc.sql("select count(*) from mdm_open_ingest_batches(?) where batch_id = ?")
                .params(Timestamp.from(clock.instant().plus(Duration.ofDays(1))), batchId).query(Long.class).single() > 0;
    }

    double deadLettersCounted() {
        return metrics.get("mdm.ingest.dead.letters").tag("transport", "kafka").counter().count();
    }
}
