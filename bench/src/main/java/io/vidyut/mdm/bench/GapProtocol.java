package io.vidyut.mdm.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * The estimation protocol of issue 14 on real data: gaps of chosen lengths are cut out of the data before it is
 * pushed, then estimated through the API with each method and with the default order, and each estimate is
 * compared with the real values next to two baselines the bench computes itself from the same real data: like-day
 * (the mean of the same interval on the previous four same weekdays) and linear interpolation between the real
 * intervals on either side of the gap.
 */
final class GapProtocol {
    /** The methods asked for by name; DEFAULT asks for none, so the server's order chooses. */
    static final List<String> METHODS = List.of("LINEAR", "LIKE_DAY", "FLAT", "PROFILE", "DEFAULT");
    private static final int LIKE_DAY_WEEKS = 4;

    record Gap(String meter, String method, int lengthFifteens, Instant firstEnd, int intervals) {}

    private final Map<String, NavigableMap<Instant, Double>> truth;
    private final int intervalMinutes;
    private final List<Gap> gaps;
    private final Set<String> hidden = new HashSet<>();

    /**
     * Chooses {@code perCase} gaps per method and length (in 15-minute equivalents) among the meters' real data:
     * each gap and the interval on either side of it present, at least four weeks of history before it, and
     * not in the last five days (the server's scheduled gap scan looks back three).
     */
    GapProtocol(Map<String, NavigableMap<Instant, Double>> truth, int intervalMinutes, int[] lengthsInFifteens, int perCase, long seed) {
        this.truth = truth;
        this.intervalMinutes = intervalMinutes;
        Random random = new Random(seed);
        List<String> meters = new ArrayList<>(truth.keySet());
        Map<String, List<Instant>> taken = new LinkedHashMap<>();
        List<Gap> chosen = new ArrayList<>();
        for (int lengthFifteens : lengthsInFifteens) {
            int intervals = Math.max(1, lengthFifteens * 15 / intervalMinutes);
            for (String method : METHODS) {
                for (int k = 0, attempts = 0; k < perCase && attempts < 10_000; attempts++) {
                    String meter = meters.get(random.nextInt(meters.size()));
                    NavigableMap<Instant, Double> series = truth.get(meter);
                    Instant earliest = series.firstKey().plus(Duration.ofDays(7L * LIKE_DAY_WEEKS + 1));
                    Instant latest = series.lastKey().minus(Duration.ofDays(5));
                    if (!earliest.isBefore(latest)) continue;
                    long span = Duration.between(earliest, latest).toMinutes() / intervalMinutes;
                    Instant first = earliest.plus(Duration.ofMinutes(intervalMinutes * (long) random.nextInt((int) span)));
                    if (!present(series, first.minus(step()), intervals + 2)) continue;
                    if (taken.getOrDefault(meter, List.of()).stream().anyMatch(t -> Duration.between(t, first).abs().toDays() < 3)) continue;
                    taken.computeIfAbsent(meter, m -> new ArrayList<>()).add(first);
                    chosen.add(new Gap(meter, method, lengthFifteens, first, intervals));
                    for (int i = 0; i < intervals; i++) hidden.add(meter + "@" + first.plus(step().multipliedBy(i)));
                    k++;
                }
            }
        }
        this.gaps = chosen;
    }

    boolean hides(String meter, Instant end) {
        return hidden.contains(meter + "@" + end);
    }

    int gapCount() {
        return gaps.size();
    }

