package io.vidyut.mdm.bench;

import io.vidyut.mdm.simulator.Simulator;
import io.vidyut.mdm.simulator.fleet.Fleet;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code bin/mdm bench events}: from an event pushed through {@code POST /api/v1/meters/events} to
 * its alarm change on the tenant's live stream ({@code GET /api/v1/alarms/stream}). A fresh server
 * gets DTs of N consumer meters each; tamper events (magnet, one per POST) are pushed at a steady
 * rate, open-loop, then one DT goes out (power failure from most of its meters, one POST each) and
 * comes back. Each POST whose alarm change can be told in advance (the tamper's alarm raised or
 * repeated; the DT alarm raised, its count updated, resolved) is timed from just before the POST to
 * the change read off the stream. {@code --with-ingest} has the simulator push readings of another
 * fleet through the REST endpoint meanwhile.
 */
final class EventsBench {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The alarm rules' defaults: raise at half the DT out, clear below a tenth. */
    private static final double OUTAGE_SHARE = 0.5;
    private static final double CLEAR_SHARE = 0.1;
    private static final Duration LOST_AFTER = Duration.ofSeconds(10);

    record Options(int meters, int dts, double rate, int batch, int seconds, boolean withIngest, int ingestMeters, Path jar,
                   long seed, String javaOptions) {}

    static Map<String, Object> run(Options options) throws Exception {
        Path dataDir = Files.createTempDirectory("mdm-bench-events-");
        try (ServerProcess server = ServerProcess.start(options.jar(), dataDir,
                Map.of("MDM_ADMIN_PASSWORD", IngestBench.ADMIN_PASSWORD), options.javaOptions())) {
            return new EventsBench(options, server.baseUrl).measure();
        } finally {
            System.err.println("bench data left in " + dataDir + " (delete it when done)");
        }
    }

    private final Options options;
    private final String baseUrl;
    private final BenchApi api;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** Expected alarm change key → nanoTime just before its POST. */
    private final Map<String, Long> pending = new ConcurrentHashMap<>();
    /** Expected alarm change key → what is timed (tamper, outage_raised, …). */
    private final Map<String, String> latencyKinds = new ConcurrentHashMap<>();
    private final List<java.util.concurrent.CompletableFuture<?>> inFlight =
            java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, List<Double>> latencies = new ConcurrentHashMap<>();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final AtomicLong sequence = new AtomicLong();
    private String apiKey;

    private EventsBench(Options options, String baseUrl) {
        this.options = options;
        this.baseUrl = baseUrl;
        this.api = new BenchApi(baseUrl);
    }

    private record Dt(String code, List<String> serials) {}

