package io.vidyut.mdm.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.Registry;
import io.vidyut.mdm.testing.TestTenant;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Bodies are bounded while they are read, never after: a client that streams without end (chunked,
 * no Content-Length) or declares more than the limit gets 413 problem+json having sent little more
 * than the limit, so the server never held such a body. Sign-in, the only body anyone may send, is
 * bounded at a few KiB.
 */
class RequestBodyLimitTest extends IntegrationTest {
    /** More than any test JVM's heap: a server that buffered the body would fail with OutOfMemoryError first. */
    static final long ENDLESS = 64L << 30;
    /** Socket buffers on both sides and what Tomcat reads ahead: the body sent beyond the limit before the refusal. */
    static final long SLACK = 16L << 20;

    record Answer(int status, String head, String body, long bodyBytesSent) {}

    @Test
    void an_endless_anonymous_sign_in_is_refused_after_a_few_kilobytes() throws Exception {
        Answer answer = chunked("/api/v1/auth/token", "application/json", Map.of(), "{\"username\": \"a\", \"password\": \"");
        assertThat(answer.status()).as(answer.head()).isEqualTo(413);
        assertThat(answer.head()).containsIgnoringCase("content-type: application/problem+json");
        assertThat(answer.body()).contains("payload-too-large").contains("at most 8192 bytes");
        assertThat(answer.bodyBytesSent()).isLessThan(SLACK);
    }

    @Test
    void a_declared_length_over_the_limit_is_refused_before_the_body_is_read() throws Exception {
        // declares a gigabyte, sends a few bytes and waits: the answer must not wait for the rest
        Answer answer = declared("/api/v1/auth/token", "application/json", Map.of(), 1L << 30, "{\"username\": ");
        assertThat(answer.status()).as(answer.head()).isEqualTo(413);
        assertThat(answer.body()).contains("payload-too-large");
    }

    @Test
    void an_endless_hes_push_is_refused_at_the_push_limit() throws Exception {
        TestTenant tenant = newTenant();
        String apiKey = new Registry(api, tenant.admin()).vendor("BIG").get("api_key").asString();
        Answer answer = chunked("/api/v1/meters/readings", "application/json", Map.of("X-API-Key", apiKey),
                "{\"meters\": [{\"serial\": \"");
        assertThat(answer.status()).as(answer.head()).isEqualTo(413);
        assertThat(answer.body()).contains("at most 33554432 bytes").contains("Split the batch");
        assertThat(answer.bodyBytesSent()).isLessThan(33_554_432L + SLACK);

        Answer declaredTooMuch = declared("/api/v1/meters/readings", "application/json", Map.of("X-API-Key", apiKey),
                600L << 20, "{");
        assertThat(declaredTooMuch.status()).isEqualTo(413);
    }

    @Test
    void any_other_json_body_is_bounded_at_a_mebibyte() throws Exception {
        TestTenant tenant = newTenant();
        Answer answer = chunked("/api/v1/meters", "application/json", Map.of("Authorization", "Bearer " + tenant.admin()),
                "{\"serial\": \"");
        assertThat(answer.status()).as(answer.head()).isEqualTo(413);
        assertThat(answer.body()).contains("at most 1048576 bytes");
        assertThat(answer.bodyBytesSent()).isLessThan((1L << 20) + SLACK);
        // a body within the limit is read as before
        var within = api.post("/api/v1/meters", tenant.admin(), Map.of("serial", "x".repeat(100_000)));
        assertThat(within.status()).isEqualTo(422);
    }

    /** Streams {@code prefix} and then 'a's as chunks until the server answers (or {@link #ENDLESS} bytes). */
    private Answer chunked(String path, String contentType, Map<String, String> headers, String prefix) throws Exception {
        return exchange(path, contentType, headers, "Transfer-Encoding: chunked\r\n", prefix, true);
    }

    /** Declares {@code length} bytes, sends only {@code sent} and then waits for the answer. */
    private Answer declared(String path, String contentType, Map<String, String> headers, long length, String sent)
            throws Exception {
        return exchange(path, contentType, headers, "Content-Length: " + length + "\r\n", sent, false);
    }

    private Answer exchange(String path, String contentType, Map<String, String> headers, String framing, String prefix,
                            boolean endless) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: " + contentType
                    + "\r\n" + framing);
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            AtomicLong sent = new AtomicLong();
            Thread writer = new Thread(() -> {
                try {
                    byte[] first = prefix.getBytes(StandardCharsets.UTF_8);
                    if (endless) {
                        writeChunk(out, first, sent);
                        byte[] chunk = new byte[64 * 1024];
                        Arrays.fill(chunk, (byte) 'a');
                        while (sent.get() < ENDLESS && !Thread.currentThread().isInterrupted()) writeChunk(out, chunk, sent);
                    } else {
                        out.write(first);
                        sent.addAndGet(first.length);
                        out.flush();
                    }
                } catch (IOException closedByTheServer) {
                    // expected: the server refused and closed the connection
                }
            }, "endless-body");
            writer.setDaemon(true);
            writer.start();
            try {
                return read(socket.getInputStream(), sent);
            } finally {
                writer.interrupt();
            }
        }
    }

    private static void writeChunk(OutputStream out, byte[] chunk, AtomicLong sent) throws IOException {
        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(chunk);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        sent.addAndGet(chunk.length);
    }

    /** The status line, headers and body of the answer (the body up to the connection's end or its Content-Length). */
    private static Answer read(InputStream in, AtomicLong sent) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int headEnd = -1;
        int contentLength = -1;
        while (true) {
            int n;
            try {
                n = in.read(buffer);
            } catch (IOException reset) {
                break;
            }
            if (n < 0) break;
            received.write(buffer, 0, n);
            String text = received.toString(StandardCharsets.ISO_8859_1);
            if (headEnd < 0 && (headEnd = text.indexOf("\r\n\r\n")) >= 0) {
                var length = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(text.substring(0, headEnd));
                if (length.find()) contentLength = Integer.parseInt(length.group(1));
            }
            if (headEnd >= 0 && contentLength >= 0 && received.size() >= headEnd + 4 + contentLength) break;
        }
        String text = received.toString(StandardCharsets.UTF_8);
        assertThat(text).as("an HTTP answer").startsWith("HTTP/1.1 ");
        int split = text.indexOf("\r\n\r\n");
        return new Answer(Integer.parseInt(text.substring(9, 12)), split < 0 ? text : text.substring(0, split),
                split < 0 ? "" : text.substring(split + 4), sent.get());
    }
}
