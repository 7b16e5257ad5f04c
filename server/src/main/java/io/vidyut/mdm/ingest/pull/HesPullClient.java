package io.vidyut.mdm.ingest.pull;

import io.vidyut.mdm.ingest.PayloadLimit;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.vidyut.mdm.hes.mapping.PayloadMapping;
import io.vidyut.mdm.hes.PullTargets;
import io.vidyut.mdm.tenancy.TenantContext;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * MDM → HES reads over the vendor's REST API: a timeout per call, retries with exponential
 * backoff on failures and 5xx, and a circuit breaker per vendor so an HES that is down is not
 * hammered (callers get an immediate refusal while the circuit is open).
 */
@Component
public class HesPullClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final CircuitBreakerRegistry breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
            .slidingWindowSize(10).minimumNumberOfCalls(5).failureRateThreshold(50)
            .waitDurationInOpenState(Duration.ofSeconds(30)).build());
    private final RetryConfig retries = RetryConfig.custom().maxAttempts(3)
            .intervalFunction(IntervalFunction.ofExponentialBackoff(Duration.ofMillis(200), 2))
            .retryExceptions(HesUnavailableException.class).build();
    private final PullTargets targets;
    private final PayloadLimit limit;

    HesPullClient(PullTargets targets, PayloadLimit limit) {
        this.targets = targets;
        this.limit = limit;
    }

    /** The HES failed to answer usably (after retries), or its circuit is open. */
    static class HesUnavailableException extends RuntimeException {
        final boolean circuitOpen;

        HesUnavailableException(String message, boolean circuitOpen) {
            super(message);
            this.circuitOpen = circuitOpen;
        }
    }

    byte[] history(UUID vendorId, PayloadMapping.PullEndpoint endpoint, String serial, Instant from, Instant to) {
        if (endpoint.historyPath() == null) throw new io.vidyut.mdm.common.ConflictException("The vendor's pull endpoint has no history_path");
        return call(vendorId, endpoint, endpoint.historyPath().replace("{serial}", enc(serial))
                .replace("{from}", enc(from.toString())).replace("{to}", enc(to.toString())));
    }

    public byte[] read(UUID vendorId, PayloadMapping.PullEndpoint endpoint, String serial) {
        if (endpoint.readPath() == null) throw new io.vidyut.mdm.common.ConflictException("The vendor's pull endpoint has no read_path");
        return call(vendorId, endpoint, endpoint.readPath().replace("{serial}", enc(serial)));
    }

    private byte[] call(UUID vendorId, PayloadMapping.PullEndpoint endpoint, String path) {
        targets.refusal(TenantContext.requireTenantId(), endpoint.baseUrl()).ifPresent(refusal -> {
            throw new io.vidyut.mdm.common.ConflictException("The vendor's pull endpoint may not be called: " + refusal);
        });
        CircuitBreaker breaker = breakers.circuitBreaker(vendorId.toString());
        Retry retry = Retry.of("pull-" + vendorId, retries);
        Supplier<byte[]> attempt = () -> get(endpoint, path);
        try {
            return Retry.decorateSupplier(retry, CircuitBreaker.decorateSupplier(breaker, attempt)).get();
        } catch (CallNotPermittedException e) {
            throw new HesUnavailableException("The HES has been failing; calls are paused for up to 30 s", true);
        }
    }

    private byte[] get(PayloadMapping.PullEndpoint endpoint, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint.baseUrl().replaceAll("/$", "") + path))
                .timeout(Duration.ofSeconds(endpoint.timeoutSeconds())).GET();
        if (endpoint.apiKeyHeader() != null && endpoint.apiKey() != null) {
            request.header(endpoint.apiKeyHeader(), endpoint.apiKey());
        }
        try {
            HttpResponse<java.io.InputStream> response = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            try (java.io.InputStream body = response.body()) {
                if (response.statusCode() >= 500 || response.statusCode() == 429) {
                    throw new HesUnavailableException("HES answered " + response.statusCode(), false);
                }
                if (response.statusCode() != 200) {
                    throw new HesRefusedException("HES refused the read: HTTP " + response.statusCode());
                }
                return limit.read(body); // an answer over the limit is refused while read, not after
            }
        } catch (IOException e) {
            throw new HesUnavailableException("HES unreachable: " + e.getMessage(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new HesUnavailableException("interrupted", false);
        }
    }

    /** The HES answered, but not with data (4xx): retrying would not help. */
    static class HesRefusedException extends RuntimeException {
        HesRefusedException(String message) {
            super(message);
        }
    }

    private static String enc(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
