package io.vidyut.mdm.simulator.pull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.vidyut.mdm.simulator.fleet.SimMeter;
import io.vidyut.mdm.simulator.load.IntervalClock;
import io.vidyut.mdm.simulator.payload.Payload;
import io.vidyut.mdm.simulator.payload.WireFormat;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.json.JsonMapper;

/**
 * The simulated HES side of MDM → HES pulls (JDK HttpServer), one API per simulated vendor:
 * <pre>
 * GET /hes/{vendor}/meters/{serial}/read                      the latest completed interval (+ register, HPL)
 * GET /hes/{vendor}/meters/{serial}/profile?from=…&amp;to=…       every interval ending in (from, to], ≤ 31 days
 * POST /hes/{vendor}/meters/{serial}/commands                 a command from the MDM (see {@link CommandDesk})
 * </pre>
 * answered 200 in the vendor's wire format; 401 without the key in {@value #KEY_HEADER}, 404 for an unknown vendor
 * or meter, 400 for a bad range. Before that, every request waits the configured delay and may be failed with 503,
 * so the MDM's timeout, retries and circuit breaker can be watched at work.
 */
public final class PullServer implements AutoCloseable {
    public static final String KEY_HEADER = "X-Hes-Key";
    /** A slow answer (the delay) must not hold up the others, as it would on the server's single default thread. */
    private static final int THREADS = 8;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    static {
        // the JDK server writes headers and body separately; without TCP_NODELAY Nagle's algorithm meets the
        // client's delayed ACK and every answer waits ~40 ms (read once, when the first HttpServer starts)
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, PullAnswers> answersByVendor = new HashMap<>();
    private final Map<String, Map<String, SimMeter>> metersByVendor = new HashMap<>();
    private final ProfileSource source;
    private final Clock clock;
    private final PullFaults faults;
    private final byte[] key;
    private final PrintStream log;
    private final AtomicLong requests = new AtomicLong();
    private final CommandDesk commands;

    private PullServer(PullSettings settings, CommandSettings commandSettings, Map<String, WireFormat> formats,
                       Collection<SimMeter> meters, ProfileSource source, Clock clock, PrintStream log) throws IOException {
        this.commands = new CommandDesk(commandSettings, settings.seed(), log);
        formats.forEach((vendor, format) -> answersByVendor.put(vendor, new PullAnswers(vendor, format)));
        for (SimMeter meter : meters) {
            if (formats.containsKey(meter.vendorCode())) {
                metersByVendor.computeIfAbsent(meter.vendorCode(), k -> new HashMap<>()).put(meter.serial(), meter);
            }
        }
        this.source = source;
        this.clock = clock;
        this.faults = new PullFaults(settings.seed(), settings.failureRate(), settings.delay());
        this.key = settings.key().getBytes(StandardCharsets.UTF_8);
        this.log = log;
        this.server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 0);
        AtomicInteger threadNo = new AtomicInteger();
        this.executor = Executors.newFixedThreadPool(THREADS, task -> {
            Thread thread = new Thread(task, "pull-server-" + threadNo.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    /**
     * Binds and starts answering.
     *
     * @param formats the simulated vendors (the path's {vendor}) and their wire formats
     * @param meters  the meters to answer for; those of other vendors are ignored
     * @param log     one line per request answered, or null
     */
    public static PullServer start(PullSettings settings, Map<String, WireFormat> formats,
                                   Collection<SimMeter> meters, ProfileSource source, Clock clock, PrintStream log)
            throws IOException {
        return start(settings, CommandSettings.IMMEDIATE, formats, meters, source, clock, log);
    }

    /** As {@link #start(PullSettings, Map, Collection, ProfileSource, Clock, PrintStream)}, playing commands so. */
    public static PullServer start(PullSettings settings, CommandSettings commands, Map<String, WireFormat> formats,
                                   Collection<SimMeter> meters, ProfileSource source, Clock clock, PrintStream log)
            throws IOException {
        PullServer pulls = new PullServer(settings, commands, formats, meters, source, clock, log);
        pulls.server.start();
        return pulls;
    }

    /** The bound port: the one asked for, or the one picked when 0 was asked. */
    public int port() {
        return server.getAddress().getPort();
    }

    public InetSocketAddress address() {
        return server.getAddress();
    }

    /** How many requests arrived so far, failed ones included. */
    public long requests() {
        return requests.get();
    }

    /** Whether the meter's relay is connected (true until a DISCONNECT command was carried out, and after a CONNECT). */
    public boolean relayConnected(String serial) {
        return commands.relayConnected(serial);
    }

    /** How many command results were delivered to the MDM's callback so far. */
    public long commandCallbacksDelivered() {
        return commands.callbacksDelivered();
    }

    @Override
    public void close() {
        commands.close();
        server.stop(0);
        executor.shutdownNow();
    }

    private record Answer(int status, String contentType, byte[] body, String note) {
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            long requestNo = requests.getAndIncrement();
            if (!faults.stall()) {
                return;  // interrupted: the server is closing
            }
            Answer answer = faults.fails(requestNo) ? error(503, "injected failure (--pull-failure-rate)")
                    : answer(exchange);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
            exchange.getResponseBody().write(answer.body());
            if (log != null) {
                log.printf("pull %s → %d %s%n", exchange.getRequestURI().getPath(), answer.status(), answer.note());
            }
        } catch (IOException e) {
            // the MDM hung up before the answer was written, e.g. its timeout fired during our delay
        }
    }

    private Answer answer(HttpExchange exchange) {
        try {
            String presented = exchange.getRequestHeaders().getFirst(KEY_HEADER);
            if (presented == null || !MessageDigest.isEqual(presented.getBytes(StandardCharsets.UTF_8), key)) {
                return error(401, "missing or wrong " + KEY_HEADER);
            }
            PullRoute route = PullRoute.parse(exchange.getRequestURI().getRawPath());
            String method = route.kind() == PullRoute.Kind.COMMANDS ? "POST" : "GET";
            if (!method.equals(exchange.getRequestMethod())) {
                return error(405, "only " + method + " is answered here");
            }
            PullAnswers answers = answersByVendor.get(route.vendor());
            if (answers == null) {
                throw PullRefusal.notFound("unknown vendor " + route.vendor());
            }
            SimMeter meter = metersByVendor.getOrDefault(route.vendor(), Map.of()).get(route.serial());
            if (meter == null) {
                throw PullRefusal.notFound("vendor " + route.vendor() + " has no meter " + route.serial());
            }
            if (route.kind() == PullRoute.Kind.COMMANDS) {
                CommandDesk.Answer answer = commands.take(route.vendor(), meter, exchange.getRequestBody().readAllBytes());
                return new Answer(answer.status(), "application/json", answer.body(), answer.note());
            }
            Instant latest = IntervalClock.floorToBoundary(clock.instant());
            Payload payload;
            if (route.kind() == PullRoute.Kind.READ) {
                payload = answers.read(source.interval(meter, latest, true));
            } else {
                ProfileRange range = ProfileRange.parse(exchange.getRequestURI().getRawQuery());
                // the meter has nothing after its last completed interval
                Instant to = range.to().isAfter(latest) ? latest : range.to();
                payload = answers.profile(source.intervals(meter, range.from(), to, true));
            }
            return new Answer(200, payload.contentType(), payload.body(), "(" + payload.valueCount() + " values)");
        } catch (PullRefusal refusal) {
            return error(refusal.status(), refusal.getMessage());
        } catch (RuntimeException | IOException e) {
            return error(500, "simulator error: " + e);
        }
    }

    private record ErrorBody(int status, String error) {
    }

    private static Answer error(int status, String message) {
        byte[] body = JSON.writeValueAsBytes(new ErrorBody(status, message));
        return new Answer(status, "application/json", body, message);
    }
}