    /** Estimates every gap through the API and returns the figures per method and length, baselines included. */
    Map<String, Object> measure(BenchApi api, String token, Map<String, String> meterIds) {
        Map<String, Map<Integer, List<double[]>>> errors = new TreeMap<>();
        int done = 0;
        for (Gap gap : gaps) {
            Instant from = gap.firstEnd().minus(step());
            Instant to = gap.firstEnd().plus(step().multipliedBy(gap.intervals() - 1));
            double[] actual = new double[gap.intervals()];
            for (int i = 0; i < actual.length; i++) actual[i] = truth.get(gap.meter()).get(gap.firstEnd().plus(step().multipliedBy(i)));
            add(errors, "baseline_like_day", gap, actual, likeDay(gap));
            add(errors, "baseline_linear", gap, actual, linear(gap));
            Map<String, Object> request = new LinkedHashMap<>(Map.of("meter_id", meterIds.get(gap.meter()),
                    "from", from.toString(), "to", to.toString()));
            if (!gap.method().equals("DEFAULT")) request.put("method", gap.method());
            JsonNode made = api.post("/api/v1/vee/estimations", token, request, 200);
            if (made.isEmpty()) {
                add(errors, gap.method() + " (did not apply)", gap, actual, null);
                continue;
            }
            String used = made.get(0).get("method").asString();
            JsonNode points = api.get("/api/v1/meters/" + meterIds.get(gap.meter()) + "/consumption?resolution=" + intervalMinutes
                    + "m&from=" + enc(from) + "&to=" + enc(to), token).get("points");
            double[] estimate = new double[gap.intervals()];
            for (int i = 0; i < estimate.length; i++) estimate[i] = points.get(i).get("value").asDouble();
            add(errors, gap.method().equals("DEFAULT") ? "DEFAULT (" + used + ")" : used, gap, actual, estimate);
            if (gap.method().equals("DEFAULT")) add(errors, "DEFAULT", gap, actual, estimate);
            if (++done % 50 == 0) System.err.printf("estimated %d of %d gaps%n", done, gaps.size());
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        errors.forEach((method, byLength) -> {
            Map<String, Object> lengths = new LinkedHashMap<>();
            byLength.forEach((length, list) -> {
                Map<String, Object> figure = new LinkedHashMap<>();
                figure.put("mape_percent", percent(list.stream().mapToDouble(e -> e[0]).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN)));
                figure.put("gap_energy_error_percent", percent(list.stream().mapToDouble(e -> e[1]).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN)));
                figure.put("gaps", list.size());
                lengths.put(length + "x15min", figure);
            });
            figures.put(method, lengths);
        });
        return figures;
    }

    /** Interval MAPE over actual values of 0.01 kWh or more, and the gap's energy error; NaN where undefined. */
    private static void add(Map<String, Map<Integer, List<double[]>>> errors, String method, Gap gap, double[] actual, double[] estimate) {
        List<double[]> list = errors.computeIfAbsent(method, k -> new TreeMap<>()).computeIfAbsent(gap.lengthFifteens(), k -> new ArrayList<>());
        if (estimate == null) {
            list.add(new double[] {Double.NaN, Double.NaN});
            return;
        }
        double sumActual = 0, sumEstimate = 0, pct = 0;
        int counted = 0;
        for (int i = 0; i < actual.length; i++) {
            if (Double.isNaN(estimate[i])) return; // a baseline without history for this gap
            sumActual += actual[i];
            sumEstimate += estimate[i];
            if (actual[i] >= 0.01) {
                pct += Math.abs(estimate[i] - actual[i]) / actual[i];
                counted++;
            }
        }
        list.add(new double[] {counted == 0 ? Double.NaN : pct / counted,
                sumActual == 0 ? Double.NaN : Math.abs(sumEstimate - sumActual) / sumActual});
    }

    private double[] likeDay(Gap gap) {
        NavigableMap<Instant, Double> series = truth.get(gap.meter());
        double[] estimate = new double[gap.intervals()];
        for (int i = 0; i < estimate.length; i++) {
            Instant at = gap.firstEnd().plus(step().multipliedBy(i));
            double sum = 0;
            int n = 0;
            for (int week = 1; week <= LIKE_DAY_WEEKS; week++) {
                Double value = series.get(at.minus(Duration.ofDays(7L * week)));
                if (value != null) {
                    sum += value;
                    n++;
                }
            }
            estimate[i] = n == 0 ? Double.NaN : sum / n;
        }
        return estimate;
    }

    private double[] linear(Gap gap) {
        NavigableMap<Instant, Double> series = truth.get(gap.meter());
        double before = series.get(gap.firstEnd().minus(step()));
        double after = series.get(gap.firstEnd().plus(step().multipliedBy(gap.intervals())));
        double[] estimate = new double[gap.intervals()];
        for (int i = 0; i < estimate.length; i++) estimate[i] = before + (after - before) * (i + 1) / (gap.intervals() + 1);
        return estimate;
    }

    private boolean present(NavigableMap<Instant, Double> series, Instant first, int count) {
        for (int i = 0; i < count; i++) if (!series.containsKey(first.plus(step().multipliedBy(i)))) return false;
        return true;
    }

    private Duration step() {
        return Duration.ofMinutes(intervalMinutes);
    }

    private static double percent(double ratio) {
        return Double.isNaN(ratio) ? Double.NaN : Math.round(ratio * 10_000) / 100.0;
    }

    private static String enc(Instant time) {
        return URLEncoder.encode(time.toString(), StandardCharsets.UTF_8);
    }
}
