package io.vidyut.mdm.bench;

import io.vidyut.mdm.simulator.RunStats;
import io.vidyut.mdm.simulator.Simulator;
import io.vidyut.mdm.simulator.fleet.Fleet;
import io.vidyut.mdm.simulator.fleet.FleetCsv;
import io.vidyut.mdm.simulator.fleet.SyntheticFleet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import tools.jackson.databind.JsonNode;

/**
 * {@code bin/mdm bench ingest}: a fresh server on embedded defaults, a tenant with N meters of one
 * vendor (HPL wire format: a meter-day per block), D days of history pushed through the real REST
 * endpoint by the simulator while meter-month consumption queries run, then counts from the store.
 */
final class IngestBench {
    static final String ADMIN_PASSWORD = "bench-platform-secret";
    static final String TENANT_PASSWORD = "bench-tenant-secret-1";

    record Options(int meters, int days, String transport, int threads, Path jar, long seed, String javaOptions, boolean vee) {}

    static Map<String, Object> run(Options options) throws Exception {
        Path dataDir = Files.createTempDirectory("mdm-bench-");
        EmbeddedKafkaKraftBroker broker = null;
        Map<String, String> environment = new HashMap<>(Map.of("MDM_ADMIN_PASSWORD", ADMIN_PASSWORD,
                "MDM_VEE_ENABLED", String.valueOf(options.vee())));
        if ("kafka".equals(options.transport())) {
            broker = new EmbeddedKafkaKraftBroker(1, 12);
            broker.afterPropertiesSet();
            environment.put("MDM_KAFKA_BOOTSTRAP", broker.getBrokersAsString());
        }
        try (ServerProcess server = ServerProcess.start(options.jar(), dataDir, environment, options.javaOptions())) {
            return measure(options, new BenchApi(server.baseUrl), server.baseUrl);
        } finally {
            if (broker != null) broker.destroy();
            System.err.println("bench data left in " + dataDir + " (delete it when done)");
        }
    }

    private static Map<String, Object> measure(Options options, BenchApi api, String baseUrl) throws Exception {
        BenchNetwork.BenchTenant tenant = BenchNetwork.tenantWithVendor(api, HPL_MAPPING);
        String platform = tenant.platform();
        String token = tenant.token();

        Fleet fleet = fleet(options);
        register(api, token, fleet);
        List<String> meterIds = meterIds(api, token);

        QueryProbe probe = new QueryProbe(api, token, meterIds, LocalDate.now(ZoneId.of("Asia/Kolkata")));
        Thread probeThread = new Thread(probe, "query-probe");
        long started = System.nanoTime();
        probeThread.start();
        RunStats sent = Simulator.builder().target(baseUrl).vendors("HPL").apiKey("HPL", tenant.apiKey())
                .fleet(fleet).backfill(options.days()).threads(options.threads()).seed(options.seed())
                .progress(System.err).build().run();
        JsonNode storage = awaitStored(api, platform, sent.valuesAccepted());
        double seconds = (System.nanoTime() - started) / 1e9;
        probe.stop();
        probeThread.join();

        long stored = storage.get("interval_values").asLong() + storage.get("register_values").asLong();
        long intervalReads = storage.get("interval_values").asLong();
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("benchmark", "ingest");
        result.put("transport", options.transport());
        result.put("vee", options.vee() ? "on" : "off");
        result.put("meters", fleet.meters().size());
        result.put("days", options.days());
        result.put("reads", intervalReads);
        result.put("register_reads", storage.get("register_values").asLong());
        result.put("seconds", round(seconds));
        result.put("reads_per_s", Math.round(intervalReads / seconds));
        result.put("bytes_per_read", storage.get("bytes_per_interval_value").asDouble());
        result.put("query_p50_ms", round(probe.percentile(50)));
        result.put("query_p99_ms", round(probe.percentile(99)));
        result.put("queries", probe.count());
        result.put("values_sent", sent.valuesSent());
        result.put("values_rejected", sent.valuesRejected());
        result.put("errors", sent.errors());
        result.put("lost", sent.valuesAccepted() - stored);
        result.put("store_seconds", storeSeconds(api, platform));
        if (options.vee()) result.put("vee_exceptions", veeExceptionsByRule(api, token));
        return result;
    }

