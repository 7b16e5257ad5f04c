package io.vidyut.mdm.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Talks to the running server over real HTTP, as an API client would. */
public final class ApiClient {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final String base;
    private final HttpClient http;

    public ApiClient(String base) {
        this(base, HttpClient.newHttpClient());
    }

    /** Through a client of the test's own making (e.g. one that trusts a test CA and presents a client certificate). */
    public ApiClient(String base, HttpClient http) {
        this.base = base;
        this.http = http;
    }

    public record Response(int status, String contentType, String raw, HttpHeaders headers) {
        /** A response header's first value, or null. */
        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public JsonNode json() {
            return raw.isEmpty() ? JSON.nullNode() : JSON.readTree(raw);
        }

        public boolean isProblem() {
            return contentType != null && contentType.startsWith("application/problem+json");
        }
    }

    public String signIn(String username, String password) {
        Response response = post("/api/v1/auth/token", null, Map.of("username", username, "password", password));
        if (response.status() != 200) throw new IllegalStateException("sign-in failed for " + username + ": " + response.raw());
        return response.json().get("access_token").asString();
    }

    public Response get(String path, String token) {
        return send("GET", path, token, null, null, Map.of());
    }

    public Response post(String path, String token, Object body) {
        return send("POST", path, token, body == null ? null : JSON.writeValueAsString(body), "application/json", Map.of());
    }

    public Response put(String path, String token, Object body) {
        return send("PUT", path, token, JSON.writeValueAsString(body), "application/json", Map.of());
    }

    public Response delete(String path, String token) {
        return send("DELETE", path, token, null, null, Map.of());
    }

    public Response postCsv(String path, String token, String csv) {
        return send("POST", path, token, csv, "text/csv", Map.of());
    }

    public Response withApiKey(String method, String path, String apiKey) {
        return send(method, path, null, null, null, Map.of("X-API-Key", apiKey));
    }

    public Response send(String method, String path, String token, String body, String contentType,
                         Map<String, String> headers) {
        return sendBytes(method, path, token, body == null ? null : body.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                contentType, headers);
    }

    /** Bytes as they are, for bodies that are not valid UTF-8 (binary pushes, damaged text). */
    public Response sendBytes(String method, String path, String token, byte[] body, String contentType,
                              Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) request.header("Authorization", "Bearer " + token);
        if (contentType != null) request.header("Content-Type", contentType);
        headers.forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
