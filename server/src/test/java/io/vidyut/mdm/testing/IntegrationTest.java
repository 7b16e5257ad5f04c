package io.vidyut.mdm.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.vidyut.mdm.MdmApplication;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The whole server on a random port over a real embedded PostgreSQL (fresh cluster per test JVM),
 * shared by every integration test. Tests isolate themselves by creating their own tenants.
 */
@SpringBootTest(classes = MdmApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {
    public static final String PLATFORM_ADMIN_PASSWORD = "platform-owner-for-tests";
    public static final String PASSWORD = "password-for-tests";
    /** What a Prometheus scraper presents (MDM_METRICS_TOKEN). */
    public static final String METRICS_TOKEN = "scrape-token-for-tests";
    private static final Path DATA_DIR = Path.of("target", "test-data", "run-" + UUID.randomUUID());
    /**
     * The instant the server's clock reads when the test JVM's server starts, ticking from there: chosen, never the
     * wall clock's, so a test that compares with "today" or "now" behaves the same at every hour. The default is
     * 01:58 IST, just after the IST midnight that once broke the simulator-driven tests; {@code -Dmdm.test.clock}
     * (an ISO-8601 date-time with offset) runs the whole suite at another instant, as {@code .ci/run} does.
     */
    public static final Instant CLOCK_START = OffsetDateTime.parse(
            System.getProperty("mdm.test.clock", "2026-11-26T01:58:00+05:30")).toInstant();
    /**
     * A real SMTP server (GreenMail) for the whole test JVM, on a port fixed for the JVM, which the server's mail
     * goes to; only tenants whose alarm rules name e-mail recipients get any. Tests may stop it and start it
     * again (on the same port) to play an SMTP outage.
     */
    private static final int SMTP_PORT = freePort();
    private static GreenMail smtp = startSmtp();

    protected static synchronized GreenMail smtp() {
        return smtp;
    }

    protected static synchronized void stopSmtp() {
        smtp.stop();
    }

    /** A fresh SMTP server on the same port (what the stopped one received is gone with it). */
    protected static synchronized GreenMail startSmtp() {
        smtp = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return smtp;
    }

    /** A port nothing listens on (just now): for a server to start on, or to play an unreachable one. */
    protected static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @LocalServerPort
    protected int port;
    /** The server's clock: what tests take "now" from. */
    @Autowired
    protected Clock clock;
    protected ApiClient api;

    @DynamicPropertySource
    static void server(DynamicPropertyRegistry registry) {
        registry.add("mdm.db.data-dir", () -> DATA_DIR.toAbsolutePath().toString());
        registry.add("mdm.security.admin-password", () -> PLATFORM_ADMIN_PASSWORD);
        registry.add("mdm.clock.start", CLOCK_START::toString);
        registry.add("mdm.security.metrics-token", () -> METRICS_TOKEN);
        // every test signs in from 127.0.0.1: the per-address limit is SignInGuardTest's to prove
        registry.add("mdm.security.sign-in.failures-per-address-per-minute", () -> 100_000);
        // tests run gap estimation themselves, at the instants they choose
        registry.add("mdm.vee.estimation-delay", () -> "PT24H");
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", () -> SMTP_PORT);
        registry.add("mdm.mail.backoff", () -> "PT1S");
        // billing exports go to stand-in billing systems on loopback, and drop folders under the test's data directory
        registry.add("mdm.billing.export.allow-private-targets", () -> true);
        registry.add("mdm.billing.export.drop-root", () -> DATA_DIR.resolve("billing-drop").toAbsolutePath().toString());
    }

    @BeforeEach
    protected void connectClient() {
        api = new ApiClient("http://127.0.0.1:" + port);
    }

    /** Polls a GET (expecting 200) until its JSON satisfies the condition, for up to 20 s; returns the last answer. */
    protected JsonNode await(String path, String token, Predicate<JsonNode> condition) {
        return await(path, token, Duration.ofSeconds(20), condition);
    }

    /** Polls a GET (expecting 200) until its JSON satisfies the condition, for up to {@code timeout}; returns the last answer. */
    protected JsonNode await(String path, String token, Duration timeout, Predicate<JsonNode> condition) {
        return poll(() -> {
            ApiClient.Response response = api.get(path, token);
            assertThat(response.status()).as(response.raw()).isEqualTo(200);
            return response.json();
        }, condition, timeout);
    }

    /** Reads every 100 ms until what it reads satisfies the condition, for up to {@code timeout}; returns the last read. */
    protected static <T> T poll(Supplier<T> read, Predicate<T> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T value = read.get();
        while (!condition.test(value) && System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
            sleep(100);
            value = read.get();
        }
        return value;
    }

    /** Waits a while, for asserting that something does not happen. */
    protected static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    protected String platformAdmin() {
        return api.signIn("admin", PLATFORM_ADMIN_PASSWORD);
    }

    /** A new tenant with one user per role, all through the API. */
    protected TestTenant newTenant() {
        String code = "t" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        String platform = platformAdmin();
        var created = api.post("/api/v1/platform/tenants", platform, Map.of("code", code, "name", "Test DISCOM " + code));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        UUID id = UUID.fromString(created.json().get("id").asString());
        var admin = api.post("/api/v1/platform/tenants/" + code + "/admins", platform,
                Map.of("username", code + ".admin", "password", PASSWORD, "roles", List.of("TENANT_ADMIN")));
        assertThat(admin.status()).as(admin.raw()).isEqualTo(201);
        String adminToken = api.signIn(code + ".admin", PASSWORD);
        return new TestTenant(code, id, adminToken, user(adminToken, code, "OPERATOR"), user(adminToken, code, "ANALYST"),
                user(adminToken, code, "FIELD_TECH"), user(adminToken, code, "CONSUMER"));
    }

    /** The platform administrator lets the tenant's HES be called on this private network (a test HES on loopback). */
    protected void allowHesNetwork(TestTenant tenant, String cidr) {
        var saved = api.put("/api/v1/platform/tenants/" + tenant.code(), platformAdmin(),
                Map.of("settings", Map.of("hes_networks", List.of(cidr))));
        assertThat(saved.status()).as(saved.raw()).isEqualTo(200);
    }

    private String user(String adminToken, String code, String role) {
        String username = code + "." + role.toLowerCase();
        var created = api.post("/api/v1/users", adminToken, Map.of("username", username, "password", PASSWORD,
                "roles", List.of(role)));
        assertThat(created.status()).as(created.raw()).isEqualTo(201);
        return api.signIn(username, PASSWORD);
    }
}
