package io.vidyut.mdm.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.ScratchDatabase;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The upgrade to one outbox (V28) on a database at V27 holding work in flight: pending, delivered and failed webhook
 * messages and mail, commands waiting to be sent, an on-demand read's result still to fetch, and the feed's Kafka
 * cursor. What was to be sent is still to be sent, with its id, attempts and due time; the history stays readable;
 * the old tables and functions are gone. A database of its own, in the test server's PostgreSQL cluster.
 */
class OutboxMigrationTest extends IntegrationTest {
    @Autowired DataSource application;

    ScratchDatabase database;

    @AfterEach
    void dropDatabase() throws SQLException {
        if (database != null) database.close();
    }

    @Test
    void work_in_flight_at_v27_is_in_the_one_outbox_after_v28() throws SQLException {
        database = new ScratchDatabase(application);
        database.migrateTo("27");
        JdbcClient jdbc = database.jdbc();

        UUID tenant = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        jdbc.sql("insert into tenant (id, code, name) values (?, 'upgrade', 'Upgrade'), (?, 'other', 'Other')")
                .params(tenant, other).update();
        UUID subscription = UUID.randomUUID();
        jdbc.sql("insert into webhook_subscription (id, tenant_id, url, secret, event_types, created_by) "
                + "values (?, ?, 'https://example.com/hooks', 'sealed', '{alarm.raised}', 'someone')")
                .params(subscription, tenant).update();
        UUID pendingHook = UUID.randomUUID();
        UUID deliveredHook = UUID.randomUUID();
        UUID failedHook = UUID.randomUUID();
        String body = "{\"type\":\"alarm.raised\",  \"data\":{\"b\":1,\"a\":2}}";
        jdbc.sql("""
                        insert into outbox (id, tenant_id, subscription_id, event_type, payload, status, attempts,
                                            next_attempt_at, last_error, created_at, delivered_at)
                        values (?, ?, ?, 'alarm.raised', ?, 'PENDING', 2, '2026-11-26T10:00:00Z', 'receiver answered HTTP 503',
                                '2026-11-26T09:00:00Z', null),
                               (?, ?, ?, 'alarm.raised', ?, 'DELIVERED', 1, '2026-11-25T10:00:00Z', null,
                                '2026-11-25T09:00:00Z', '2026-11-25T09:00:01Z'),
                               (?, ?, ?, 'alarm.raised', ?, 'FAILED', 8, '2026-11-24T10:00:00Z', 'receiver unreachable (after 8 attempts)',
                                '2026-11-24T09:00:00Z', null)""")
                .params(pendingHook, tenant, subscription, body, deliveredHook, tenant, subscription, body, failedHook, tenant,
                        subscription, body)
                .update();
        UUID pendingMail = UUID.randomUUID();
        jdbc.sql("""
                        insert into mail_outbox (id, tenant_id, recipients, subject, body, attempts, next_attempt_at, created_at)
                        values (?, ?, '{ops@discom.example,se@discom.example}', 'alarm raised', 'A new alarm', 1,
                                '2026-11-26T10:05:00Z', '2026-11-26T10:00:00Z')""")
                .params(pendingMail, tenant).update();
        UUID vendor = UUID.randomUUID();
        UUID meter = UUID.randomUUID();
        jdbc.sql("insert into hes_vendor (id, tenant_id, code, name, protocol) values (?, ?, 'HPL', 'HPL', 'REST')")
                .params(vendor, tenant).update();
        jdbc.sql("insert into meter (id, tenant_id, serial, make, phase, category, hes_vendor_id) "
                + "values (?, ?, 'M1', 'L&T', '1P', 'CONSUMER', ?)").params(meter, tenant, vendor).update();
        UUID waiting = UUID.randomUUID();
        UUID executedRead = UUID.randomUUID();
        UUID acknowledged = UUID.randomUUID();
        String command = """
                insert into meter_command (id, tenant_id, meter_id, vendor_id, type, idempotency_key, status, attempts,
                                           next_attempt_at, requested_by, requested_at, completed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?::timestamptz, 'someone', '2026-11-26T08:00:00Z', ?::timestamptz)""";
        jdbc.sql(command).params(waiting, tenant, meter, vendor, "DISCONNECT", "k1", "REQUESTED", 1, "2026-11-26T10:10:00Z", null)
                .update();
        jdbc.sql(command).params(executedRead, tenant, meter, vendor, "ON_DEMAND_READ", "k2", "SENT", 1, "2026-11-26T10:00:00Z", null)
                .update();
        jdbc.sql("update meter_command set status = 'EXECUTED', completed_at = '2026-11-26T08:30:00Z' where id = ?")
                .param(executedRead).update(); // the trigger flags its result to fetch
        jdbc.sql(command).params(acknowledged, tenant, meter, vendor, "CONNECT", "k3", "ACKNOWLEDGED", 1, "2026-11-26T10:20:00Z",
                null).update();
        jdbc.sql("insert into feed_cursor (name, pos) values ('kafka:mdm.events', 4242)").update();

        database.migrateTo("28");

        record Row(UUID id, UUID tenantId, String kind, String subject, String status, int attempts, String lastError,
                   String nextAttemptAt, String payload) {}
        List<Row> rows = jdbc.sql("""
                        select id, tenant_id, kind, subject, status, attempts, last_error,
                               to_char(next_attempt_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'), payload::text
                          from outbox_message order by kind, created_at""")
                .query((rs, n) -> new Row(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getString(4), rs.getString(5), rs.getInt(6), rs.getString(7), rs.getString(8), rs.getString(9)))
                .list();
        assertThat(rows).extracting(Row::kind).containsExactly("command", "command.read", "mail", "webhook", "webhook",
                "webhook");
        assertThat(rows).allSatisfy(row -> assertThat(row.tenantId()).isEqualTo(tenant));

        Row send = rows.get(0);
        assertThat(send.subject()).isEqualTo(waiting.toString());
        assertThat(send.status()).isEqualTo("PENDING");
        assertThat(send.attempts()).as("the attempts it had").isEqualTo(1);
        assertThat(send.nextAttemptAt()).isEqualTo("2026-11-26T10:10:00Z");
        assertThat(send.payload()).contains(waiting.toString());
        Row read = rows.get(1);
        assertThat(read.subject()).isEqualTo(executedRead.toString());
        assertThat(read.status()).isEqualTo("PENDING");
        Row mail = rows.get(2);
        assertThat(mail.id()).isEqualTo(pendingMail);
        assertThat(mail.status()).isEqualTo("PENDING");
        assertThat(mail.payload()).contains("ops@discom.example").contains("\"subject\": \"alarm raised\"");
        Map<UUID, Row> hooks = Map.of(rows.get(3).id(), rows.get(3), rows.get(4).id(), rows.get(4), rows.get(5).id(), rows.get(5));
        assertThat(hooks.keySet()).as("the ids receivers dedupe on").containsExactlyInAnyOrder(pendingHook, deliveredHook, failedHook);
        assertThat(hooks.get(pendingHook).status()).isEqualTo("PENDING");
        assertThat(hooks.get(pendingHook).attempts()).isEqualTo(2);
        assertThat(hooks.get(pendingHook).nextAttemptAt()).isEqualTo("2026-11-26T10:00:00Z");
        assertThat(hooks.get(pendingHook).subject()).isEqualTo(subscription.toString());
        assertThat(hooks.get(deliveredHook).status()).isEqualTo("DELIVERED");
        assertThat(hooks.get(failedHook).status()).isEqualTo("DEAD");
        assertThat(hooks.get(failedHook).lastError()).isEqualTo("receiver unreachable (after 8 attempts)");
        String kept = jdbc.sql("select payload->>'body' from outbox_message where id = ?").param(pendingHook)
                .query(String.class).single();
        assertThat(kept).as("the exact text signed and sent").isEqualTo(body);

        assertThat(jdbc.sql("select result_due_at is null from meter_command where id = ?").param(waiting).query(Boolean.class)
                .single()).as("no deadline before the HES has it").isTrue();
        assertThat(jdbc.sql("select to_char(result_due_at at time zone 'UTC', 'HH24:MI') from meter_command where id = ?")
                .param(acknowledged).query(String.class).single()).isEqualTo("10:20");
        assertThat(jdbc.sql("select tenant_id, pos from feed_kafka_cursor where topic = 'mdm.events' order by pos")
                .query((rs, n) -> rs.getLong(2)).list()).as("every tenant published up to the old cursor").containsExactly(4242L, 4242L);

        assertThat(jdbc.sql("select count(*) from pg_class where relname in ('outbox', 'mail_outbox', 'feed_cursor') "
                + "and relnamespace = 'public'::regnamespace").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from pg_proc where proname in ('mdm_due_webhook_deliveries', "
                + "'mdm_purge_delivered_webhooks', 'mdm_due_mails', 'mdm_purge_sent_mails', 'mdm_due_commands', "
                + "'mdm_due_command_reads', 'mdm_feed_after')").query(Long.class).single()).isZero();
    }
}
