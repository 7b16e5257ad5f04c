package io.vidyut.mdm.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vidyut.mdm.common.NotFoundException;
import io.vidyut.mdm.testing.ApiClient;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.Registry;
import io.vidyut.mdm.testing.TestTenant;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Notices sent through {@link Notices} as the prepaid module will, delivered for real: SMS to a stand-in gateway on
 * loopback (what it receives, its ids, its errors and refusals), e-mail to the test JVM's SMTP server (GreenMail),
 * in-app at once; once per dedupe key; skipped where the consumer cannot be reached; each tenant's its own.
 */
class NoticesTest extends IntegrationTest {
    static final String DLT_TEMPLATE = "1107160000000000001";
    static final String DLT_ENTITY = "1101234567890123456";
    static final String GATEWAY_TOKEN = "Bearer gw-token-never-shown-0042";
    static final String LOW_BALANCE_SMS = "Dear consumer, balance of prepaid account {account_no} is Rs {balance}, below "
            + "Rs {threshold}. Please recharge. -VIDYUT";

    @Autowired Notices notices;
    @Autowired TransactionTemplate transactions;
    @Autowired JdbcClient jdbc;
    TestTenant tenant;
    SmsGatewayStandIn gateway;

    @BeforeEach
    void tenantWithGateway() {
        tenant = newTenant();
        gateway = new SmsGatewayStandIn();
        ok(api.put("/api/v1/notifications/sms-gateway", tenant.admin(), Map.of("url", gateway.url(), "sender_id", "VIDYUT",
                "dlt_entity_id", DLT_ENTITY, "auth_header_name", "Authorization", "auth_header_value", GATEWAY_TOKEN)));
        ok(api.put("/api/v1/notifications/templates/PREPAID_LOW_BALANCE/SMS", tenant.admin(),
                Map.of("body", LOW_BALANCE_SMS, "dlt_template_id", DLT_TEMPLATE)));
    }

    @AfterEach
    void stopGateway() {
        gateway.close();
    }

    @Test
    void an_sms_reaches_the_gateway_with_the_dlt_fields_and_is_sent_with_the_gateways_id() {
        UUID consumer = consumer("PP-1001");
        contact(consumer, Map.of("phone", "98765 43210"));

        UUID id = send(NoticeKind.PREPAID_LOW_BALANCE, consumer, "low:PP-1001:1", Map.of("balance", "42.50", "threshold", "100"));

        JsonNode notice = awaitNotice(consumer, n -> status(n, "SMS").equals("SENT"));
        assertThat(notice.get("id").asString()).isEqualTo(id.toString());
        assertThat(notice.get("values").get("account_no").asString()).isEqualTo("PP-1001");
        JsonNode sms = delivery(notice, "SMS");
        String text = "Dear consumer, balance of prepaid account PP-1001 is Rs 42.50, below Rs 100. Please recharge. -VIDYUT";
        assertThat(sms.get("to").asString()).isEqualTo("+919876543210");
        assertThat(sms.get("text").asString()).isEqualTo(text);
        assertThat(sms.get("dlt_template_id").asString()).isEqualTo(DLT_TEMPLATE);
        assertThat(sms.get("provider_reference").asString()).isEqualTo("gw-1");
        assertThat(sms.get("attempts").asInt()).isEqualTo(1);
        assertThat(sms.has("sent_at")).isTrue();

        assertThat(gateway.received).singleElement().satisfies(request -> {
            assertThat(request.headers()).containsEntry("content-type", "application/json")
                    .containsEntry("authorization", GATEWAY_TOKEN);
            JsonNode body = request.json();
            assertThat(body.get("to").asString()).isEqualTo("+919876543210");
            assertThat(body.get("sender").asString()).isEqualTo("VIDYUT");
            assertThat(body.get("text").asString()).isEqualTo(text);
            assertThat(body.get("dlt_entity_id").asString()).isEqualTo(DLT_ENTITY);
            assertThat(body.get("dlt_template_id").asString()).isEqualTo(DLT_TEMPLATE);
            assertThat(body.get("reference").asString()).isEqualTo(sms.get("id").asString());
            assertThat(body.propertyNames()).containsExactlyInAnyOrder("to", "sender", "text", "dlt_entity_id",
                    "dlt_template_id", "reference");
        });
        assertThat(status(notice, "IN_APP")).isEqualTo("SENT");
        assertThat(delivery(notice, "IN_APP").get("text").asString()).contains("Rs 42.50").contains("Rs 100");
        assertThat(status(notice, "EMAIL")).isEqualTo("SKIPPED");
        assertThat(delivery(notice, "EMAIL").get("last_error").asString()).isEqualTo("no e-mail address for the consumer");

        Optional<Instant> smsSent = asTenant(() -> notices.lastDelivered(consumer, Set.of(NoticeKind.PREPAID_LOW_BALANCE),
                Set.of(NoticeChannel.SMS)));
        assertThat(smsSent).hasValue(Instant.parse(sms.get("sent_at").asString()));
        assertThat(asTenant(() -> notices.lastDelivered(consumer, Set.of(NoticeKind.PREPAID_DISCONNECTION_DUE)))).isEmpty();
    }

