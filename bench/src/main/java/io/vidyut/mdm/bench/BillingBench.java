package io.vidyut.mdm.bench;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import tools.jackson.databind.JsonNode;

/**
 * {@code bin/mdm bench billing}: a fresh server on embedded defaults; N consumers under one circle, D days of their
 * intervals and midnight registers pushed as an HES (a ToD-crossing profile, net-metered consumers, one meter
 * replaced mid-period, gaps that VEE then estimates); one billing run over the period, timed by the server's own
 * start and finish; then every consumer's determinants compared with {@link BillingTruth}'s independent computation.
 */
final class BillingBench {
    private static final String IMPORT = "1.0.1.29.0.255", EXPORT = "1.0.2.29.0.255", KVAH = "1.0.9.29.0.255", REGISTER = "1.0.1.8.0.255";
    private static final int PER_DT = 500, CONSUMERS_PER_BATCH = 50;

    /** The billing and the prepaid benches' options. */
    record Options(int consumers, int days, int threads, Path jar, long seed, String javaOptions) {}

    static Map<String, Object> run(Options options) throws Exception {
        return ServerProcess.measureFresh(options.jar(), Map.of("MDM_VEE_ENABLED", "true"), options.javaOptions(),
                api -> measure(options, api));
    }

    private static Map<String, Object> measure(Options options, BenchApi api) throws Exception {
        BenchNetwork.BenchTenant tenant = BenchNetwork.tenantWithVendor(api, IngestBench.HPL_MAPPING);
        String token = tenant.token();
        LocalDate today = LocalDate.now(BillingTruth.IST);
        BillingTruth truth = new BillingTruth(options.seed(), today.minusDays(options.days()), options.days());
        register(api, token, options.consumers(), "POSTPAID");
        api.post("/api/v1/billing/tariffs", token, tariff(truth.first), 201);

        long started = System.nanoTime();
        long sent = push(api, tenant.apiKey(), tenant.platform(), truth, options.consumers(), options.threads(), true);
        System.err.printf("pushed and stored %,d values in %.1f s%n", sent, (System.nanoTime() - started) / 1e9);
        double ingestSeconds = (System.nanoTime() - started) / 1e9;
        Map<Integer, Map<Integer, BigDecimal>> estimates = estimateGaps(api, token, truth, options.consumers());

        api.post("/api/v1/billing/cycles", token, Map.of("code", "BENCH", "name", "Bench cycle",
                "cycle_day", Math.min(28, truth.first.getDayOfMonth()), "months", 1,
                "node_ids", List.of(api.get("/api/v1/network/nodes?level=CIRCLE", token).get("items").get(0).get("node").get("id").asString())), 201);
        JsonNode run = api.post("/api/v1/billing/runs", token, Map.of("cycle_code", "BENCH", "first_day", truth.first.toString(),
                "last_day", truth.first.plusDays(options.days() - 1).toString()), 202);
        String runId = run.get("id").asString();
        while (run.get("status").asString().equals("RUNNING")) {
            Thread.sleep(200);
            run = api.get("/api/v1/billing/runs/" + runId, token);
        }
        if (!run.get("status").asString().equals("DONE")) throw new IllegalStateException("the run failed: " + run);
        double runSeconds = (Instant.parse(run.get("finished_at").asString()).toEpochMilli()
                - Instant.parse(run.get("started_at").asString()).toEpochMilli()) / 1000.0;

        Comparison comparison = compare(api, token, runId, truth, estimates, options.consumers());
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("benchmark", "billing");
        result.put("consumers", options.consumers());
        result.put("days", options.days());
        result.put("ingest_seconds", round(ingestSeconds));
        result.put("values_sent", sent);
        result.put("run_seconds", round(runSeconds));
        result.put("consumer_months_per_s", Math.round(options.consumers() / runSeconds));
        result.put("determinants", comparison.checked);
        result.put("run_exceptions", run.get("exceptions").asInt());
        result.put("mismatches", comparison.mismatches);
        result.put("mismatch_examples", comparison.examples);
        return result;
    }

