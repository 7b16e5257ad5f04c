package io.vidyut.mdm.bench;

import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * {@code bin/mdm bench vee --data FILE.csv}: how VEE judges real, clean meter data. Every row of a CSV of
 * {@code meter_id,interval_end_utc,kwh} (15- or 30-minute) is pushed through the HES ingestion API of a fresh
 * server whose clock stands just after the data; once VEE has judged it, the open blocking exceptions are
 * counted per meter-day (days in the tenant's zone, IST). Nothing is injected, so every blocking exception is a
 * false one: {@code false_blocking_share} is the meter-days with one over the meter-days with data, and
 * {@code billing_grade_share} the meter-days with every interval present and none held back over the same.
 */
final class RealDataVeeBench {
    private static final ZoneId TENANT_ZONE = ZoneId.of("Asia/Kolkata");

    /** {@code gapLengths} in 15-minute equivalents; none: no gaps are cut and no estimation is measured. */
    record Options(Path data, int meterLimit, double sanctionedLoadKw, int[] gapLengths, int gapsPerCase, long seed, Path jar,
                   String javaOptions) {}

    private record Reading(String meter, Instant end, double kwh) {}

    static Map<String, Object> run(Options options) throws Exception {
        List<Reading> readings = read(options.data(), options.meterLimit());
        if (readings.isEmpty()) throw new IllegalArgumentException("no readings in " + options.data());
        int intervalMinutes = intervalMinutes(readings);
        Instant lastEnd = readings.stream().map(Reading::end).max(Instant::compareTo).orElseThrow();
        Path dataDir = Files.createTempDirectory("mdm-bench-vee-data-");
        // the server's clock stands two days after the data, so the data is recent to it (gap scan, retention)
        Map<String, String> environment = Map.of("MDM_ADMIN_PASSWORD", IngestBench.ADMIN_PASSWORD,
                "MDM_CLOCK_START", lastEnd.plus(Duration.ofDays(2)).atZone(TENANT_ZONE).toOffsetDateTime().toString());
        try (ServerProcess server = ServerProcess.start(options.jar(), dataDir, environment, options.javaOptions())) {
            return measure(options, new BenchApi(server.baseUrl), readings, intervalMinutes);
        } finally {
            System.err.println("bench data left in " + dataDir + " (delete it when done)");
        }
    }

    private static Map<String, Object> measure(Options options, BenchApi api, List<Reading> all, int intervalMinutes)
            throws InterruptedException {
        Map<String, java.util.NavigableMap<Instant, Double>> truth = new TreeMap<>();
        all.forEach(r -> truth.computeIfAbsent(r.meter(), k -> new TreeMap<>()).put(r.end(), r.kwh()));
        GapProtocol gaps = options.gapLengths().length == 0 ? null
                : new GapProtocol(truth, intervalMinutes, options.gapLengths(), options.gapsPerCase(), options.seed());
        List<Reading> readings = gaps == null ? all : all.stream().filter(r -> !gaps.hides(r.meter(), r.end())).toList();
        // meter-days with a cut gap are not clean data: they are left out of the shares
        Set<String> cutDays = new HashSet<>();
        all.stream().filter(r -> gaps != null && gaps.hides(r.meter(), r.end()))
                .forEach(r -> cutDays.add(r.meter() + "@" + dayOfEnd(r.end(), intervalMinutes)));
        Map<String, Object> mapping = new HashMap<>(IngestBench.HPL_MAPPING);
        mapping.put("interval_minutes", intervalMinutes);
        BenchNetwork.BenchTenant tenant = BenchNetwork.tenantWithVendor(api, mapping);
        Set<String> meters = new java.util.TreeSet<>();
        readings.forEach(r -> meters.add(r.meter()));
        String dt = BenchNetwork.chain(api, tenant.token(), "R", "DT");
        for (String meter : meters) {
            BenchNetwork.consumerWithMeter(api, tenant.token(), Map.of("account_no", "R-" + meter, "name", "Household " + meter,
                    "tariff_category", "LT-1 Domestic", "sanctioned_load_kw", options.sanctionedLoadKw(), "supply_mode", "POSTPAID"),
                    dt, meter, tenant.vendorId());
        }
        System.err.printf("pushing %d readings of %d meters (%d-minute)%n", readings.size(), meters.size(), intervalMinutes);
        push(api, tenant.apiKey(), readings);
        awaitStored(api, tenant.platform(), readings.size());
        List<JsonNode> blocking = awaitSettledBlockingExceptions(api, tenant.token());

        Map<String, Set<LocalDate>> daysWithData = new HashMap<>();
        Map<String, Map<LocalDate, Integer>> intervalsPerDay = new HashMap<>();
        for (Reading r : readings) {
            LocalDate day = dayOfEnd(r.end(), intervalMinutes);
            if (cutDays.contains(r.meter() + "@" + day)) continue;
            daysWithData.computeIfAbsent(r.meter(), k -> new HashSet<>()).add(day);
            intervalsPerDay.computeIfAbsent(r.meter(), k -> new HashMap<>()).merge(day, 1, Integer::sum);
        }
        Map<String, Set<LocalDate>> blockedDays = new HashMap<>();
        Map<String, Integer> byRule = new TreeMap<>();
        Map<String, Set<String>> meterDaysByRule = new TreeMap<>();
        for (JsonNode exception : blocking) {
            String meter = exception.get("meter_serial").asString();
            String rule = exception.get("rule").asString();
            byRule.merge(rule, 1, Integer::sum);
            LocalDate firstDay = dayOfEnd(Instant.parse(exception.get("first_at").asString()), intervalMinutes);
            LocalDate lastDay = dayOfEnd(Instant.parse(exception.get("last_at").asString()), intervalMinutes);
            for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
                if (!daysWithData.getOrDefault(meter, Set.of()).contains(day)) continue;
                blockedDays.computeIfAbsent(meter, k -> new HashSet<>()).add(day);
                meterDaysByRule.computeIfAbsent(rule, k -> new HashSet<>()).add(meter + "@" + day);
            }
        }
        int slotsPerDay = 24 * 60 / intervalMinutes;
        long meterDays = daysWithData.values().stream().mapToLong(Set::size).sum();
        long blockedMeterDays = blockedDays.values().stream().mapToLong(Set::size).sum();
        long billingGrade = 0;
        for (var perMeter : intervalsPerDay.entrySet()) {
            Set<LocalDate> blocked = blockedDays.getOrDefault(perMeter.getKey(), Set.of());
            billingGrade += perMeter.getValue().entrySet().stream()
                    .filter(day -> day.getValue() == slotsPerDay && !blocked.contains(day.getKey())).count();
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("benchmark", "vee-data");
        result.put("data", options.data().toString());
        result.put("meters", meters.size());
        result.put("interval_minutes", intervalMinutes);
        result.put("readings", readings.size());
        result.put("meter_days", meterDays);
        result.put("blocking_exceptions", blocking.size());
        result.put("blocked_meter_days", blockedMeterDays);
        result.put("false_blocking_share", share(blockedMeterDays, meterDays));
        result.put("billing_grade_share", share(billingGrade, meterDays));
        result.put("meters_with_blocking", blockedDays.size());
        result.put("blocking_exceptions_by_rule", byRule);
        Map<String, Object> shareByRule = new TreeMap<>();
        meterDaysByRule.forEach((rule, days) -> shareByRule.put(rule, share(days.size(), meterDays)));
        result.put("blocked_meter_day_share_by_rule", shareByRule);
        if (gaps != null) {
            Map<String, String> meterIds = new HashMap<>();
            api.get("/api/v1/meters?size=1000", tenant.token()).get("items")
                    .forEach(m -> meterIds.put(m.get("serial").asString(), m.get("id").asString()));
            System.err.printf("estimating %d gaps%n", gaps.gapCount());
            result.put("meter_days_with_cut_gaps_left_out", cutDays.size());
            result.put("gaps", gaps.gapCount());
            result.put("estimation", gaps.measure(api, tenant.token(), meterIds));
        }
        return result;
    }

    /** The tenant-zone day an interval ending at {@code end} belongs to (an interval ending at midnight is the day before's). */
    private static LocalDate dayOfEnd(Instant end, int intervalMinutes) {
        return end.minus(Duration.ofMinutes(intervalMinutes)).atZone(TENANT_ZONE).toLocalDate();
    }

    /** One batch per UTC day of data, all meters in it, as an HES would send a day's collection. */
    private static void push(BenchApi api, String apiKey, List<Reading> readings) {
        Map<LocalDate, Map<String, List<Map<String, Object>>>> byDay = new TreeMap<>();
        for (Reading r : readings) {
            byDay.computeIfAbsent(r.end().atZone(ZoneId.of("UTC")).toLocalDate(), k -> new TreeMap<>())
                    .computeIfAbsent(r.meter(), k -> new ArrayList<>())
                    .add(Map.of("end", r.end().toString(), "values", Map.of("1.0.1.29.0.255", r.kwh())));
        }
        byDay.forEach((day, perMeter) -> {
            List<Map<String, Object>> meterRows = new ArrayList<>();
            perMeter.forEach((meter, rows) -> meterRows.add(Map.of("serial", meter, "intervals", rows)));
            api.sendWithKey("/api/v1/meters/readings", apiKey, Map.of("batch_id", "data-" + day, "meters", meterRows), 202);
        });
    }

    private static void awaitStored(BenchApi api, String platform, long total) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 1_800_000;
        while (System.currentTimeMillis() < deadline) {
            if (api.get("/api/v1/platform/storage", platform).get("interval_values").asLong() >= total) return;
            Thread.sleep(1000);
        }
        throw new IllegalStateException("the readings were not stored within 30 minutes");
    }

    /** Validation runs after storage: the open blocking exceptions once their count stops changing. */
    private static List<JsonNode> awaitSettledBlockingExceptions(BenchApi api, String token) throws InterruptedException {
        long previous = -1;
        int stable = 0;
        while (stable < 3) {
            Thread.sleep(2000);
            long total = api.get("/api/v1/vee/exceptions?status=OPEN&blocking=true&size=1", token).get("total").asLong();
            stable = total == previous ? stable + 1 : 0;
            previous = total;
        }
        List<JsonNode> all = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonNode items = api.get("/api/v1/vee/exceptions?status=OPEN&blocking=true&size=1000&sort=first_at&page=" + page, token)
                    .get("items");
            items.forEach(all::add);
            if (items.size() < 1000) return all;
        }
    }

    /** The readings of the first {@code meterLimit} meters of the file (all when 0). */
    private static List<Reading> read(Path data, int meterLimit) throws java.io.IOException {
        List<Reading> readings = new ArrayList<>();
        Set<String> meters = new HashSet<>();
        try (BufferedReader in = Files.newBufferedReader(data)) {
            String header = in.readLine();
            if (header == null || !header.strip().equals("meter_id,interval_end_utc,kwh")) {
                throw new IllegalArgumentException(data + ": the header must be meter_id,interval_end_utc,kwh");
            }
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank()) continue;
                String[] cells = line.split(",");
                if (!meters.contains(cells[0]) && meterLimit > 0 && meters.size() >= meterLimit) continue;
                meters.add(cells[0]);
                readings.add(new Reading(cells[0], Instant.parse(cells[1]), Double.parseDouble(cells[2])));
            }
        }
        return readings;
    }

    /** The shortest step between two consecutive readings of one meter: 15 or 30. */
    private static int intervalMinutes(List<Reading> readings) {
        long shortest = Long.MAX_VALUE;
        for (int i = 1; i < readings.size(); i++) {
            if (!readings.get(i).meter().equals(readings.get(i - 1).meter())) continue;
            long minutes = Duration.between(readings.get(i - 1).end(), readings.get(i).end()).toMinutes();
            if (minutes > 0) shortest = Math.min(shortest, minutes);
        }
        if (shortest != 15 && shortest != 30) throw new IllegalArgumentException("intervals of " + shortest + " minutes: 15 or 30 expected");
        return (int) shortest;
    }

    private static double share(long part, long whole) {
        return whole == 0 ? Double.NaN : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}