    @Test
    void a_gateway_error_is_tried_again_and_then_sent() {
        UUID consumer = consumer("PP-1002");
        contact(consumer, Map.of("phone", "+919876500002"));
        gateway.answer(SmsGatewayStandIn.Answer.of(500, "{\"error\": \"queue full\"}"));

        send(NoticeKind.PREPAID_LOW_BALANCE, consumer, "low:PP-1002:1", Map.of("balance", "10", "threshold", "100"));

        JsonNode sms = delivery(awaitNotice(consumer, n -> status(n, "SMS").equals("SENT")), "SMS");
        assertThat(sms.get("attempts").asInt()).isEqualTo(2);
        assertThat(sms.get("provider_reference").asString()).isEqualTo("gw-1");
        assertThat(sms.has("last_error")).as("cleared once sent").isFalse();
        assertThat(gateway.received).hasSize(2).extracting(request -> request.json().get("reference").asString())
                .containsOnly(sms.get("id").asString());
    }

    @Test
    void a_refusal_by_the_gateway_fails_the_sms_with_its_reason_at_once() {
        UUID consumer = consumer("PP-1003");
        contact(consumer, Map.of("phone", "+919876500003"));
        gateway.answer(SmsGatewayStandIn.Answer.of(400, "{\"reason\": \"text does not match template 1107160000000000001\"}"));

        send(NoticeKind.PREPAID_LOW_BALANCE, consumer, "low:PP-1003:1", Map.of("balance", "10", "threshold", "100"));

        JsonNode sms = delivery(awaitNotice(consumer, n -> status(n, "SMS").equals("FAILED")), "SMS");
        assertThat(sms.get("last_error").asString())
                .isEqualTo("SMS gateway answered HTTP 400: text does not match template 1107160000000000001");
        assertThat(sms.get("attempts").asInt()).isEqualTo(1);
        assertThat(gateway.received).hasSize(1);
        assertThat(asTenant(() -> notices.lastDelivered(consumer, Set.of(NoticeKind.PREPAID_LOW_BALANCE),
                EnumSet.of(NoticeChannel.SMS, NoticeChannel.EMAIL)))).isEmpty();
        JsonNode dead = api.get("/api/v1/outbox/messages?kind=notice-sms", tenant.admin()).json().get("items");
        assertThat(dead).singleElement().satisfies(message -> assertThat(message.get("status").asString()).isEqualTo("DEAD"));
    }

    @Test
    void a_gateway_that_keeps_failing_fails_the_sms_after_the_last_attempt() {
        UUID consumer = consumer("PP-1004");
        contact(consumer, Map.of("phone", "+919876500004"));
        gateway.answer(SmsGatewayStandIn.Answer.of(503, ""), SmsGatewayStandIn.Answer.of(502, "bad gateway"),
                SmsGatewayStandIn.Answer.of(500, "{\"message\": \"down\"}"));

        send(NoticeKind.PREPAID_LOW_BALANCE, consumer, null, Map.of("balance", "10", "threshold", "100"));

        JsonNode sms = delivery(awaitNotice(consumer, n -> status(n, "SMS").equals("FAILED")), "SMS");
        assertThat(sms.get("attempts").asInt()).as("mdm.notifications.max-attempts in the tests").isEqualTo(3);
        assertThat(sms.get("last_error").asString()).isEqualTo("SMS gateway answered HTTP 500: down (after 3 attempts)");
        assertThat(gateway.received).hasSize(3);
    }