    /** One circle → … → feeder, a DT per 500 consumers; consumer 0 has a replaced meter besides its new one. */
    static void register(BenchApi api, String token, int consumers, String supplyMode) {
        StringBuilder nodes = new StringBuilder("level,code,name,parent_code\nCIRCLE,BB-C,Circle,\nDIVISION,BB-DV,Division,BB-C\n"
                + "SUBDIVISION,BB-SD,Subdivision,BB-DV\nSUBSTATION,BB-SS,Substation,BB-SD\nFEEDER,BB-F,Feeder,BB-SS\n");
        for (int dt = 0; dt * PER_DT < consumers; dt++) nodes.append("DT,BB-DT").append(dt).append(",DT ").append(dt).append(",BB-F\n");
        api.postCsv("/api/v1/network/nodes/import?mode=ALL_OR_NOTHING", token, nodes.toString(), 200);
        for (int from = 0; from < consumers; from += 5_000) {
            StringBuilder rows = new StringBuilder("account_no,name,tariff_category,sanctioned_load_kw,supply_mode,net_metered,dt_code\n");
            StringBuilder meters = new StringBuilder("serial,make,phase,category,ct_ratio,pt_ratio,hes_vendor_code,account_no,node_code,lifecycle_stage\n");
            for (int c = from; c < Math.min(consumers, from + 5_000); c++) {
                rows.append("A-").append(c).append(",Consumer ").append(c).append(",LT-1,5,").append(supplyMode).append(',')
                        .append(BillingTruth.netMetered(c)).append(",BB-DT").append(c / PER_DT).append('\n');
                meters.append(serial(c, false)).append(",HPL,1P,CONSUMER,1,1,HPL,A-").append(c).append(",,")
                        .append(c == 0 ? "DECOMMISSIONED" : "IN_SERVICE").append('\n');
                if (c == 0) meters.append(serial(0, true)).append(",HPL,1P,CONSUMER,1,1,HPL,A-0,,IN_SERVICE\n");
            }
            api.postCsv("/api/v1/consumers/import?mode=ALL_OR_NOTHING", token, rows.toString(), 200);
            api.postCsv("/api/v1/meters/import?mode=ALL_OR_NOTHING", token, meters.toString(), 200);
        }
    }

    static String serial(int consumer, boolean replacement) {
        return "BB" + consumer + (replacement ? "R" : "");
    }

    /** Normal 22–09 and 17–18, solar 09–17 at 0.8, peak 18–22 at 1.1; in force from before the period. */
    private static Map<String, Object> tariff(LocalDate first) {
        return Map.of("name", "Bench tariff", "effective_from", first.minusDays(30).toString(), "categories", List.of(Map.of(
                "code", "LT-1", "consumer_class", "DOMESTIC", "slabs", List.of(Map.of("up_to", 100, "rate", 3.5), Map.of("rate", 5.25)),
                "tod_slots", List.of(
                        Map.of("zone", "NORMAL", "kind", "NORMAL", "from", "22:00", "to", "09:00", "multiplier", 1),
                        Map.of("zone", "SOLAR", "kind", "SOLAR", "from", "09:00", "to", "17:00", "multiplier", 0.8),
                        Map.of("zone", "NORMAL", "kind", "NORMAL", "from", "17:00", "to", "18:00", "multiplier", 1),
                        Map.of("zone", "PEAK", "kind", "PEAK", "from", "18:00", "to", "22:00", "multiplier", 1.1)))));
    }

