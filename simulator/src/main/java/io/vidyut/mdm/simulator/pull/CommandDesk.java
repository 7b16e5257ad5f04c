package io.vidyut.mdm.simulator.pull;

import io.vidyut.mdm.simulator.fleet.SimMeter;
import io.vidyut.mdm.simulator.load.Noise;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HES side of MDM → HES commands. A command ({@code {"command_id", "serial", "type", "params"}}) is
 * acknowledged at once (202 with the HES's own reference); after {@link CommandSettings#executeDelay()} the meter
 * has carried it out, or failed (a deterministic share, {@link CommandSettings#failureRate()}), and the result is
 * POSTed to the MDM's callback. Without a callback target the command is carried out before answering: 200
 * {@code {"status": "EXECUTED"}}, or 422 with the reason. A command id seen before is answered with its first
 * reference and not carried out again (the MDM delivers at least once). CONNECT and DISCONNECT move the
 * meter's relay, which {@link #relayConnected} tells.
 */
final class CommandDesk implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final long KEY = Noise.keyOf("command-failures");
    private static final int TAG_FAIL = 611;
    private static final int CALLBACK_ATTEMPTS = 5;

    record Answer(int status, byte[] body, String note) {}

    private final CommandSettings settings;
    private final long seed;
    private final PrintStream log;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService scheduler;
    private final Map<String, String> referencesByCommand = new ConcurrentHashMap<>();
    private final Map<String, Boolean> relayBySerial = new ConcurrentHashMap<>();
    private final AtomicLong commandsAccepted = new AtomicLong();
    private final AtomicLong callbacksDelivered = new AtomicLong();

    CommandDesk(CommandSettings settings, long seed, PrintStream log) {
        this.settings = settings;
        this.seed = seed;
        this.log = log;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "hes-commands");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Takes one command for {@code meter} of {@code vendor}. */
    Answer take(String vendor, SimMeter meter, byte[] body) {
        JsonNode command;
        try {
            command = JSON.readTree(body);
        } catch (JacksonException e) {
            throw PullRefusal.badRequest("the body is not JSON: " + e.getOriginalMessage());
        }
        String commandId = text(command, "command_id");
        String type = text(command, "type");
        if (commandId == null || type == null) {
            throw PullRefusal.badRequest("command_id and type are required");
        }
        long number = commandsAccepted.get();
        String[] fresh = new String[1];
        String reference = referencesByCommand.computeIfAbsent(commandId, id -> {
            fresh[0] = "SIM-" + vendor + "-" + commandsAccepted.incrementAndGet();
            return fresh[0];
        });
        boolean fails = settings.failureRate() > 0 && Noise.unit(seed, KEY, number, TAG_FAIL) < settings.failureRate();
        String failure = "meter " + meter.serial() + " did not answer the " + type + " command (simulated failure)";
        if (fresh[0] == null) {
            return json(202, Map.of("reference", reference, "status", "ACKNOWLEDGED"), "repeat of " + commandId);
        }
        if (settings.callbackTo() == null) {
            if (fails) {
                return json(422, Map.of("reference", reference, "error", failure), "failed " + type);
            }
            carryOut(meter, type);
            return json(200, Map.of("reference", reference, "status", "EXECUTED"), "executed " + type);
        }
        scheduler.schedule(() -> {
            if (!fails) carryOut(meter, type);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("status", fails ? "FAILED" : "EXECUTED");
            result.put("reference", reference);
            if (fails) result.put("reason", failure);
            callBack(vendor, commandId, result, 1);
        }, settings.executeDelay().toMillis(), TimeUnit.MILLISECONDS);
        return json(202, Map.of("reference", reference, "status", "ACKNOWLEDGED"), "acknowledged " + type);
    }

    /** Whether the meter's relay is connected: true until a DISCONNECT was carried out, and after a CONNECT. */
    boolean relayConnected(String serial) {
        return relayBySerial.getOrDefault(serial, true);
    }

    long callbacksDelivered() {
        return callbacksDelivered.get();
    }

    private void carryOut(SimMeter meter, String type) {
        switch (type) {
            case "CONNECT" -> relayBySerial.put(meter.serial(), true);
            case "DISCONNECT" -> relayBySerial.put(meter.serial(), false);
            default -> {
                // ON_DEMAND_READ: the reading is what GET …/read answers; LOAD_LIMIT, TIME_SYNC, RAW change nothing here
            }
        }
    }

    /** POSTs the result; a failed callback is tried again (1 s, 2 s, 4 s, …) a few times, then given up. */
    private void callBack(String vendor, String commandId, Map<String, Object> result, int attempt) {
        URI uri = URI.create(settings.callbackTo().toString().replaceAll("/$", "") + "/api/v1/commands/" + commandId + "/result");
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(result)));
        String key = settings.apiKeys().get(vendor);
        if (key != null) request.header("X-API-Key", key);
        String outcome;
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            // 409: the command ended meanwhile (e.g. timed out); retrying cannot change that
            if (response.statusCode() / 100 == 2 || response.statusCode() == 409) {
                callbacksDelivered.incrementAndGet();
                note("callback " + commandId + " " + result.get("status") + " → " + response.statusCode());
                return;
            }
            outcome = "HTTP " + response.statusCode();
        } catch (Exception e) {
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
            outcome = e.toString();
        }
        note("callback " + commandId + " attempt " + attempt + " failed: " + outcome);
        if (attempt < CALLBACK_ATTEMPTS && !scheduler.isShutdown()) {
            scheduler.schedule(() -> callBack(vendor, commandId, result, attempt + 1), 1L << (attempt - 1), TimeUnit.SECONDS);
        }
    }

    private void note(String line) {
        if (log != null) log.println(line);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || !value.isString() || value.asString().isBlank() ? null : value.asString();
    }

    private static Answer json(int status, Map<String, Object> body, String note) {
        return new Answer(status, JSON.writeValueAsBytes(body), note);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