    @Test
    void an_email_reaches_the_smtp_server_and_is_sent_with_its_message_id() throws Exception {
        UUID consumer = consumer("PP-2001");
        String address = "pp-2001-" + tenant.code() + "@consumer.example.in";
        contact(consumer, Map.of("email", address));

        send(NoticeKind.PREPAID_RECHARGED, consumer, "recharge:R-77", Map.of("amount", "500", "balance", "542.50",
                "at", "26-11-2026 10:15"));

        JsonNode notice = awaitNotice(consumer, n -> status(n, "EMAIL").equals("SENT"));
        JsonNode email = delivery(notice, "EMAIL");
        assertThat(email.get("to").asString()).isEqualTo(address);
        assertThat(email.get("subject").asString()).isEqualTo("Recharge of Rs 500 received for prepaid electricity account PP-2001");
        List<MimeMessage> inbox = Arrays.asList(smtp().getReceivedMessagesForDomain(address));
        assertThat(inbox).singleElement().satisfies(mail -> {
            assertThat(mail.getSubject()).isEqualTo("Recharge of Rs 500 received for prepaid electricity account PP-2001");
            assertThat(mail.getFrom()[0].toString()).contains("mdm@localhost");
            assertThat((String) mail.getContent()).contains("recharge of Rs 500 for prepaid electricity account PP-2001 on "
                    + "26-11-2026 10:15").contains("Your balance is now Rs 542.50");
            assertThat(email.get("provider_reference").asString()).isEqualTo(mail.getMessageID());
        });
        assertThat(status(notice, "SMS")).isEqualTo("SKIPPED");
        assertThat(delivery(notice, "SMS").get("last_error").asString()).isEqualTo("no mobile number for the consumer");
    }

    @Test
    void the_same_dedupe_key_records_and_sends_the_notice_once() {
        UUID consumer = consumer("PP-3001");
        contact(consumer, Map.of("phone", "+919876530001"));
        Map<String, String> values = Map.of("balance", "42.50", "threshold", "100");

        UUID first = send(NoticeKind.PREPAID_LOW_BALANCE, consumer, "low:PP-3001:crossing-1", values);
        UUID again = send(NoticeKind.PREPAID_LOW_BALANCE, consumer, "low:PP-3001:crossing-1", Map.of("balance", "41", "threshold", "100"));

        assertThat(again).isEqualTo(first);
        awaitNotice(consumer, n -> status(n, "SMS").equals("SENT"));
        JsonNode listed = api.get("/api/v1/notifications/notices?consumer_id=" + consumer, tenant.analyst()).json();
        assertThat(listed.get("total").asLong()).isEqualTo(1);
        assertThat(listed.get("items").get(0).get("values").get("balance").asString()).isEqualTo("42.50");
        assertThat(api.get("/api/v1/outbox/messages?kind=notice-sms", tenant.admin()).json().get("total").asLong())
                .as("one SMS enqueued, ever").isEqualTo(1);
        assertThat(gateway.received).hasSize(1);

        UUID next = send(NoticeKind.PREPAID_LOW_BALANCE, consumer, "low:PP-3001:crossing-2", values);
        assertThat(next).isNotEqualTo(first);
    }

