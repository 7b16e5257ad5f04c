package io.vidyut.mdm.bench;

import io.vidyut.mdm.simulator.anomaly.AnomalyPlan;
import io.vidyut.mdm.simulator.fleet.Fleet;
import io.vidyut.mdm.simulator.fleet.FleetLoader;
import io.vidyut.mdm.simulator.fleet.MdmApiClient;
import io.vidyut.mdm.simulator.fleet.SimMeter;
import io.vidyut.mdm.simulator.load.FleetDayCalculator;
import io.vidyut.mdm.simulator.load.MeterFlow;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * {@code bin/mdm bench vee}: how well each estimation method recovers hidden intervals. A fresh
 * server gets a DT of simulated consumers with five weeks of history pushed through the REST
 * endpoint, except for gaps of 1, 4, 16 and 96 intervals cut out on chosen meter-days; each gap is
 * then estimated through the API with a named method and the stored estimate is compared with what
 * the simulator really measured. Half of the meters also send midnight registers, so linear
 * interpolation shows both plain and register-scaled.
 */
final class VeeBench {
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    static final int[] GAP_LENGTHS = {1, 4, 16, 96};
    static final List<String> METHODS = List.of("LINEAR", "LIKE_DAY", "FLAT", "PROFILE");

    record Options(int meters, int days, int gapsPerCase, Path jar, long seed, String javaOptions) {}

    private record Gap(SimMeter meter, String method, int length, ZonedDateTime firstEnd) {}

    static Map<String, Object> run(Options options) throws Exception {
        Path dataDir = Files.createTempDirectory("mdm-bench-vee-");
        try (ServerProcess server = ServerProcess.start(options.jar(), dataDir,
                Map.of("MDM_ADMIN_PASSWORD", IngestBench.ADMIN_PASSWORD), options.javaOptions())) {
            return measure(options, new BenchApi(server.baseUrl), server.baseUrl);
        } finally {
            System.err.println("bench data left in " + dataDir + " (delete it when done)");
        }
    }

    private static Map<String, Object> measure(Options options, BenchApi api, String baseUrl) throws Exception {
        BenchNetwork.BenchTenant tenant = BenchNetwork.tenantWithVendor(api, IngestBench.HPL_MAPPING);
        String platform = tenant.platform();
        String token = tenant.token();
        String vendorId = tenant.vendorId();
        String apiKey = tenant.apiKey();
        registerNetwork(api, token, vendorId, options.meters());

        MdmApiClient client = new MdmApiClient(URI.create(baseUrl));
        client.signIn("bench.admin", IngestBench.TENANT_PASSWORD);
        Fleet fleet = FleetLoader.load(client).fleet();
        List<SimMeter> meters = fleet.meters().stream().filter(m -> m.consumer() != null).toList();
        LocalDate last = LocalDate.now(IST).minusDays(2);
        LocalDate first = last.minusDays(options.days() - 1);
        List<Gap> gaps = chooseGaps(meters, last, options);
        FleetDayCalculator calculator = new FleetDayCalculator(fleet, options.seed(), AnomalyPlan.none());

        // truth[meter][interval since first day's midnight], rounded as the HES sends it
        Map<String, double[]> truth = new HashMap<>();
        Set<String> hidden = new HashSet<>();
        for (Gap gap : gaps) {
            for (int i = 0; i < gap.length(); i++) hidden.add(gap.meter().id() + "@" + gap.firstEnd().plusMinutes(15L * i).toInstant());
        }
        System.err.printf("pushing %d days of %d meters with %d gaps%n", options.days(), meters.size(), gaps.size());
        Map<String, Double> registers = new HashMap<>();
        for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
            var fleetDay = calculator.compute(day);
            List<Map<String, Object>> meterRows = new ArrayList<>();
            for (int m = 0; m < meters.size(); m++) {
                SimMeter meter = meters.get(m);
                MeterFlow flow = fleetDay.flow(meter);
                double[] series = truth.computeIfAbsent(meter.id(), k -> new double[options.days() * 96]);
                int offset = (int) (day.toEpochDay() - first.toEpochDay()) * 96;
                List<Map<String, Object>> rows = new ArrayList<>();
                boolean withRegisters = m % 2 == 0;
                double register = registers.getOrDefault(meter.id(), 1000.0);
                if (withRegisters) rows.add(Map.of("end", day.atStartOfDay(IST).toOffsetDateTime().toString(),
                        "values", Map.of("1.0.1.8.0.255", round3(register))));
                for (int slot = 0; slot < 96; slot++) {
                    double kwh = round3(flow.importKwh()[slot]);
                    series[offset + slot] = kwh;
                    register += kwh;
                    Instant end = day.atStartOfDay(IST).plusMinutes(15L * (slot + 1)).toInstant();
                    if (hidden.contains(meter.id() + "@" + end)) continue;
                    rows.add(Map.of("end", end.atZone(IST).toOffsetDateTime().toString(), "values", Map.of("1.0.1.29.0.255", kwh)));
                }
                registers.put(meter.id(), register);
                meterRows.add(Map.of("serial", meter.serial(), "intervals", rows));
            }
            api.sendWithKey("/api/v1/meters/readings", apiKey, Map.of("batch_id", "vee-" + day, "meters", meterRows), 202);
        }
        awaitStored(api, platform, hidden.size(), (long) options.days() * 96 * meters.size());

