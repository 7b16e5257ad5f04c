package io.vidyut.mdm.commands;

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
import java.util.Map;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one command to a vendor HES's command API (the mapping's pull base URL + command_path):
 * {@code {"command_id", "serial", "type", "params"}}. Makes one attempt; retries are the outbox's,
 * kept in the database so a restart loses none.
 */
@Component
class HesCommandClient {
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final JsonMapper json;
    private final PullTargets targets;

    HesCommandClient(JsonMapper json, PullTargets targets) {
        this.json = json;
        this.targets = targets;
    }

    /**
     * How the HES answered: accepted (acknowledged, or already executed), worth retrying, or refused for good; or the
     * command could not be sent at all (its URL is not one the MDM may call).
     */
    sealed interface Outcome {}

    record NotSent(String reason) implements Outcome {}

    record Accepted(boolean executed, String reference) implements Outcome {}

    record Retryable(String reason) implements Outcome {}

    record Refused(String reason) implements Outcome {}

    Outcome send(PayloadMapping.PullEndpoint endpoint, Command command, String serial) {
        var refusal = targets.refusal(TenantContext.requireTenantId(), endpoint.baseUrl());
        if (refusal.isPresent()) return new NotSent("not sent: " + refusal.get());
        String url = endpoint.baseUrl().replaceAll("/$", "")
                + endpoint.commandPath().replace("{serial}", URLEncoder.encode(serial, StandardCharsets.UTF_8));
        String body = json.writeValueAsString(Map.of("command_id", command.id().toString(), "serial", serial,
                "type", command.type().name(), "params", command.params()));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(endpoint.timeoutSeconds()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (endpoint.apiKeyHeader() != null && endpoint.apiKey() != null) {
            request.header(endpoint.apiKeyHeader(), endpoint.apiKey());
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status >= 500 || status == 429) return new Retryable("HES answered HTTP " + status);
            if (status >= 400) return new Refused("HES refused the command: HTTP " + status + " " + abbreviated(response.body()));
            return accepted(response.body());
        } catch (IOException e) {
            return new Retryable("HES unreachable: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Retryable("interrupted");
        }
    }

    /** A 2xx answer may say {"status": "EXECUTED"} (done at once) and carry the HES's own reference. */
    private Accepted accepted(String body) {
        try {
            JsonNode answer = body == null || body.isBlank() ? null : json.readTree(body);
            if (answer == null || !answer.isObject()) return new Accepted(false, null);
            JsonNode reference = answer.get("reference");
            JsonNode status = answer.get("status");
            return new Accepted(status != null && "EXECUTED".equals(status.asString()),
                    reference == null ? null : reference.asString());
        } catch (JacksonException e) {
            return new Accepted(false, null);
        }
    }

    private static String abbreviated(String text) {
        return text == null ? "" : text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