    @Test
    void a_consumer_without_contacts_gets_only_the_in_app_notice() {
        UUID consumer = consumer("PP-4001");

        send(NoticeKind.PREPAID_DISCONNECTED, consumer, "cut:PP-4001:1", Map.of("balance", "-12.00"));

        JsonNode notice = notice(consumer);
        assertThat(status(notice, "IN_APP")).isEqualTo("SENT");
        assertThat(delivery(notice, "IN_APP").get("text").asString()).startsWith("Supply disconnected on ")
                .endsWith(": balance Rs -12.00. Please recharge to restore supply.");
        assertThat(status(notice, "SMS")).isEqualTo("SKIPPED");
        assertThat(delivery(notice, "SMS").get("last_error").asString()).isEqualTo("no mobile number for the consumer");
        assertThat(status(notice, "EMAIL")).isEqualTo("SKIPPED");
        assertThat(api.get("/api/v1/outbox/messages", tenant.admin()).json().get("items").findValuesAsString("kind"))
                .doesNotContain("notice-sms", "notice-email");
        assertThat(asTenant(() -> notices.lastDelivered(consumer, Set.of(NoticeKind.PREPAID_DISCONNECTED)))).isPresent();
        assertThat(asTenant(() -> notices.lastDelivered(consumer, Set.of(NoticeKind.PREPAID_DISCONNECTED),
                EnumSet.of(NoticeChannel.SMS, NoticeChannel.EMAIL)))).isEmpty();
    }

    @Test
    void an_opted_out_consumer_gets_no_sms_and_an_unregistered_template_sends_none() {
        UUID optedOut = consumer("PP-5001");
        String address = "pp-5001-" + tenant.code() + "@consumer.example.in";
        contact(optedOut, Map.of("phone", "+919876550001", "sms_opt_out", true, "email", address));
        send(NoticeKind.PREPAID_LOW_BALANCE, optedOut, "low:PP-5001:1", Map.of("balance", "10", "threshold", "100"));
        JsonNode notice = awaitNotice(optedOut, n -> status(n, "EMAIL").equals("SENT"));
        assertThat(status(notice, "SMS")).isEqualTo("SKIPPED");
        assertThat(delivery(notice, "SMS").get("last_error").asString()).isEqualTo("the consumer opted out of SMS");
        assertThat(delivery(notice, "SMS").get("to").asString()).isEqualTo("+919876550001");

        UUID reachable = consumer("PP-5002");
        contact(reachable, Map.of("phone", "+919876550002"));
        send(NoticeKind.PREPAID_RECONNECTED, reachable, "back:PP-5002:1", Map.of("balance", "490"));
        JsonNode builtIn = notice(reachable);
        assertThat(status(builtIn, "SMS")).isEqualTo("SKIPPED");
        assertThat(delivery(builtIn, "SMS").get("last_error").asString())
                .isEqualTo("no DLT-registered SMS template for PREPAID_RECONNECTED (save it with its dlt_template_id)");
        assertThat(gateway.received).isEmpty();
    }

