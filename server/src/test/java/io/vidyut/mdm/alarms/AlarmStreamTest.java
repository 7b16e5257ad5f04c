package io.vidyut.mdm.alarms;

import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.Registry;
import io.vidyut.mdm.testing.TestTenant;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The dashboard's live stream: a tenant's alarm changes arrive as Server-Sent Events, and only that tenant's. */
class AlarmStreamTest extends IntegrationTest {
    private final HttpClient http = HttpClient.newHttpClient();

    /** Reads a stream's lines into a queue on a background thread (the stream never ends by itself). */
    BlockingQueue<String> listen(String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/alarms/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> response.body().forEach(lines::add));
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    /** The next line starting with the prefix, or null when none comes within the wait. */
    static String next(BlockingQueue<String> lines, String prefix, int waitSeconds) throws InterruptedException {
        while (true) {
            String line = lines.poll(waitSeconds, TimeUnit.SECONDS);
            if (line == null) return null;
            if (line.startsWith(prefix)) return line;
        }
    }

    static String next(BlockingQueue<String> lines, String prefix) throws InterruptedException {
        return next(lines, prefix, 10);
    }

    @Test
    void a_raised_alarm_reaches_the_tenants_open_streams_and_no_other_tenants() throws Exception {
        TestTenant tenant = newTenant();
        TestTenant other = newTenant();
        Registry registry = new Registry(api, tenant.admin());
        Registry.EventVendor vendor = registry.eventVendor("LIVE");
        registry.meter("L1", vendor.id(), null);

        BlockingQueue<String> mine = listen(tenant.operator());
        BlockingQueue<String> theirs = listen(other.admin());
        assertThat(next(mine, "event:")).isEqualTo("event:ready");
        assertThat(next(theirs, "event:")).isEqualTo("event:ready");

        vendor.hes().push("L1", "2026-11-20T10:00:00+05:30", "251");

        assertThat(next(mine, "event:")).isEqualTo("event:RAISED");
        String data = next(mine, "data:");
        assertThat(data).contains("\"kind\":\"TAMPER\"").contains("\"meter_serial\":\"L1\"").contains("\"title\":\"Cover open\"");
        assertThat(next(theirs, "event:", 1)).as("nothing for the other tenant").isNull();
    }
}
