package io.vidyut.mdm.simulator.transport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vidyut.mdm.dlms.DataNotification;
import io.vidyut.mdm.dlms.ProfileBuffer;
import io.vidyut.mdm.simulator.fleet.Fleet;
import io.vidyut.mdm.simulator.fleet.MeterRole;
import io.vidyut.mdm.simulator.fleet.SimMeter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A stand-in for the MDM on a random loopback port (JDK HttpServer): sign-in, the fleet lists and the readings
 * endpoint, which counts the values in each body itself (so the simulator's own counts can be checked) and can be
 * told to fail requests. It exercises the simulator's client; it is not a model of the real server.
 */
public final class StandInMdm implements AutoCloseable {
    public static final Map<String, String> KEYS = Map.of(
            "vmdm_demo_hpl_rest_0000000000000001", "HPL",
            "vmdm_demo_volta_mqtt_00000000000002", "VOLTA",
            "vmdm_demo_kiran_dlms_00000000000003", "KIRAN");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        // the JDK server writes headers and body separately; without TCP_NODELAY Nagle's algorithm meets the
        // client's delayed ACK and every response waits ~40 ms (read once, when the first server starts)
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    /** What to answer the n-th readings request (0-based): a status and optional Retry-After, or null for 202. */
    public record Failure(int status, String retryAfter, String body) {
    }

    private final HttpServer server;
    private final Fleet fleet;
    private volatile IntFunction<Failure> failures = n -> null;
    private final AtomicInteger readingRequests = new AtomicInteger();
    private final AtomicLong valuesAccepted = new AtomicLong();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger duplicates = new AtomicInteger();
    private final Set<String> seenBodies = ConcurrentHashMap.newKeySet();
    private final Map<String, String> vendorIds = new LinkedHashMap<>();

    public StandInMdm(Fleet fleet) throws IOException {
        this.fleet = fleet;
        for (String code : List.of("HPL", "VOLTA", "KIRAN")) {
            vendorIds.put(code, UUID.nameUUIDFromBytes(code.getBytes(StandardCharsets.UTF_8)).toString());
        }
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/api/v1/auth/token", this::signIn);
        server.createContext("/api/v1/hes-vendors", e -> list(e, vendors()));
        server.createContext("/api/v1/consumers", e -> list(e, consumers()));
        server.createContext("/api/v1/network/nodes", e -> list(e, dtNodes()));
        server.createContext("/api/v1/meters/readings", this::readings);
        server.createContext("/api/v1/meters", e -> list(e, meters()));
        server.start();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public void failWith(IntFunction<Failure> plan) {
        this.failures = plan;
    }

    public int readingRequests() {
        return readingRequests.get();
    }

    public int accepted() {
        return accepted.get();
    }

    public int duplicates() {
        return duplicates.get();
    }

    public long valuesAccepted() {
        return valuesAccepted.get();
    }

    private void signIn(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
        if (!"demo.operator".equals(body.path("username").asString()) || !"vidyut-demo-pass".equals(body.path("password").asString())) {
            respond(exchange, 401, Map.of("title", "Bad credentials"), null);
            return;
        }
        respond(exchange, 200, Map.of("access_token", "stand-in-token"), null);
    }

    private void list(HttpExchange exchange, List<Map<String, Object>> items) throws IOException {
        if (!"Bearer stand-in-token".equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            respond(exchange, 401, Map.of("title", "Unauthorized"), null);
            return;
        }
        respond(exchange, 200, Map.of("items", items, "page", 0, "size", 1000, "total", items.size()), null);
    }

    private void readings(HttpExchange exchange) throws IOException {
        byte[] body = exchange.getRequestBody().readAllBytes();
        int n = readingRequests.getAndIncrement();
        String vendor = KEYS.get(exchange.getRequestHeaders().getFirst("X-API-Key"));
        if (vendor == null) {
            respond(exchange, 401, Map.of("title", "Unknown API key"), null);
            return;
        }
        Failure failure = failures.apply(n);
        if (failure != null) {
            respond(exchange, failure.status(), Map.of("title", failure.body() == null ? "failing" : failure.body()),
                    failure.retryAfter());
            return;
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        int values = countValues(vendor, contentType, body);
        boolean duplicate = !seenBodies.add(UUID.nameUUIDFromBytes(body).toString());
        if (duplicate) {
            duplicates.incrementAndGet();
        } else {
            accepted.incrementAndGet();
            valuesAccepted.addAndGet(values);
        }
        respond(exchange, duplicate ? 200 : 202, Map.of("batch_id", UUID.randomUUID().toString(),
                "status", duplicate ? "DUPLICATE" : "ACCEPTED", "rows", 1, "values_accepted", values,
                "values_rejected", 0, "rejections", List.of()), null);
    }

    /** Counts readings independently of the simulator's own bookkeeping. */
    private static int countValues(String vendor, String contentType, byte[] body) {
        switch (vendor) {
            case "HPL" -> {
                int values = 0;
                for (JsonNode meter : JSON.readTree(body).path("meters")) {
                    for (JsonNode interval : meter.path("intervals")) {
                        values += interval.path("values").size();
                    }
                }
                return values;
            }
            case "VOLTA" -> {
                return JSON.readTree(body).path("data").size();
            }
            default -> {
                if (!"application/octet-stream".equals(contentType)) {
                    throw new IllegalStateException("DLMS must come as application/octet-stream, not " + contentType);
                }
                ProfileBuffer profile = ProfileBuffer.parse(DataNotification.decode(body));
                return profile.rows().size() * (profile.columns().size() - 1);
            }
        }
    }

    private List<Map<String, Object>> vendors() {
        List<Map<String, Object>> items = new ArrayList<>();
        vendorIds.forEach((code, id) -> items.add(Map.of("id", id, "code", code,
                "protocol", switch (code) {
                    case "VOLTA" -> "MQTT";
                    case "KIRAN" -> "DLMS";
                    default -> "REST";
                })));
        return items;
    }

    private List<Map<String, Object>> consumers() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (SimMeter meter : fleet.meters()) {
            if (meter.role() == MeterRole.CONSUMER) {
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("id", meter.consumer().id());
                c.put("sanctioned_load_kw", meter.consumer().sanctionedLoadKw());
                c.put("tariff_category", meter.consumer().tariffCategory());
                c.put("net_metered", meter.consumer().netMetered());
                c.put("dt_id", meter.consumer().dtId());
                items.add(c);
            }
        }
        return items;
    }

    private List<Map<String, Object>> dtNodes() {
        List<Map<String, Object>> items = new ArrayList<>();
        fleet.dts().values().forEach(dt -> items.add(Map.of("node", Map.of("id", dt.id(), "level", "DT",
                "parent_id", dt.feederId()), "children", 0, "consumers", 0)));
        return items;
    }

    private List<Map<String, Object>> meters() {
        List<Map<String, Object>> items = new ArrayList<>();
        for (SimMeter meter : fleet.meters()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", meter.id());
            m.put("serial", meter.serial());
            m.put("phase", meter.threePhase() ? "3P" : "1P");
            m.put("category", meter.role().name());
            m.put("ct_ratio", meter.ctRatio());
            m.put("pt_ratio", meter.ptRatio());
            m.put("hes_vendor_id", vendorIds.get(meter.vendorCode()));
            m.put("consumer_id", meter.consumer() == null ? null : meter.consumer().id());
            m.put("network_node_id", meter.nodeId());
            m.put("lifecycle_stage", "IN_SERVICE");
            items.add(m);
        }
        return items;
    }

    private static void respond(HttpExchange exchange, int status, Object body, String retryAfter) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (retryAfter != null) {
            exchange.getResponseHeaders().add("Retry-After", retryAfter);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
