package io.vidyut.mdm.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.notifications.SmsSender.Failed;
import io.vidyut.mdm.notifications.SmsSender.Result;
import io.vidyut.mdm.notifications.SmsSender.Retry;
import io.vidyut.mdm.notifications.SmsSender.Sent;
import io.vidyut.mdm.notifications.SmsSender.SmsRequest;
import io.vidyut.mdm.notifications.SmsGatewayStandIn.Answer;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/** One SMS handed to a real HTTP gateway on loopback: what is sent, and what each answer means. */
class SmsSenderTest {
    static final Instant NOW = Instant.parse("2026-11-26T04:30:00Z");
    static final JsonMapper JSON = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
    static final SmsRequest SMS = new SmsRequest("+919876543210", "VIDYUT", "Balance Rs 42.50", "1101234567890123456",
            "1107160000000000001", "6f1c2a9e-0000-4000-8000-000000000001");

    final SmsGatewayStandIn gateway = new SmsGatewayStandIn();

    @AfterEach
    void stop() {
        gateway.close();
    }

    static SmsSender sender(boolean allowPrivate) {
        return new SmsSender(new NotificationSettings(null, null, Duration.ofSeconds(5), Duration.ofSeconds(10), allowPrivate, null),
                JSON, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    Result send(String url) {
        return sender(true).send(new SmsGateways.Opened(url, "VIDYUT", "1101234567890123456", "Authorization", "Bearer t0ken"), SMS);
    }

    @Test
    void the_sms_is_posted_as_json_with_the_auth_header_and_a_2xx_is_sent_with_the_gateways_id() {
        assertThat(send(gateway.url())).isEqualTo(new Sent("gw-1"));

        assertThat(gateway.received).singleElement().satisfies(request -> {
            assertThat(request.headers()).containsEntry("authorization", "Bearer t0ken").containsEntry("content-type", "application/json");
            assertThat(request.raw()).isEqualTo("{\"to\":\"+919876543210\",\"sender\":\"VIDYUT\",\"text\":\"Balance Rs 42.50\","
                    + "\"dlt_entity_id\":\"1101234567890123456\",\"dlt_template_id\":\"1107160000000000001\","
                    + "\"reference\":\"6f1c2a9e-0000-4000-8000-000000000001\"}");
        });
    }

    @Test
    void the_gateways_id_is_its_message_id_or_id_when_the_reply_has_one() {
        gateway.answer(Answer.of(202, "{\"id\": 981234}"), Answer.of(200, "OK"), Answer.of(201, ""),
                Answer.of(200, "{\"data\": {\"message_id\": \"deep\"}}"));
        assertThat(send(gateway.url())).isEqualTo(new Sent("981234"));
        assertThat(send(gateway.url())).isEqualTo(new Sent(null));
        assertThat(send(gateway.url())).isEqualTo(new Sent(null));
        assertThat(send(gateway.url())).isEqualTo(new Sent(null));
    }

    @Test
    void a_4xx_or_a_redirect_fails_for_good_with_the_replys_reason() {
        gateway.answer(Answer.of(400, "{\"error\": {\"code\": 17, \"message\": \"DLT template mismatch\"}}"),
                Answer.of(401, "{\"message\": \"bad key\"}"), Answer.of(422, "number\nnot on DND list?"),
                new Answer(302, "", Map.of("Location", "http://169.254.169.254/")), Answer.of(404, ""));
        assertThat(send(gateway.url())).isEqualTo(new Failed("SMS gateway answered HTTP 400: DLT template mismatch"));
        assertThat(send(gateway.url())).isEqualTo(new Failed("SMS gateway answered HTTP 401: bad key"));
        assertThat(send(gateway.url())).isEqualTo(new Failed("SMS gateway answered HTTP 422: number not on DND list?"));
        assertThat(send(gateway.url())).isEqualTo(new Failed("SMS gateway answered HTTP 302"));
        assertThat(send(gateway.url())).isEqualTo(new Failed("SMS gateway answered HTTP 404"));
        assertThat(gateway.received).hasSize(5);
    }

    @Test
    void a_5xx_or_a_429_is_tried_again_after_the_gateways_retry_after_when_it_says() {
        gateway.answer(Answer.of(500, "{\"reason\": \"queue full\"}"), new Answer(429, "", Map.of("Retry-After", "120")),
                new Answer(503, "", Map.of("Retry-After", "Thu, 26 Nov 2026 04:35:00 GMT")), Answer.of(429, ""));
        assertThat(send(gateway.url())).isEqualTo(new Retry("SMS gateway answered HTTP 500: queue full", null));
        assertThat(send(gateway.url())).isEqualTo(new Retry("SMS gateway answered HTTP 429", Duration.ofMinutes(2)));
        assertThat(send(gateway.url())).isEqualTo(new Retry("SMS gateway answered HTTP 503", Duration.ofMinutes(5)));
        assertThat(send(gateway.url())).isEqualTo(new Retry("SMS gateway answered HTTP 429", null));
    }

    @Test
    void a_long_reply_is_read_only_to_its_bound_and_its_reason_cut_short() {
        gateway.answer(Answer.of(400, "x".repeat(1 << 20)));
        Result result = send(gateway.url());
        assertThat(result).isInstanceOfSatisfying(Failed.class, failed -> assertThat(failed.reason())
                .isEqualTo("SMS gateway answered HTTP 400: " + "x".repeat(500) + "…"));
    }

    @Test
    void the_body_reader_keeps_its_bound_and_stops_the_stream_there() throws Exception {
        SmsSender.CappedBody body = new SmsSender.CappedBody(15);
        boolean[] cancelled = {false};
        body.onSubscribe(new java.util.concurrent.Flow.Subscription() {
            @Override
            public void request(long n) {}

            @Override
            public void cancel() {
                cancelled[0] = true;
            }
        });
        body.onNext(java.util.List.of(java.nio.ByteBuffer.wrap("0123456789".getBytes())));
        assertThat(body.getBody().toCompletableFuture().isDone()).isFalse();
        body.onNext(java.util.List.of(java.nio.ByteBuffer.wrap("abcdefghij".getBytes()), java.nio.ByteBuffer.wrap("zz".getBytes())));

        assertThat(new String(body.getBody().toCompletableFuture().get())).isEqualTo("0123456789abcde");
        assertThat(cancelled[0]).isTrue();
    }

    @Test
    void an_unreachable_gateway_is_tried_again() throws IOException {
        int nobody;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobody = socket.getLocalPort();
        }
        assertThat(send("http://127.0.0.1:" + nobody + "/sms")).isInstanceOfSatisfying(Retry.class, retry -> {
            assertThat(retry.reason()).startsWith("SMS gateway unreachable");
            assertThat(retry.after()).isNull();
        });
    }

    @Test
    void a_private_address_is_not_called_unless_allowed() {
        Result refused = sender(false).send(new SmsGateways.Opened(gateway.url(), "VIDYUT", "1101234567890123456", null, null), SMS);

        assertThat(refused).isInstanceOfSatisfying(Failed.class,
                failed -> assertThat(failed.reason()).startsWith("not sent: ").contains("mdm.notifications.allow-private-targets"));
        assertThat(gateway.received).isEmpty();
        assertThat(sender(false).refusal("http://169.254.169.254/latest")).isPresent();
        assertThat(sender(true).refusal(gateway.url())).isEmpty();
    }
}