    private Map<String, Object> measure() throws Exception {
        Map<String, Object> mapping = new HashMap<>(IngestBench.HPL_MAPPING);
        mapping.put("events", Map.of("rows", "events[*]", "fields", Map.of("meter", "meter", "timestamp", "at", "code", "code")));
        BenchNetwork.BenchTenant tenant = BenchNetwork.tenantWithVendor(api, mapping);
        String token = tenant.token();
        String vendorId = tenant.vendorId();
        apiKey = tenant.apiKey();
        System.err.printf("registering %d DTs of %d meters%n", options.dts(), options.meters());
        List<Dt> dts = registerNetwork(token, vendorId);

        Simulator ingest = null;
        Thread ingestThread = null;
        int ingestMeters = 0;
        if (options.withIngest()) {
            Fleet fleet = IngestBench.fleet(new IngestBench.Options(options.ingestMeters(), 1, "memory", 4, options.jar(),
                    options.seed(), options.javaOptions(), true));
            IngestBench.register(api, token, fleet);
            ingestMeters = fleet.meters().size();
            ingest = Simulator.builder().target(baseUrl).vendors("HPL").apiKey("HPL", apiKey).fleet(fleet)
                    .backfill(60).threads(4).seed(options.seed()).build();
            Simulator running = ingest;
            ingestThread = new Thread(running::run, "ingest-load");
            ingestThread.setDaemon(true);
            ingestThread.start();
            System.err.printf("ingest load started: %d meters, 60 days of back-fill%n", fleet.meters().size());
            Thread.sleep(3000);
        }

        Thread reader = listen(token);
        long started = System.nanoTime();
        Instant started0 = Instant.now();
        List<Dt> tamperDts = dts.size() > 1 ? dts.subList(0, dts.size() - 1) : dts;
        long tamperStarted = System.nanoTime();
        tampers(tamperDts);
        for (var future : List.copyOf(inFlight)) future.join();
        double tamperSeconds = (System.nanoTime() - tamperStarted) / 1e9;
        long tamperAccepted = accepted.get();
        drain();
        Dt outage = dts.get(dts.size() - 1);
        outage(outage);
        double seconds = (System.nanoTime() - started) / 1e9;
        boolean ingestStillRunning = ingestThread != null && ingestThread.isAlive();
        if (ingest != null) ingest.stop();
        reader.interrupt();

        long dtAlarms = api.get("/api/v1/alarms?kind=DT_OUTAGE", token).get("total").asLong();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("benchmark", "events");
        result.put("with_ingest", options.withIngest());
        if (options.withIngest()) {
            result.put("ingest_meters", ingestMeters); // consumers plus their DT and feeder meters
            result.put("ingest_running_throughout", ingestStillRunning);
            result.put("ingest_values_sent", ingest.stats().valuesSent());
        }
        result.put("dts", dts.size());
        result.put("meters_per_dt", options.meters());
        result.put("rate_per_s", options.rate());
        result.put("events_per_post", options.batch());
        result.put("events_sent", sequence.get());
        result.put("events_accepted", accepted.get());
        result.put("events_refused", refused.get());
        // the tamper phase: from its first POST to the last answer (the outage phase waits on each answer)
        result.put("events_per_s_accepted", Math.round(tamperAccepted / tamperSeconds * 10) / 10.0);
        result.put("seconds", Math.round(seconds * 10) / 10.0);
        List<Double> all = latencies.values().stream().flatMap(List::stream).toList();
        result.put("alarms_timed", all.size());
        result.put("p50_ms", percentile(all, 50));
        result.put("p99_ms", percentile(all, 99));
        result.put("max_ms", percentile(all, 100));
        latencies.forEach((kind, list) -> result.put(kind, Map.of("count", list.size(), "p50_ms", percentile(list, 50),
                "p99_ms", percentile(list, 99))));
        // accepted but not in the store: must be 0
        long stored = api.get("/api/v1/events?size=1&from=" + java.net.URLEncoder.encode(started0.minus(Duration.ofDays(2)).toString(),
                java.nio.charset.StandardCharsets.UTF_8), token).get("total").asLong();
        result.put("events_stored", stored);
        result.put("lost", accepted.get() - stored);
        // expected alarm changes not read off the stream within 10 s: under overload a meter's repeats overtake
        // each other (the alarm then shows the later one's time), so this counts untimed changes, not lost data
        result.put("changes_not_seen", pending.size());
        result.put("dt_outage_alarms", dtAlarms);
        return result;
    }

