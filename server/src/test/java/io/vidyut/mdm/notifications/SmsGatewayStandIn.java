package io.vidyut.mdm.notifications;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An HTTP SMS gateway on loopback (the JDK's server) for the tests: it keeps every request it gets and answers each
 * with the next scripted answer, or 200 with {@code {"message_id": "gw-<n>"}} when none is left.
 */
final class SmsGatewayStandIn implements AutoCloseable {
    static final JsonMapper JSON = JsonMapper.builder().build();

    record Received(Map<String, String> headers, String raw) {
        JsonNode json() {
            return JSON.readTree(raw);
        }
    }

    record Answer(int status, String body, Map<String, String> headers) {
        static Answer of(int status, String body) {
            return new Answer(status, body, Map.of());
        }
    }

    final ConcurrentLinkedQueue<Received> received = new ConcurrentLinkedQueue<>();
    private final Deque<Answer> script = new ArrayDeque<>();
    private final AtomicInteger sent = new AtomicInteger();
    private final HttpServer server;

    SmsGatewayStandIn() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/sms", exchange -> {
            var headers = exchange.getRequestHeaders();
            String auth = headers.getFirst("Authorization");
            received.add(new Received(Map.of("content-type", String.valueOf(headers.getFirst("Content-Type")),
                    "authorization", String.valueOf(auth)),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            Answer answer;
            synchronized (script) {
                answer = script.poll();
            }
            if (answer == null) answer = Answer.of(200, "{\"status\": \"accepted\", \"message_id\": \"gw-" + sent.incrementAndGet() + "\"}");
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(answer.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** The next requests are answered so, in this order. */
    void answer(Answer... answers) {
        synchronized (script) {
            script.addAll(List.of(answers));
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/sms";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
