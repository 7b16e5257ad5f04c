package io.vidyut.mdm.webhooks;

import io.vidyut.mdm.common.HmacSignature;
import io.vidyut.mdm.common.RetryAfter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * One delivery attempt: POST of the payload with {@code Webhook-Id} (the same on every retry: the
 * receiver dedupes on it), {@code Webhook-Event}, {@code Webhook-Timestamp} (epoch seconds) and
 * {@code Webhook-Signature: sha256=<hex HMAC-SHA256 of "timestamp.body" with the subscription's secret>}.
 */
@Component
class WebhookSender {
    static final String ID = "Webhook-Id";
    static final String EVENT = "Webhook-Event";
    static final String TIMESTAMP = "Webhook-Timestamp";
    static final String SIGNATURE = "Webhook-Signature";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final WebhookSettings settings;
    private final WebhookTargetGuard guard;
    private final Clock clock;

    WebhookSender(WebhookSettings settings, WebhookTargetGuard guard, Clock clock) {
        this.settings = settings;
        this.guard = guard;
        this.clock = clock;
    }

    /**
     * The receiver's answer: delivered (2xx), or not, with the status (0 when none came) and why; on a 429 or 503,
     * the wait its {@code Retry-After} asked for (null when it said none, or nothing readable).
     */
    record Outcome(boolean delivered, int status, String error, Duration retryAfter) {
        Outcome(boolean delivered, int status, String error) {
            this(delivered, status, error, null);
        }
    }

    Outcome send(String url, String secret, UUID id, String eventType, String payload) {
        var refusal = guard.refusal(url);
        if (refusal.isPresent()) return new Outcome(false, 0, "not sent: " + refusal.get());
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header(ID, id.toString())
                .header(EVENT, eventType)
                .header(TIMESTAMP, timestamp)
                .header(SIGNATURE, HmacSignature.of(secret, timestamp, payload))
                .POST(HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8)).build();
        try {
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 300) return new Outcome(true, status, null);
            Duration retryAfter = status == 429 || status == 503
                    ? response.headers().firstValue("Retry-After").map(this::retryAfter).orElse(null) : null;
            return new Outcome(false, status, "receiver answered HTTP " + status
                    + (retryAfter == null ? "" : " (Retry-After " + retryAfter + ")"), retryAfter);
        } catch (IOException e) {
            return new Outcome(false, 0, "receiver unreachable: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(false, 0, "interrupted");
        }
    }

    /** {@code Retry-After} as seconds or an HTTP date; null when it is neither. */
    Duration retryAfter(String value) {
        return RetryAfter.parse(value, clock.instant());
    }
}
