package io.vidyut.mdm.testing;

import java.util.Map;

/** An HES pushing events over REST with its API key, mapped by {@link #MAPPING}. */
public final class EventFeed {
    /** Readings as in the ingest tests; events as {"batch", "events": [{"meter", "at", "type"}]}. */
    public static final Map<String, Object> MAPPING = Map.of("format", "JSON", "rows", "meters[*].intervals[*]",
            "fields", Map.of("meter", "^.serial", "timestamp", "end", "values", "values"),
            "events", Map.of("rows", "events[*]", "fields", Map.of("meter", "meter", "timestamp", "at", "code", "type",
                    "batch_id", "$.batch"), "codes", Map.of("PWR_FAIL", 101, "PWR_BACK", 102, "MAGNET", 201)));

    private final ApiClient api;
    private final String apiKey;

    public EventFeed(ApiClient api, String apiKey) {
        this.api = api;
        this.apiKey = apiKey;
    }

    public ApiClient.Response push(String payload) {
        return api.send("POST", "/api/v1/meters/events", null, payload, "application/json", Map.of("X-API-Key", apiKey));
    }

    /** One event in a batch of its own. */
    public ApiClient.Response push(String serial, String at, String code) {
        return push("{\"events\": [{\"meter\": \"" + serial + "\", \"at\": \"" + at + "\", \"type\": \"" + code + "\"}]}");
    }
}