    /**
     * Every consumer's days (from the day before the period, for the opening read), a batch per day of 50 consumers,
     * a day at a time: the next day is sent once the MDM has stored the last, as an HES sending daily would, so no
     * acknowledged batch waits long enough in the pipeline to be taken for lost and re-driven. {@code withGaps}: the
     * gapped consumers' gaps are left out.
     */
    static long push(BenchApi api, String apiKey, String platform, BillingTruth truth, int consumers, int threads, boolean withGaps)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        int groups = (consumers + CONSUMERS_PER_BATCH - 1) / CONSUMERS_PER_BATCH;
        long[][] register = new long[groups][];
        long[] replacementRegister = new long[1];
        for (int g = 0; g < groups; g++) {
            int first = g * CONSUMERS_PER_BATCH, last = Math.min(consumers, first + CONSUMERS_PER_BATCH);
            register[g] = new long[last - first];
            for (int c = first; c < last; c++) register[g][c - first] = truth.registerWh(c, -1);
        }
        long values = 0;
        try {
            for (int d = -1; d <= truth.days; d++) {
                List<Future<Long>> batches = new ArrayList<>();
                for (int g = 0; g < groups; g++) {
                    int group = g, day = d;
                    batches.add(pool.submit(() -> {
                        int first = group * CONSUMERS_PER_BATCH;
                        StringBuilder body = new StringBuilder(1 << 20);
                        long sent = dayOfGroup(body, truth, first, first + register[group].length, day, register[group], replacementRegister,
                                withGaps);
                        api.pushWithKey("/api/v1/meters/readings", apiKey, body.toString(), 202);
                        return sent;
                    }));
                }
                for (Future<Long> batch : batches) values += batch.get();
                awaitStored(api, platform, values);
            }
        } finally {
            pool.shutdown();
        }
        return values;
    }

    /** One day of consumers {@code first}…{@code last - 1} as one HPL batch; returns the values in it. */
    private static long dayOfGroup(StringBuilder body, BillingTruth truth, int first, int last, int d, long[] register,
                                   long[] replacementRegister, boolean withGaps) {
        long values = 0;
        body.append("{\"batch_id\":\"bench-").append(first).append('-').append(d).append("\",\"meters\":[");
        for (int c = first; c < last; c++) {
            boolean replaced = c == 0 && d >= truth.replacementDay();
            if (c != first) body.append(',');
            if (c == 0 && d == truth.replacementDay()) { // the old meter's final read, at the new one's first midnight
                body.append("{\"serial\":\"").append(serial(0, false)).append("\",\"intervals\":[{\"end\":\"")
                        .append(at(truth, d, 0)).append("\",\"values\":{\"").append(REGISTER).append("\":")
                        .append(kwh(register[0])).append("}}]},");
                values++;
            }
            body.append("{\"serial\":\"").append(serial(c, replaced)).append("\",\"intervals\":[");
            long midnight = replaced ? replacementRegister[0] : register[c - first];
            body.append("{\"end\":\"").append(at(truth, d, 0)).append("\",\"values\":{\"").append(REGISTER).append("\":")
                    .append(kwh(midnight)).append("}}");
            values++;
            if (d == truth.days) {
                body.append("]}");
                continue; // the closing read only
            }
            for (int s = 0; s < BillingTruth.SLOTS; s++) {
                long wh = truth.importWh(c, d, s);
                if (replaced) replacementRegister[0] += wh;
                else register[c - first] += wh;
                if (withGaps && BillingTruth.gapped(c) && BillingTruth.inGap(d, s)) continue;
                body.append(",{\"end\":\"").append(at(truth, d, s + 1)).append("\",\"values\":{\"").append(IMPORT).append("\":")
                        .append(kwh(wh)).append(",\"").append(KVAH).append("\":").append(kwh(truth.kvahWh(c, d, s)));
                values += 2;
                if (BillingTruth.netMetered(c)) {
                    body.append(",\"").append(EXPORT).append("\":").append(kwh(truth.exportWh(c, d, s)));
                    values++;
                }
                body.append("}}");
            }
            body.append("]}");
        }
        body.append("]}");
        return values;
    }

    /** The instant {@code slotEnds} quarter hours after day d's midnight, IST. */
    private static String at(BillingTruth truth, int d, int slotEnds) {
        return truth.first.plusDays(d).atStartOfDay(BillingTruth.IST).plusMinutes(15L * slotEnds).toOffsetDateTime().toString();
    }

    private static String kwh(long wh) {
        return BigDecimal.valueOf(wh, 3).toPlainString();
    }

    private static void awaitStored(BenchApi api, String platform, long sent) throws InterruptedException {
        long last = -1, lastProgress = System.currentTimeMillis();
        while (true) {
            JsonNode storage = api.get("/api/v1/platform/storage", platform);
            long stored = storage.get("interval_values").asLong() + storage.get("register_values").asLong();
            if (stored >= sent) return;
            if (stored != last) {
                last = stored;
                lastProgress = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - lastProgress > 60_000) {
                throw new IllegalStateException("stored " + stored + " of " + sent + " values and no progress for a minute");
            }
            Thread.sleep(500);
        }
    }

    /** Fills each gapped consumer's gap through VEE now (rather than after its grace period); the values written, by slot. */
    private static Map<Integer, Map<Integer, BigDecimal>> estimateGaps(BenchApi api, String token, BillingTruth truth, int consumers) {
        Map<Integer, Map<Integer, BigDecimal>> estimates = new HashMap<>();
        String from = truth.first.plusDays(2).atStartOfDay(BillingTruth.IST).toOffsetDateTime().toString();
        String to = truth.first.plusDays(3).atStartOfDay(BillingTruth.IST).toOffsetDateTime().toString();
        for (int c = 0; c < consumers; c++) {
            if (!BillingTruth.gapped(c)) continue;
            String meterId = api.get("/api/v1/meters?serial=" + serial(c, false) + "&size=1", token).get("items").get(0).get("id").asString();
            JsonNode made = api.post("/api/v1/vee/estimations", token, Map.of("meter_id", meterId, "from", from, "to", to), 200);
            Map<Integer, BigDecimal> bySlot = new HashMap<>();
            for (JsonNode estimate : made) {
                Instant firstAt = Instant.parse(estimate.get("first_at").asString());
                int slot = (int) (java.time.Duration.between(truth.first.plusDays(2).atStartOfDay(BillingTruth.IST).toInstant(),
                        firstAt).toMinutes() / 15) - 1;
                for (JsonNode value : estimate.get("values")) bySlot.put(slot++, value.decimalValue());
            }
            estimates.put(c, bySlot);
        }
        return estimates;
    }

    private static final class Comparison {
        int checked;
        int mismatches;
        final List<String> examples = new ArrayList<>();

        void check(int consumer, String field, Object expected, Object actual) {
            boolean same = expected instanceof BigDecimal e && actual instanceof BigDecimal a ? e.compareTo(a) == 0
                    : String.valueOf(expected).equals(String.valueOf(actual));
            if (same) return;
            mismatches++;
            if (examples.size() < 10) examples.add("A-" + consumer + " " + field + ": expected " + expected + ", got " + actual);
        }
    }

    private static Comparison compare(BenchApi api, String token, String runId, BillingTruth truth,
                                      Map<Integer, Map<Integer, BigDecimal>> estimates, int consumers) {
        Comparison comparison = new Comparison();
        for (int page = 0; ; page++) {
            JsonNode items = api.get("/api/v1/billing/consumption-summary?run_id=" + runId + "&size=1000&page=" + page, token).get("items");
            if (items.isEmpty()) break;
            for (JsonNode item : items) {
                JsonNode d = item.get("determinants");
                int c = Integer.parseInt(d.get("account_no").asString().substring(2));
                BillingTruth.Expected expected = truth.expected(c, estimates.getOrDefault(c, Map.of()));
                comparison.checked++;
                comparison.check(c, "status", "READY", item.get("status").asString());
                comparison.check(c, "kwh_import", expected.kwhImport(), d.get("energy").get("kwh_import").decimalValue());
                comparison.check(c, "kwh_export", expected.kwhExport(), d.get("energy").get("kwh_export").decimalValue());
                comparison.check(c, "kvah_import", expected.kvahImport(), d.get("energy").get("kvah_import").decimalValue());
                for (JsonNode zone : d.get("zones")) {
                    comparison.check(c, "zone " + zone.get("zone").asString(), expected.zones().get(zone.get("zone").asString()),
                            zone.get("kwh_import").decimalValue());
                }
                comparison.check(c, "zones", expected.zones().size(), d.get("zones").size());
                comparison.check(c, "md_kw", expected.mdKw(), d.get("demand").get("md_kw").decimalValue());
                comparison.check(c, "md_kw_at", OffsetDateTime.parse(expected.mdKwAt()).toInstant(),
                        OffsetDateTime.parse(d.get("demand").get("md_kw_at").asString()).toInstant());
                comparison.check(c, "power_factor", expected.powerFactor(), d.get("power_factor").decimalValue());
                comparison.check(c, "estimated", expected.estimated(), d.get("coverage").get("estimated").asLong());
                comparison.check(c, "missing", expected.missing(), d.get("coverage").get("missing").asLong());
                comparison.check(c, "meters", c == 0 ? 2 : 1, d.get("meters").size());
                if (expected.netKwh() != null) {
                    comparison.check(c, "net_kwh", expected.netKwh(), d.get("net_metering").get("net_kwh").decimalValue());
                    comparison.check(c, "banked_closing_kwh", expected.bankedClosingKwh(),
                            d.get("net_metering").get("banked_closing_kwh").decimalValue());
                }
            }
        }
        comparison.check(-1, "consumers", consumers, comparison.checked);
        return comparison;
    }

    private static double round(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
