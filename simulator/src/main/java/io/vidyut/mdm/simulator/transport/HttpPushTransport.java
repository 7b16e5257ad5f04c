package io.vidyut.mdm.simulator.transport;

import io.vidyut.mdm.simulator.payload.Payload;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * POSTs payloads to {@code {target}/api/v1/meters/readings} (events to {@code …/meters/events}) with the vendor's
 * {@code X-API-Key}. 202 (accepted)
 * and 200 (duplicate) carry a receipt whose value counts are kept; 429, 408 and 5xx and connection failures are
 * retried per the {@link RetryPolicy}; any other status is final and reported.
 */
public final class HttpPushTransport implements Transport {
    public static final String READINGS_PATH = "/api/v1/meters/readings";
    public static final String EVENTS_PATH = "/api/v1/meters/events";
    private static final int ERROR_BODY_LIMIT = 300;

    private final HttpClient client;
    private final URI readings;
    private final URI events;
    private final Map<String, String> apiKeys;
    private final RetryPolicy retry;
    private final Duration requestTimeout;
    private final JsonMapper json = JsonMapper.builder().build();

    /** @param apiKeys vendor code → API key */
    public HttpPushTransport(URI target, Map<String, String> apiKeys, RetryPolicy retry) {
        this(target, apiKeys, retry, Duration.ofSeconds(120));
    }

    public HttpPushTransport(URI target, Map<String, String> apiKeys, RetryPolicy retry, Duration requestTimeout) {
        this.readings = target.resolve(READINGS_PATH);
        this.events = target.resolve(EVENTS_PATH);
        this.apiKeys = Map.copyOf(apiKeys);
        this.retry = retry;
        this.requestTimeout = requestTimeout;
        // HTTP/1.1 keep-alive: one connection per sender thread, no h2c upgrade dance with the server
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    @Override
    public Delivery deliver(Payload payload) {
        String key = apiKeys.get(payload.vendorCode());
        if (key == null) {
            return Delivery.failed(0, 0, "no API key for vendor " + payload.vendorCode());
        }
        HttpRequest request = HttpRequest.newBuilder(payload.kind() == Payload.Kind.EVENTS ? events : readings)
                .timeout(requestTimeout)
                .header("Content-Type", payload.contentType())
                .header("X-API-Key", key)
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload.body()))
                .build();
        String lastError = null;
        int lastStatus = 0;
        for (int attempt = 1; ; attempt++) {
            Duration retryAfter = null;
            try {
                HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                lastStatus = response.statusCode();
                if (lastStatus / 100 == 2) {
                    return accepted(response, attempt);
                }
                lastError = "HTTP " + lastStatus + ": " + snippet(response.body());
                if (!RetryPolicy.retryable(lastStatus)) {
                    return Delivery.failed(lastStatus, attempt, lastError);
                }
                retryAfter = retryAfter(response);
            } catch (IOException e) {
                lastStatus = 0;
                lastError = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Delivery.failed(lastStatus, attempt, "interrupted");
            }
            if (attempt >= retry.maxAttempts()) {
                return Delivery.failed(lastStatus, attempt, lastError + " (gave up after " + attempt + " attempts)");
            }
            if (!sleep(retry.delayAfter(attempt, retryAfter))) {
                return Delivery.failed(lastStatus, attempt, "interrupted");
            }
        }
    }

    private Delivery accepted(HttpResponse<byte[]> response, int attempts) {
        long accepted = 0;
        long rejected = 0;
        try {
            JsonNode receipt = json.readTree(response.body());
            accepted = receipt.path("values_accepted").asLong(0);
            rejected = receipt.path("values_rejected").asLong(0);
        } catch (RuntimeException e) {
            // a 2xx without a readable receipt still means the MDM took the batch; counts stay unknown (0)
        }
        return new Delivery(true, response.statusCode() == 200, accepted, rejected, attempts, response.statusCode(),
                null);
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return java.util.Optional.of(Duration.ofSeconds(Long.parseLong(value.trim())));
            } catch (NumberFormatException e) {
                return java.util.Optional.empty();  // an HTTP-date: fall back to our own backoff
            }
        }).orElse(null);
    }

    private static String snippet(byte[] body) {
        String text = new String(body, StandardCharsets.UTF_8).replaceAll("\\s+", " ").strip();
        return text.length() > ERROR_BODY_LIMIT ? text.substring(0, ERROR_BODY_LIMIT) + "…" : text;
    }

    private static boolean sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
