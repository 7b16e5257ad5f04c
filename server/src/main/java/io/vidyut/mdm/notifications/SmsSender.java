package io.vidyut.mdm.notifications;

import io.vidyut.mdm.common.OutboundTargets;
import io.vidyut.mdm.common.RetryAfter;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One attempt to hand an SMS to the tenant's HTTP gateway: a POST of
 * {@code {"to", "sender", "text", "dlt_entity_id", "dlt_template_id", "reference"}} as JSON, with the gateway's
 * authentication header when it has one. The answer: 2xx, sent (the gateway's id for the message from the reply's
 * {@code message_id} or {@code id}, when it is JSON and has one); 429, or 5xx, no answer or a timeout, again later
 * (after a 429's or 503's {@code Retry-After} when it has one); any other 4xx, or a redirect (not followed), failed
 * for good with the reply's reason. Connecting takes at most {@code mdm.notifications.sms-connect-timeout}, the whole
 * answer at most {@code sms-timeout} more, and at most {@value #MAX_REPLY} bytes of it are read. A URL on a private
 * address is refused, as webhooks' are, unless {@code mdm.notifications.allow-private-targets}; checked before every
 * attempt (a name may move).
 */
@Component
class SmsSender {
    static final int MAX_REPLY = 16 * 1024;
    private static final int MAX_REASON = 500;

    private final NotificationSettings settings;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http;

    SmsSender(NotificationSettings settings, JsonMapper json, Clock clock) {
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.smsConnectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** How an attempt ended. */
    sealed interface Result permits Sent, Retry, Failed {}

    /** The gateway took the message; {@code messageId} is its id for it, when it said one. */
    record Sent(String messageId) implements Result {}

    /** Try again: after {@code after} when the gateway said, else after the backoff. */
    record Retry(String reason, Duration after) implements Result {}

    /** Sending it again will not help. */
    record Failed(String reason) implements Result {}

    /** What is POSTed. */
    record SmsRequest(String to, String sender, String text, String dltEntityId, String dltTemplateId, String reference) {}

    /** Why the URL may not be called, or empty when it may; a name that does not resolve now is left to the call. */
    Optional<String> refusal(String url) {
        return OutboundTargets.refusal(url, address -> settings.allowPrivateTargets(),
                "mdm.notifications.allow-private-targets", OutboundTargets.Unresolved.LEFT_TO_THE_CALL);
    }

    Result send(SmsGateways.Opened gateway, SmsRequest sms) {
        Optional<String> refusal = refusal(gateway.url());
        if (refusal.isPresent()) return new Failed("not sent: " + refusal.get());
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.url())).timeout(settings.smsTimeout())
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(sms), StandardCharsets.UTF_8));
        if (gateway.authHeaderName() != null) request.header(gateway.authHeaderName(), gateway.authHeaderValue());
        CompletableFuture<HttpResponse<byte[]>> call = http.sendAsync(request.build(), info -> new CappedBody(MAX_REPLY));
        HttpResponse<byte[]> response;
        try {
            response = call.get(settings.smsConnectTimeout().plus(settings.smsTimeout()).toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            return new Retry("SMS gateway did not answer in time", null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return new Retry("SMS gateway unreachable: " + (cause.getMessage() == null ? cause.getClass().getSimpleName()
                    : cause.getMessage()), null);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return new Retry("interrupted", null);
        }
        int status = response.statusCode();
        String reply = new String(response.body(), StandardCharsets.UTF_8);
        if (status >= 200 && status < 300) return new Sent(messageId(reply));
        String answer = "SMS gateway answered HTTP " + status + reason(reply);
        if (status == 429 || status == 503) {
            Duration after = response.headers().firstValue("Retry-After")
                    .map(value -> RetryAfter.parse(value, clock.instant())).orElse(null);
            return new Retry(answer, after);
        }
        // a redirect is not followed (it could lead anywhere): like a 4xx, the gateway's settings need changing first
        if (status < 500) return new Failed(answer);
        return new Retry(answer, null);
    }

    /** The gateway's id of the message in a JSON reply: {@code message_id}, else {@code id}; null without one. */
    String messageId(String reply) {
        JsonNode node = tree(reply);
        if (node == null || !node.isObject()) return null;
        for (String field : List.of("message_id", "messageId", "id")) {
            JsonNode id = node.get(field);
            if (id != null && (id.isString() || id.isNumber()) && !id.asString().isBlank()) return limited(id.asString(), 200);
        }
        return null;
    }

    /** ": " and why, from a JSON reply's reason, message, error or description, else the reply's text; empty for none. */
    String reason(String reply) {
        if (reply.isBlank()) return "";
        JsonNode node = tree(reply);
        if (node != null && node.isObject()) {
            for (String field : List.of("reason", "message", "error", "description", "detail", "title")) {
                JsonNode value = node.get(field);
                if (value != null && value.isString() && !value.asString().isBlank()) return ": " + limited(value.asString(), MAX_REASON);
                if (value != null && value.isObject()) {
                    JsonNode inner = value.get("message");
                    if (inner != null && inner.isString()) return ": " + limited(inner.asString(), MAX_REASON);
                }
            }
        }
        return ": " + limited(reply, MAX_REASON);
    }

    private JsonNode tree(String reply) {
        if (reply.isBlank()) return null;
        try {
            return json.readTree(reply);
        } catch (JacksonException e) {
            return null;
        }
    }

    /** Printable, one line, at most {@code max} characters. */
    private static String limited(String text, int max) {
        String line = text.strip().replaceAll("\\p{Cntrl}+", " ");
        return line.length() > max ? line.substring(0, max) + "…" : line;
    }

    /** The body's first {@code limit} bytes; the rest is not read (the stream is cancelled). */
    static final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {
        private final int limit;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        CappedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            if (result.isDone()) return;
            for (ByteBuffer buffer : buffers) {
                int take = Math.min(buffer.remaining(), limit - bytes.size());
                byte[] chunk = new byte[take];
                buffer.get(chunk);
                bytes.write(chunk, 0, take);
            }
            if (bytes.size() >= limit) {
                result.complete(bytes.toByteArray());
                subscription.cancel();
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
