package io.vidyut.mdm.simulator.fleet;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The few MDM user APIs the simulator reads its fleet from: sign-in and paged lists. */
public final class MdmApiClient {
    public static final int PAGE_SIZE = 1000;

    private final URI target;
    private final HttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();
    private String token;

    public MdmApiClient(URI target) {
        this.target = target;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    public void signIn(String username, String password) {
        String body = json.writeValueAsString(Map.of("username", username, "password", password));
        HttpRequest request = HttpRequest.newBuilder(target.resolve("/api/v1/auth/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        JsonNode answer = send(request, "sign in as " + username);
        String accessToken = answer.path("access_token").asString(null);
        if (accessToken == null || accessToken.isBlank()) {
            throw new IllegalStateException("sign-in at " + target + " answered without an access_token");
        }
        this.token = accessToken;
    }

    /** Every item of a paged list, e.g. {@code /api/v1/meters} with {@code stage=IN_SERVICE}. */
    public List<JsonNode> listAll(String path, Map<String, String> query) {
        List<JsonNode> items = new ArrayList<>();
        for (int page = 0; ; page++) {
            StringBuilder uri = new StringBuilder(path).append("?page=").append(page).append("&size=").append(PAGE_SIZE);
            query.forEach((name, value) -> uri.append('&').append(name).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
            JsonNode answer = get(uri.toString());
            JsonNode pageItems = answer.path("items");
            pageItems.forEach(items::add);
            long total = answer.path("total").asLong(-1);
            if (pageItems.size() < PAGE_SIZE || (total >= 0 && items.size() >= total)) {
                return items;
            }
        }
    }

    public JsonNode get(String pathAndQuery) {
        if (token == null) {
            throw new IllegalStateException("sign in first");
        }
        HttpRequest request = HttpRequest.newBuilder(target.resolve(pathAndQuery))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .GET().build();
        return send(request, "GET " + pathAndQuery);
    }

    private JsonNode send(HttpRequest request, String what) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                String text = response.body().replaceAll("\\s+", " ");
                throw new IllegalStateException("cannot " + what + " at " + target + ": HTTP " + response.statusCode()
                        + (text.isBlank() ? "" : " " + (text.length() > 300 ? text.substring(0, 300) + "…" : text)));
            }
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException("cannot " + what + " at " + target + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while trying to " + what, e);
        }
    }
}
