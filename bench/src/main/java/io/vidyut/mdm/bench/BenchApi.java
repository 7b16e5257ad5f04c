package io.vidyut.mdm.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The few API calls a benchmark makes to set itself up and to look at the result. */
final class BenchApi {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final String base;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    BenchApi(String base) {
        this.base = base;
    }

    String signIn(String username, String password) {
        return send("POST", "/api/v1/auth/token", null, JSON.writeValueAsString(Map.of("username", username,
                "password", password)), "application/json", 200).get("access_token").asString();
    }

    JsonNode post(String path, String token, Object body, int expected) {
        return send("POST", path, token, JSON.writeValueAsString(body), "application/json", expected);
    }

    JsonNode put(String path, String token, Object body, int expected) {
        return send("PUT", path, token, JSON.writeValueAsString(body), "application/json", expected);
    }

    JsonNode postCsv(String path, String token, String csv, int expected) {
        return send("POST", path, token, csv, "text/csv", expected);
    }

    JsonNode get(String path, String token) {
        return send("GET", path, token, null, null, 200);
    }

    /** Milliseconds until the whole answer of a GET has arrived (the body is not parsed: that is the client's cost). */
    double timedGet(String path, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(1))
                .header("Authorization", "Bearer " + token).GET().build();
        long started = System.nanoTime();
        try {
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            double millis = (System.nanoTime() - started) / 1e6;
            if (response.statusCode() != 200) throw new IllegalStateException("GET " + path + " answered " + response.statusCode());
            return millis;
        } catch (IOException e) {
            throw new IllegalStateException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A POST of a JSON body with headers of its own and no token (a signed request); the answer's status. */
    int postWithHeaders(String path, String body, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A POST as an HES: JSON with the vendor's API key. */
    JsonNode sendWithKey(String path, String apiKey, Object body, int expected) {
        return send("POST", path, null, JSON.writeValueAsString(body), "application/json", expected, Map.of("X-API-Key", apiKey));
    }

    /**
     * A POST of a raw JSON body as an HES, retried while the MDM sheds load (429/503, after its Retry-After);
     * fails on any other answer than {@code expected}.
     */
    void pushWithKey(String path, String apiKey, String body, int expected) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                .header("X-API-Key", apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        try {
            for (int attempt = 0; ; attempt++) {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == expected) return;
                if ((response.statusCode() != 429 && response.statusCode() != 503) || attempt > 1000) {
                    throw new IllegalStateException("POST " + path + " answered " + response.statusCode() + ": " + response.body());
                }
                long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
                Thread.sleep(Math.min(5, Math.max(1, seconds)) * 1000);
            }
        } catch (IOException e) {
            throw new IllegalStateException("POST " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode send(String method, String path, String token, String body, String contentType, int expected) {
        return send(method, path, token, body, contentType, expected, Map.of());
    }

    private JsonNode send(String method, String path, String token, String body, String contentType, int expected,
                          Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(5))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        if (token != null) request.header("Authorization", "Bearer " + token);
        if (contentType != null) request.header("Content-Type", contentType);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
