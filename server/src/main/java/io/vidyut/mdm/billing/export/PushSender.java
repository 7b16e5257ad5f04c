package io.vidyut.mdm.billing.export;

import io.vidyut.mdm.common.HmacSignature;
import io.vidyut.mdm.common.OutboundTargets;
import io.vidyut.mdm.common.RetryAfter;
import io.vidyut.mdm.outbox.OutboxHandler.Outcome;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * One attempt of a REST push: POST of the JSON body with {@code X-Mdm-Id} (the outbox message's id, the same on every
 * retry: the billing system dedupes on it), {@code X-Mdm-Run-Id}, {@code X-Mdm-Timestamp} (epoch seconds) and
 * {@code X-Mdm-Signature}, signed as webhooks are ({@link HmacSignature}). What the answer means for the outbox: 2xx
 * delivered; 429 or 503 with a readable {@code Retry-After}, again after that wait; any other 4xx (or a redirect, not
 * followed), dead at once (the request itself is wrong, and sending it again will not right it); 5xx, no answer or a timeout, again after the
 * backoff. A URL on a private address is refused as the webhooks' are, unless
 * {@code mdm.billing.export.allow-private-targets}; checked again before every attempt (a name may move).
 */
@Component
class PushSender {
    static final String ID = "X-Mdm-Id";
    static final String RUN = "X-Mdm-Run-Id";
    static final String TIMESTAMP = "X-Mdm-Timestamp";
    static final String SIGNATURE = "X-Mdm-Signature";

    private final ExportSettings settings;
    private final Clock clock;
    private final HttpClient http;

    PushSender(ExportSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Why the URL may not be pushed to, or empty when it may; a name that does not resolve now is left to the call. */
    Optional<String> refusal(String url) {
        return OutboundTargets.refusal(url, address -> settings.allowPrivateTargets(),
                "mdm.billing.export.allow-private-targets", OutboundTargets.Unresolved.LEFT_TO_THE_CALL);
    }

    Outcome send(String url, String secret, UUID id, String runId, String body) {
        Optional<String> refusal = refusal(url);
        if (refusal.isPresent()) return Outcome.permanentFailure("not sent: " + refusal.get());
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header(ID, id.toString())
                .header(RUN, runId)
                .header(TIMESTAMP, timestamp)
                .header(SIGNATURE, HmacSignature.of(secret, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            return Outcome.retry("billing system unreachable: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Outcome.retry("interrupted");
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) return Outcome.delivered();
        String answer = "billing system answered HTTP " + status;
        if (status == 429 || status == 503) {
            Duration after = response.headers().firstValue("Retry-After")
                    .map(value -> RetryAfter.parse(value, clock.instant())).orElse(null);
            if (after != null) return Outcome.retryAfter(answer + " (Retry-After " + after + ")", after);
            return Outcome.retry(answer);
        }
        // a redirect is not followed (it could lead anywhere): like a 4xx, the target needs changing first
        if (status < 500) return Outcome.permanentFailure(answer);
        return Outcome.retry(answer);
    }
}