    /**
     * Tamper events on random meters of the DTs, {@code batch} to a POST (distinct meters), at the steady rate for
     * the run's seconds.
     */
    private void tampers(List<Dt> dts) throws InterruptedException {
        List<String> serials = new ArrayList<>(dts.stream().flatMap(dt -> dt.serials().stream()).toList());
        java.util.Collections.shuffle(serials, new Random(options.seed()));
        int count = (int) Math.round(options.rate() * options.seconds());
        int batch = Math.max(1, Math.min(options.batch(), serials.size()));
        System.err.printf("pushing %d tamper events at %.0f/s, %d to a POST%n", count, options.rate(), batch);
        List<Runnable> sends = new ArrayList<>();
        // one second apart in the meters' time, ending a minute ago (events from the future are not wanted)
        Instant base = Instant.now().minusSeconds(count + 60L).truncatedTo(ChronoUnit.SECONDS);
        List<Event> pendingBatch = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            // meters in turn, so no two POSTs of one meter are in flight together (each repeat's last_at is its own)
            String serial = serials.get(i % serials.size());
            Instant at = base.plusSeconds(i);
            pendingBatch.add(new Event(serial, at, 201, "tamper", "TAMPER:" + serial + ":" + at));
            if (pendingBatch.size() == batch || i == count - 1) {
                List<Event> events = List.copyOf(pendingBatch);
                sends.add(() -> post(events));
                pendingBatch.clear();
            }
        }
        paced(sends, batch / options.rate());
    }

    /**
     * Power failure from 90% of the DT's meters, then restoration from all: the DT alarm is raised by
     * the failure that reaches the share, updated by each one after, and resolved by the restoration
     * that takes the share out below the clear share.
     */
    private void outage(Dt dt) throws InterruptedException {
        int n = dt.serials().size();
        int out = (int) Math.ceil(n * 0.9);
        // in the meters' time: failures a second apart, restorations from 10 minutes later, all in the past
        Instant failedAt = Instant.now().minusSeconds(3600).truncatedTo(ChronoUnit.SECONDS);
        Instant restoredAt = failedAt.plusSeconds(600);
        System.err.printf("DT %s: power failure from %d of %d meters, then restoration%n", dt.code(), out, n);
        List<Runnable> failures = new ArrayList<>();
        for (int k = 1; k <= out; k++) {
            String serial = dt.serials().get(k - 1);
            int affected = k;
            String expect = (double) k / n >= OUTAGE_SHARE ? "DT:" + dt.code() + ":" + affected : null;
            Instant at = failedAt.plusSeconds(k);
            failures.add(() -> push(serial, at, 101,
                    affected == (int) Math.ceil(n * OUTAGE_SHARE) ? "outage_raised" : "outage_updated", expect));
        }
        paced(failures);
        drain();
        List<Runnable> restorations = new ArrayList<>();
        boolean[] resolved = {false};
        for (int k = 1; k <= out; k++) {
            String serial = dt.serials().get(k - 1);
            int stillOut = out - k;
            String expect;
            String kind = "outage_updated";
            if ((double) stillOut / n < CLEAR_SHARE) {
                expect = resolved[0] ? null : "RESOLVED:" + dt.code();
                kind = "outage_resolved";
                resolved[0] = true;
            } else {
                expect = "DT:" + dt.code() + ":" + stillOut;
            }
            String expected = expect;
            String timed = kind;
            Instant at = restoredAt.plusSeconds(k);
            restorations.add(() -> push(serial, at, 102, timed, expected));
        }
        paced(restorations);
        drain();
    }

    /**
     * Runs the sends at the steady rate (open loop: a slow answer does not delay the next send). A
     * DT's power events go one after the other, so the count each one leads to is known.
     */
    private void paced(List<Runnable> sends) throws InterruptedException {
        paced(sends, 1 / options.rate());
    }

    private void paced(List<Runnable> sends, double secondsApart) throws InterruptedException {
        long intervalNanos = (long) (1e9 * secondsApart);
        long next = System.nanoTime();
        for (Runnable send : sends) {
            long wait = next - System.nanoTime();
            if (wait > 0) TimeUnit.NANOSECONDS.sleep(wait);
            send.run();
            next += intervalNanos;
        }
    }

    /** An event to push; {@code expect} is the key of the alarm change it should cause, if any. */
    private record Event(String serial, Instant at, int code, String kind, String expect) {}

    /** One event in a POST of its own. */
    private void push(String serial, Instant at, int code, String kind, String expect) {
        post(List.of(new Event(serial, at, code, kind, expect)));
    }

    private void post(List<Event> events) {
        long n = sequence.addAndGet(events.size());
        StringBuilder body = new StringBuilder("{\"events\": [");
        for (Event event : events) {
            if (body.charAt(body.length() - 1) != '[') body.append(", ");
            body.append("{\"meter\": \"").append(event.serial()).append("\", \"at\": \"").append(event.at())
                    .append("\", \"code\": \"").append(event.code()).append("\"}");
        }
        body.append("]}");
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/meters/events"))
                .timeout(Duration.ofSeconds(60)).header("X-API-Key", apiKey).header("Content-Type", "application/json")
                .header("Idempotency-Key", "bench-" + n).POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
        long now = System.nanoTime();
        for (Event event : events) {
            if (event.expect() == null) continue;
            pending.put(event.expect(), now);
            latencyKinds.put(event.expect(), event.kind());
        }
        var future = http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, error) -> {
            if (error == null && response.statusCode() == 202) {
                accepted.addAndGet(events.size());
            } else {
                refused.addAndGet(events.size());
                events.forEach(event -> { if (event.expect() != null) pending.remove(event.expect()); });
                if (refused.get() <= 5 * events.size()) {
                    System.err.println("event POST failed: " + (error != null ? error : response.body()));
                }
            }
            return null;
        });
        inFlight.add(future);
        // a DT's power events are evaluated in the order they are stored: the next one waits for this answer
        if (events.stream().anyMatch(event -> event.code() == 101 || event.code() == 102)) future.join();
    }

    /** Waits until every POST is answered and every expected change arrived (or is given up as lost). */
    private void drain() throws InterruptedException {
        for (var future : List.copyOf(inFlight)) future.join();
        long deadline = System.nanoTime() + LOST_AFTER.toNanos();
        while (!pending.isEmpty() && System.nanoTime() < deadline) Thread.sleep(50);
    }

    /** Reads the alarm stream on a thread of its own, timing each change against the POST that caused it. */
    private Thread listen(String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/alarms/stream"))
                .header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").build();
        HttpResponse<Stream<String>> response = http.send(request, HttpResponse.BodyHandlers.ofLines());
        if (response.statusCode() != 200) throw new IllegalStateException("alarm stream answered " + response.statusCode());
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            String[] event = {null};
            try (Stream<String> lines = response.body()) {
                lines.forEach(line -> {
                    long now = System.nanoTime();
                    if (line.startsWith("event:")) {
                        event[0] = line.substring(6).trim();
                        if (event[0].equals("ready")) ready.countDown();
                    } else if (line.startsWith("data:") && event[0] != null && !event[0].equals("ready")) {
                        arrived(event[0], JSON.readTree(line.substring(5)), now);
                    }
                });
            } catch (java.io.UncheckedIOException closed) {
                // the server went away at the end of the run
            }
        }, "alarm-stream-reader");
        reader.setDaemon(true);
        reader.start();
        if (!ready.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("the alarm stream never said ready");
        return reader;
    }

    private void arrived(String change, JsonNode alarm, long now) {
        String key = switch (alarm.get("kind").asString()) {
            case "TAMPER" -> "TAMPER:" + alarm.get("meter_serial").asString() + ":" + Instant.parse(alarm.get("last_at").asString());
            case "DT_OUTAGE" -> change.equals("RESOLVED") ? "RESOLVED:" + alarm.get("network_node_code").asString()
                    : "DT:" + alarm.get("network_node_code").asString() + ":" + alarm.get("affected_meters").asInt();
            default -> null;
        };
        Long sent = key == null ? null : pending.remove(key);
        if (sent == null) return;
        latencies.computeIfAbsent(latencyKinds.getOrDefault(key, "other"), k -> java.util.Collections.synchronizedList(new ArrayList<>()))
                .add((now - sent) / 1e6);
    }

    /** A feeder with the DTs under it, each DT with its consumers and their meters. */
    private List<Dt> registerNetwork(String token, String vendorId) {
        String feeder = BenchNetwork.chain(api, token, "E", "FEEDER");
        List<Dt> dts = new ArrayList<>();
        for (int d = 0; d < options.dts(); d++) {
            String code = "E-DT-" + d;
            String dtId = api.post("/api/v1/network/nodes", token, Map.of("level", "DT", "code", code, "name", "Bench DT " + d,
                    "parent_id", feeder), 201).get("id").asString();
            List<String> serials = new ArrayList<>();
            for (int i = 0; i < options.meters(); i++) {
                String serial = "EV" + d + "x" + i;
                BenchNetwork.consumerWithMeter(api, token, Map.of("account_no", "EV-" + d + "-" + i, "name", "Consumer " + d + "-" + i,
                        "tariff_category", "LT-1 Domestic", "sanctioned_load_kw", 3, "supply_mode", "PREPAID"), dtId, serial, vendorId);
                serials.add(serial);
            }
            dts.add(new Dt(code, serials));
        }
        return dts;
    }

    private static double percentile(List<Double> values, int p) {
        if (values.isEmpty()) return Double.NaN;
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1);
        return Math.round(sorted.get(Math.max(0, index)) * 10) / 10.0;
    }
}