    @Test
    void a_notice_needs_the_kinds_values_and_no_others_and_a_refused_one_leaves_nothing() {
        UUID consumer = consumer("PP-6001");
        assertThatThrownBy(() -> new NoticeRequest(NoticeKind.PREPAID_RECHARGED, consumer, "r-1", Map.of("threshold", "5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no placeholder threshold");
        assertThatThrownBy(() -> send(NoticeKind.PREPAID_RECHARGED, consumer, "r-1", Map.of("balance", "5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("needs a value for amount");
        assertThatThrownBy(() -> send(NoticeKind.PREPAID_RECHARGED, UUID.randomUUID(), "r-2", Map.of("amount", "5", "balance", "5")))
                .isInstanceOf(NotFoundException.class);
        assertThat(api.get("/api/v1/notifications/notices", tenant.operator()).json().get("total").asLong()).isZero();

        // a caller that catches the refusal goes on in its transaction, which still commits
        UUID sent = asTenant(() -> {
            for (NoticeRequest refused : List.of(
                    new NoticeRequest(NoticeKind.PREPAID_RECHARGED, UUID.randomUUID(), "r-3", Map.of("amount", "5", "balance", "5")),
                    new NoticeRequest(NoticeKind.PREPAID_RECHARGED, consumer, "r-4", Map.of("balance", "5")))) {
                try {
                    notices.send(refused);
                    throw new AssertionError("sent " + refused);
                } catch (NotFoundException | IllegalArgumentException expected) {
                    // the recharge itself is not to be lost for want of a notice
                }
            }
            return notices.send(new NoticeRequest(NoticeKind.PREPAID_RECHARGED, consumer, "r-5", Map.of("amount", "5", "balance", "5")));
        });
        assertThat(notice(consumer).get("id").asString()).isEqualTo(sent.toString());
    }

    @Test
    void each_tenant_sees_and_sends_only_its_own_notices() {
        UUID consumer = consumer("PP-7001");
        contact(consumer, Map.of("phone", "+919876570001"));
        send(NoticeKind.PREPAID_LOW_BALANCE, consumer, "low:PP-7001:1", Map.of("balance", "10", "threshold", "100"));
        awaitNotice(consumer, n -> status(n, "SMS").equals("SENT"));

        TestTenant other = newTenant();
        JsonNode theirs = api.get("/api/v1/notifications/notices", other.admin()).json();
        assertThat(theirs.get("total").asLong()).isZero();
        assertThat(api.get("/api/v1/notifications/notices?consumer_id=" + consumer, other.operator()).json().get("total")
                .asLong()).isZero();
        assertThat(api.get("/api/v1/notifications/contacts/" + consumer, other.admin()).status()).isEqualTo(404);
        TenantScope otherScope = TenantScope.of(other.id(), other.code());
        List<Long> counts = TenantContext.callAs(otherScope, () -> transactions.execute(status -> List.of(
                jdbc.sql("select count(*) from notice").query(Long.class).single(),
                jdbc.sql("select count(*) from notice_delivery").query(Long.class).single(),
                jdbc.sql("select count(*) from consumer_contact").query(Long.class).single(),
                jdbc.sql("select count(*) from sms_gateway").query(Long.class).single())));
        assertThat(counts).as("row-level security: tenant A's rows are not there for B").containsOnly(0L);
        Optional<Instant> delivered = TenantContext.callAs(otherScope, () -> transactions.execute(status ->
                notices.lastDelivered(consumer, EnumSet.allOf(NoticeKind.class))));
        assertThat(delivered).isEmpty();
        assertThatThrownBy(() -> TenantContext.callAs(otherScope, () -> transactions.execute(status -> notices.send(
                new NoticeRequest(NoticeKind.PREPAID_LOW_BALANCE, consumer, "low:PP-7001:1",
                        Map.of("balance", "1", "threshold", "2")))))).isInstanceOf(NotFoundException.class);
        assertThat(asTenant(() -> jdbc.sql("select count(*) from notice").query(Long.class).single())).isEqualTo(1L);
    }

    // ---- helpers

    UUID consumer(String accountNo) {
        return UUID.fromString(new Registry(api, tenant.admin()).consumer(accountNo, null).get("id").asString());
    }

    void contact(UUID consumer, Map<String, Object> contact) {
        ok(api.put("/api/v1/notifications/contacts/" + consumer, tenant.operator(), contact));
    }

    UUID send(NoticeKind kind, UUID consumer, String dedupeKey, Map<String, String> values) {
        return asTenant(() -> notices.send(new NoticeRequest(kind, consumer, dedupeKey, new HashMap<>(values))));
    }

    <T> T asTenant(Supplier<T> work) {
        return TenantContext.callAs(TenantScope.of(tenant.id(), tenant.code()), () -> transactions.execute(status -> work.get()));
    }

    JsonNode notice(UUID consumer) {
        return awaitNotice(consumer, n -> true);
    }

    /** The consumer's latest notice, once it satisfies the condition. */
    JsonNode awaitNotice(UUID consumer, Predicate<JsonNode> until) {
        JsonNode page = await("/api/v1/notifications/notices?consumer_id=" + consumer, tenant.analyst(),
                json -> json.get("items").size() > 0 && until.test(json.get("items").get(0)));
        assertThat(page.get("items")).as(page.toString()).isNotEmpty();
        JsonNode notice = page.get("items").get(0);
        assertThat(until.test(notice)).as(notice.toString()).isTrue();
        return notice;
    }

    static JsonNode delivery(JsonNode notice, String channel) {
        for (JsonNode delivery : notice.get("deliveries")) {
            if (delivery.get("channel").asString().equals(channel)) return delivery;
        }
        throw new AssertionError("no " + channel + " delivery in " + notice);
    }

    static String status(JsonNode notice, String channel) {
        return delivery(notice, channel).get("status").asString();
    }

    static JsonNode ok(ApiClient.Response response) {
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        return response.json();
    }
}
