package io.vidyut.mdm.billing.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.vidyut.mdm.common.HmacSignature;
import io.vidyut.mdm.outbox.OutboxHandler.Delivered;
import io.vidyut.mdm.outbox.OutboxHandler.Outcome;
import io.vidyut.mdm.outbox.OutboxHandler.PermanentFailure;
import io.vidyut.mdm.outbox.OutboxHandler.Retry;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One REST push attempt against a real HTTP server on loopback (the JDK's): what is sent and signed, and what each
 * answer means for the outbox.
 */
class PushSenderTest {
    static final String SECRET = "billing-push-secret-0123";
    static final Instant NOW = Instant.parse("2026-12-01T01:00:00Z");
    static final String BODY = "{\"run_id\":\"run-0042\",\"lines\":[]}";

    record Received(Map<String, String> headers, String body) {}

    final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    volatile int status = 202;
    volatile String retryAfter;
    HttpServer receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/determinants", exchange -> {
            var headers = exchange.getRequestHeaders();
            received.add(new Received(Map.of(
                    "id", String.valueOf(headers.getFirst("X-Mdm-Id")),
                    "run", String.valueOf(headers.getFirst("X-Mdm-Run-Id")),
                    "timestamp", String.valueOf(headers.getFirst("X-Mdm-Timestamp")),
                    "signature", String.valueOf(headers.getFirst("X-Mdm-Signature")),
                    "type", String.valueOf(headers.getFirst("Content-Type"))),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            if (retryAfter != null) exchange.getResponseHeaders().add("Retry-After", retryAfter);
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    String url() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/determinants";
    }

    static PushSender sender(boolean allowPrivate) {
        return new PushSender(new ExportSettings(null, null, null, Duration.ofSeconds(5), Duration.ofSeconds(10), allowPrivate),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    Outcome push() {
        return sender(true).send(url(), SECRET, UUID.fromString("00000000-0000-0000-0000-000000000042"), "run-0042", BODY);
    }

    @Test
    void a_2xx_is_delivered_and_the_receiver_can_verify_the_signature() {
        assertThat(push()).isInstanceOf(Delivered.class);

        assertThat(received).singleElement().satisfies(call -> {
            assertThat(call.body()).isEqualTo(BODY);
            assertThat(call.headers()).containsEntry("id", "00000000-0000-0000-0000-000000000042")
                    .containsEntry("run", "run-0042").containsEntry("timestamp", String.valueOf(NOW.getEpochSecond()))
                    .containsEntry("type", "application/json");
            assertThat(call.headers().get("signature")).isEqualTo("sha256="
                    + HmacSignature.hex(SECRET, NOW.getEpochSecond() + "." + BODY));
        });
    }

    @Test
    void a_429_or_503_with_retry_after_is_tried_again_after_that_wait() {
        status = 429;
        retryAfter = "120";
        assertThat(push()).isEqualTo(new Retry("billing system answered HTTP 429 (Retry-After PT2M)", Duration.ofMinutes(2)));

        status = 503;
        retryAfter = "Tue, 01 Dec 2026 01:05:00 GMT";
        assertThat(push()).isEqualTo(new Retry("billing system answered HTTP 503 (Retry-After PT5M)", Duration.ofMinutes(5)));

        retryAfter = null;
        assertThat(push()).as("no Retry-After: the backoff").isEqualTo(new Retry("billing system answered HTTP 503", null));
    }

    @Test
    void another_4xx_is_a_permanent_failure_and_a_5xx_is_tried_again() {
        status = 400;
        assertThat(push()).isEqualTo(new PermanentFailure("billing system answered HTTP 400"));
        status = 409;
        assertThat(push()).isInstanceOf(PermanentFailure.class);
        status = 500;
        assertThat(push()).isEqualTo(new Retry("billing system answered HTTP 500", null));
    }

    @Test
    void an_unreachable_receiver_is_tried_again() throws IOException {
        int nobody;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobody = socket.getLocalPort();
        }
        Outcome outcome = sender(true).send("http://127.0.0.1:" + nobody + "/determinants", SECRET, UUID.randomUUID(),
                "run-0042", BODY);

        assertThat(outcome).isInstanceOfSatisfying(Retry.class, retry -> {
            assertThat(retry.reason()).startsWith("billing system unreachable");
            assertThat(retry.after()).isNull();
        });
    }

    @Test
    void a_private_address_is_not_called_unless_allowed() {
        Outcome outcome = sender(false).send(url(), SECRET, UUID.randomUUID(), "run-0042", BODY);

        assertThat(outcome).isInstanceOfSatisfying(PermanentFailure.class,
                failure -> assertThat(failure.reason()).contains("mdm.billing.export.allow-private-targets"));
        assertThat(received).isEmpty();
    }
}