    /**
     * Where the store workers spent their time (summed over workers): whole parts (validation included)
     * and the steps of writing day rows; empty from a server built before these were timed (an A/B base).
     */
    private static Map<String, Double> storeSeconds(BenchApi api, String platform) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        boolean timed = false;
        for (JsonNode name : api.get("/actuator/metrics", platform).get("names")) timed |= name.asString().equals("mdm.ingest.part.store");
        if (!timed) return seconds;
        seconds.put("parts", round(totalSeconds(api.get("/actuator/metrics/mdm.ingest.part.store", platform))));
        for (String step : List.of("load", "insert", "archive", "update")) {
            seconds.put(step, round(totalSeconds(api.get("/actuator/metrics/mdm.readings.write?tag=step:" + step, platform))));
        }
        return seconds;
    }

    private static double totalSeconds(JsonNode metric) {
        for (JsonNode measurement : metric.get("measurements")) {
            if (measurement.get("statistic").asString().equals("TOTAL_TIME")) return measurement.get("value").asDouble();
        }
        throw new IllegalStateException("no TOTAL_TIME in " + metric);
    }

    /** Open and resolved VEE exceptions the run raised, per rule. */
    private static Map<String, Integer> veeExceptionsByRule(BenchApi api, String token) {
        Map<String, Integer> byRule = new java.util.TreeMap<>();
        for (int page = 0; ; page++) {
            JsonNode items = api.get("/api/v1/vee/exceptions?size=1000&page=" + page, token).get("items");
            if (items.isEmpty()) return byRule;
            items.forEach(item -> byRule.merge(item.get("rule").asString(), 1, Integer::sum));
        }
    }

    /** One feeder, DTs of 100 consumers each: N consumer meters plus their DT and feeder meters. */
    static Fleet fleet(Options options) {
        int perDt = Math.min(100, options.meters());
        int dts = Math.max(1, options.meters() / perDt);
        return SyntheticFleet.generate(options.seed(), 1, dts, perDt, List.of("HPL"));
    }

    /** The fleet's network, consumers (net metering, sanctioned load: what VEE judges by) and meters. */
    static void register(BenchApi api, String token, Fleet fleet) {
        api.postCsv("/api/v1/network/nodes/import?mode=ALL_OR_NOTHING", token, FleetCsv.nodes(fleet), 200);
        api.postCsv("/api/v1/consumers/import?mode=ALL_OR_NOTHING", token, FleetCsv.consumers(fleet), 200);
        api.postCsv("/api/v1/meters/import?mode=ALL_OR_NOTHING", token, FleetCsv.meters(fleet), 200);
    }

    private static List<String> meterIds(BenchApi api, String token) {
        List<String> ids = new ArrayList<>();
        for (int page = 0; page < 20; page++) {
            JsonNode items = api.get("/api/v1/meters?category=CONSUMER&size=1000&page=" + page, token).get("items");
            if (items.isEmpty()) break;
            items.forEach(item -> ids.add(item.get("id").asString()));
        }
        return ids;
    }

    /** Waits until the pipeline has stored what was accepted, or has made no progress for a minute. */
    private static JsonNode awaitStored(BenchApi api, String platform, long accepted) throws InterruptedException {
        JsonNode storage = api.get("/api/v1/platform/storage", platform);
        long last = -1;
        long lastProgress = System.currentTimeMillis();
        while (true) {
            long stored = storage.get("interval_values").asLong() + storage.get("register_values").asLong();
            if (stored >= accepted) return storage;
            if (stored != last) {
                last = stored;
                lastProgress = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - lastProgress > 60_000) {
                return storage;
            }
            Thread.sleep(500);
            storage = api.get("/api/v1/platform/storage", platform);
        }
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }

    /** The HPL wire format of the simulator, mapped as docs/hes-onboarding.md shows. */
    static final Map<String, Object> HPL_MAPPING = Map.of("format", "JSON", "rows", "meters[*].intervals[*]",
            "fields", Map.of("meter", "^.serial", "timestamp", "end", "values", "values", "batch_id", "batch_id"),
            "timestamp_format", "ISO", "time_zone", "Asia/Kolkata", "interval_stamp", "END", "interval_minutes", 15);
}