        Map<String, Map<String, List<double[]>>> errors = new LinkedHashMap<>();
        int done = 0;
        for (Gap gap : gaps) {
            ZonedDateTime start = gap.firstEnd().minusMinutes(15);
            ZonedDateTime end = gap.firstEnd().plusMinutes(15L * (gap.length() - 1));
            JsonNode made = api.post("/api/v1/vee/estimations", token, Map.of("meter_id", gap.meter().id(),
                    "from", start.toOffsetDateTime().toString(), "to", end.toOffsetDateTime().toString(), "method", gap.method()), 200);
            if (made.isEmpty()) continue; // the method does not apply to this gap
            String method = made.get(0).get("method").asString();
            JsonNode series = api.get("/api/v1/meters/" + gap.meter().id() + "/consumption?resolution=15m&from="
                    + enc(start) + "&to=" + enc(end), token);
            double[] actual = truth.get(gap.meter().id());
            int firstIndex = (int) (java.time.Duration.between(first.atStartOfDay(IST), start).toMinutes() / 15);
            double sumActual = 0, sumEstimate = 0, pct = 0;
            int counted = 0;
            for (int i = 0; i < gap.length(); i++) {
                double estimate = series.get("points").get(i).get("value").asDouble();
                double real = actual[firstIndex + i];
                sumActual += real;
                sumEstimate += estimate;
                if (real >= 0.01) {
                    pct += Math.abs(estimate - real) / real;
                    counted++;
                }
            }
            errors.computeIfAbsent(method, k -> new LinkedHashMap<>()).computeIfAbsent(String.valueOf(gap.length()), k -> new ArrayList<>())
                    .add(new double[] {counted == 0 ? Double.NaN : pct / counted, sumActual == 0 ? Double.NaN : Math.abs(sumEstimate - sumActual) / sumActual});
            if (++done % 20 == 0) System.err.printf("estimated %d of %d gaps%n", done, gaps.size());
        }

        Map<String, Object> figures = new LinkedHashMap<>();
        errors.forEach((method, byLength) -> {
            Map<String, Object> lengths = new LinkedHashMap<>();
            byLength.forEach((length, list) -> lengths.put(length, Map.of(
                    "mape_percent", percent(list.stream().mapToDouble(e -> e[0]).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN)),
                    "gap_energy_error_percent", percent(list.stream().mapToDouble(e -> e[1]).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN)),
                    "gaps", list.size())));
            figures.put(method, lengths);
        });
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("benchmark", "vee");
        result.put("meters", meters.size());
        result.put("days", options.days());
        result.put("gaps", gaps.size());
        result.put("methods", figures);
        return result;
    }

    /** Distinct meter-days, two days apart per meter so no two gaps touch, each given a method and a length. */
    private static List<Gap> chooseGaps(List<SimMeter> meters, LocalDate last, Options options) {
        Random random = new Random(options.seed());
        List<Gap> gaps = new ArrayList<>();
        int cursor = 0;
        for (String method : METHODS) {
            for (int length : GAP_LENGTHS) {
                for (int k = 0; k < options.gapsPerCase(); k++, cursor++) {
                    SimMeter meter = meters.get(cursor % meters.size());
                    LocalDate day = last.minusDays(2L + 2L * (cursor / meters.size()));
                    int slot = random.nextInt(96);
                    gaps.add(new Gap(meter, method, length, day.atStartOfDay(IST).plusMinutes(15L * (slot + 1))));
                }
            }
        }
        return gaps;
    }

    private static void registerNetwork(BenchApi api, String token, String vendorId, int consumers) {
        String dt = BenchNetwork.chain(api, token, "B", "DT");
        Random random = new Random(7);
        for (int i = 0; i < consumers; i++) {
            BenchNetwork.consumerWithMeter(api, token, Map.of("account_no", "VEE-" + i, "name", "Consumer " + i,
                    "tariff_category", i % 5 == 0 ? "LT-2 Commercial" : "LT-1 Domestic", "sanctioned_load_kw", 2 + random.nextInt(4),
                    "supply_mode", "POSTPAID"), dt, "VEE" + i, vendorId);
        }
    }

    private static void awaitStored(BenchApi api, String platform, long hidden, long total) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 600_000;
        while (System.currentTimeMillis() < deadline) {
            long stored = api.get("/api/v1/platform/storage", platform).get("interval_values").asLong();
            if (stored >= total - hidden) return;
            Thread.sleep(500);
        }
        throw new IllegalStateException("history was not stored within 10 minutes");
    }

    private static double round3(double value) {
        return Math.round(value * 1000) / 1000.0;
    }

    private static double percent(double ratio) {
        return Double.isNaN(ratio) ? Double.NaN : Math.round(ratio * 10_000) / 100.0;
    }

    private static String enc(ZonedDateTime time) {
        return URLEncoder.encode(time.toOffsetDateTime().toString(), StandardCharsets.UTF_8);
    }
}
