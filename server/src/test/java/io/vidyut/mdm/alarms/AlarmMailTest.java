package io.vidyut.mdm.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.EventFeed;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.Registry;
import io.vidyut.mdm.testing.TestTenant;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * Alarm e-mail through SMTP to a real in-process SMTP server (GreenMail), through the outbox: raised and escalated
 * alarms at or above the tenant's minimum severity reach the tenant's recipients, others and other tenants' do not,
 * and mail waits out an SMTP outage.
 */
class AlarmMailTest extends IntegrationTest {
    @Autowired AlarmEscalation escalation;

    /**
     * The mails sent to this address, in arrival order, each once (GreenMail keeps a copy per envelope
     * recipient, with the same Message-ID).
     */
    static List<MimeMessage> inbox(String address) {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return Arrays.stream(smtp().getReceivedMessagesForDomain(address)).filter(message -> {
            try {
                return seen.add(message.getMessageID());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }).toList();
    }

    static String describe(List<MimeMessage> messages) {
        StringBuilder text = new StringBuilder();
        for (MimeMessage message : messages) {
            try {
                text.append(message.getSubject()).append(" to ").append(Arrays.toString(message.getAllRecipients()))
                        .append(" id ").append(message.getMessageID()).append('\n');
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return text.toString();
    }

    static List<MimeMessage> awaitInbox(String address, int count) {
        long deadline = System.nanoTime() / 1_000_000 + 20_000;
        List<MimeMessage> messages = inbox(address);
        while (messages.size() < count && System.nanoTime() / 1_000_000 < deadline) {
            smtp().waitForIncomingEmail(500, smtp().getReceivedMessages().length + 1);
            messages = inbox(address);
        }
        return messages;
    }

    /** Meter M1 of a vendor pushing events; returns that vendor's feed. */
    EventFeed meterM1(TestTenant tenant) {
        Registry registry = new Registry(api, tenant.admin());
        Registry.EventVendor vendor = registry.eventVendor("ML");
        registry.meter("M1", vendor.id(), null);
        return vendor.hes();
    }

    void mailTo(TestTenant tenant, String... recipients) {
        var saved = api.put("/api/v1/alarms/rules", tenant.admin(), Map.of("email_recipients", List.of(recipients),
                "email_min_severity", "MAJOR", "power_quality_codes", List.of(9), "escalate_after_minutes", 30));
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
    }

    /** A mail as the outbox shows it to the tenant's administrator. */
    record Mail(String subject, String status, int attempts, String lastError) {}

    /** The tenant's mail messages in the outbox, newest first. */
    List<Mail> outbox(TestTenant tenant) {
        var response = api.get("/api/v1/outbox/messages?kind=mail", tenant.admin());
        assertThat(response.status()).as(response.raw()).isEqualTo(200);
        List<Mail> mails = new java.util.ArrayList<>();
        for (JsonNode message : response.json().get("items")) {
            mails.add(new Mail(message.get("payload").get("subject").asString(), message.get("status").asString(),
                    message.get("attempts").asInt(), message.has("last_error") ? message.get("last_error").asString() : null));
        }
        return mails;
    }

    List<Mail> awaitOutbox(TestTenant tenant, java.util.function.Predicate<List<Mail>> until) {
        return poll(() -> outbox(tenant), until, Duration.ofSeconds(20));
    }

    @Test
    void raised_and_escalated_alarms_are_mailed_to_the_tenants_recipients_from_the_minimum_severity() throws Exception {
        TestTenant tenant = newTenant();
        EventFeed feed = meterM1(tenant);
        String ops = "ops-" + tenant.code() + "@discom.example";
        String se = "se-" + tenant.code() + "@discom.example";
        mailTo(tenant, ops, se);

        assertThat(feed.push("M1", "2026-11-20T10:00:00+05:30", "9").status()).isEqualTo(202);     // low voltage: MINOR
        assertThat(feed.push("M1", "2026-11-20T10:05:00+05:30", "MAGNET").status()).isEqualTo(202); // CRITICAL
        List<MimeMessage> raised = awaitInbox(ops, 1);
        assertThat(raised).as(describe(raised)).hasSize(1);
        MimeMessage tamper = raised.get(0);
        assertThat(tamper.getSubject()).isEqualTo("[Vidyut MDM] CRITICAL alarm raised: Magnet influence at meter M1");
        assertThat(tamper.getFrom()[0].toString()).contains("mdm@localhost");
        assertThat(Arrays.stream(tamper.getRecipients(Message.RecipientType.TO)).map(Object::toString)).containsExactly(ops, se);
        String body = (String) tamper.getContent();
        String tamperId = api.get("/api/v1/alarms?kind=TAMPER", tenant.operator()).json().get("items").get(0).get("id").asString();
        assertThat(body).contains("Meter:      M1").contains("Severity:   CRITICAL").contains(tamperId)
                .contains("Since:      20 Nov 2026 10:05:00 IST");
        assertThat(inbox(se)).hasSize(1);

        // 31 minutes on: both escalate; the low-voltage alarm is MAJOR now, so both are mailed
        escalation.escalateDue(clock.instant().plus(Duration.ofMinutes(31))); // across tenants: other tests' alarms too
        List<MimeMessage> all = awaitInbox(ops, 3);
        assertThat(all).hasSize(3);
        assertThat(all.subList(1, 3).stream().map(message -> {
            try {
                return message.getSubject();
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        })).containsExactlyInAnyOrder(
                "[Vidyut MDM] MAJOR alarm escalated (level 1, still not acknowledged): Low voltage at meter M1",
                "[Vidyut MDM] CRITICAL alarm escalated (level 1, still not acknowledged): Magnet influence at meter M1");
        // SMTP took them; the outbox marks each DELIVERED just after
        List<Mail> outbox = awaitOutbox(tenant, mails -> mails.stream().noneMatch(m -> m.status().equals("PENDING")));
        assertThat(outbox).hasSize(3).allSatisfy(sent -> {
            assertThat(sent.status()).isEqualTo("DELIVERED");
            assertThat(sent.attempts()).isEqualTo(1);
        });
    }

    @Test
    void recipients_are_validated_and_a_tenant_without_them_gets_no_mail() {
        TestTenant tenant = newTenant();
        var bad = api.put("/api/v1/alarms/rules", tenant.admin(), Map.of("email_recipients",
                List.of("ops@discom.example", "Ops <ops@discom.example>", "x@y\r\nBcc: evil@example.com"), "email_min_severity", "LOUD"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
                "email_recipients", "email_recipients", "email_min_severity");

        Registry registry = new Registry(api, tenant.admin());
        Registry.EventVendor vendor = registry.eventVendor("NM");
        registry.meter("Q1", vendor.id(), null);
        assertThat(vendor.hes().push("Q1", "2026-11-20T10:05:00+05:30", "MAGNET")
                .status()).isEqualTo(202);
        assertThat(api.get("/api/v1/alarms?kind=TAMPER", tenant.operator()).json().get("total").asLong()).isEqualTo(1);
        assertThat(outbox(tenant)).isEmpty();
    }

    @Test
    void while_smtp_is_down_the_alarm_is_raised_and_its_mail_waits_and_goes_out_once_smtp_is_back() {
        TestTenant tenant = newTenant();
        EventFeed feed = meterM1(tenant);
        String ops = "ops-" + tenant.code() + "@discom.example";
        mailTo(tenant, ops);
        stopSmtp();
        try {
            assertThat(feed.push("M1", "2026-11-20T10:05:00+05:30", "MAGNET").status()).isEqualTo(202);
            assertThat(api.get("/api/v1/alarms?kind=TAMPER", tenant.operator()).json().get("total").asLong())
                    .as("the alarm does not wait for mail").isEqualTo(1);
            List<Mail> failing = awaitOutbox(tenant, mails -> mails.size() == 1 && mails.get(0).lastError() != null);
            assertThat(failing).singleElement().satisfies(waiting -> {
                assertThat(waiting.status()).isEqualTo("PENDING");
                assertThat(waiting.attempts()).isGreaterThanOrEqualTo(1);
                assertThat(waiting.lastError()).containsIgnoringCase("connect");
            });
        } finally {
            startSmtp();
        }
        List<Mail> sent = awaitOutbox(tenant, mails -> mails.get(0).status().equals("DELIVERED"));
        assertThat(sent.get(0).status()).isEqualTo("DELIVERED");
        assertThat(sent.get(0).subject()).startsWith("[Vidyut MDM] CRITICAL alarm raised");
        assertThat(sent.get(0).attempts()).isGreaterThanOrEqualTo(2);
        assertThat(awaitInbox(ops, 1)).hasSize(1);
    }
}
