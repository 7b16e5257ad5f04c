package io.vidyut.mdm.bench;

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
 * pushed, then each gap is estimated through the API with every method and with the default order, as dry runs
 * (the server answers what it would write and stores nothing), so every method is measured on the same gaps. Each
 * estimate is compared with the real values next to two baselines the bench computes itself from the same real
 * data: like-day (the mean of the same interval on the previous four same weekdays) and linear interpolation
 * between the real intervals on either side of the gap.
 */
final class GapProtocol {
    /** The methods asked for by name; DEFAULT asks for none, so the server's order chooses. */
    static final List<String> METHODS = List.of("LINEAR", "LIKE_DAY", "LIKE_DAY_SCALED", "FLAT", "PROFILE", "DEFAULT");
    private static final int LIKE_DAY_WEEKS = 4;

    record Gap(String meter, int lengthFifteens, Instant firstEnd, int intervals) {}

    private final Map<String, NavigableMap<Instant, Double>> truth;
    private final int intervalMinutes;
    private final List<Gap> gaps;
    private final Set<String> hidden = new HashSet<>();

    /**
     * Chooses {@code perCase} gaps per length (in 15-minute equivalents) among the meters' real data: each gap and
     * the interval on either side of it present, at least four weeks of history before it, not in the last five
     * days (the server's scheduled gap scan looks back three), and three days from any other gap of its meter.
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
                chosen.add(new Gap(meter, lengthFifteens, first, intervals));
                for (int i = 0; i < intervals; i++) hidden.add(meter + "@" + first.plus(step().multipliedBy(i)));
                k++;
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

    /** One gap's real values, a method's estimate (null when it did not apply) and the bench's two baselines. */
    private record Outcome(Gap gap, String method, String used, double[] actual, double[] estimate, double[] likeDay,
                           double[] linear) {}

    /**
     * Estimates every gap with every method through the API (dry runs) and returns, per method and length, its
     * figures next to the two baselines computed on exactly the gaps it filled (a paired comparison: household
     * intervals are erratic enough that two samples of 40 gaps differ more than two methods do), and per length the
     * verdict for the default order.
     */
    Map<String, Object> measure(BenchApi api, String token, Map<String, String> meterIds) {
        List<Outcome> outcomes = new ArrayList<>();
        int done = 0;
        for (Gap gap : gaps) {
            Instant from = gap.firstEnd().minus(step());
            Instant to = gap.firstEnd().plus(step().multipliedBy(gap.intervals() - 1));
            double[] actual = new double[gap.intervals()];
            for (int i = 0; i < actual.length; i++) actual[i] = truth.get(gap.meter()).get(gap.firstEnd().plus(step().multipliedBy(i)));
            double[] likeDay = likeDay(gap), linear = linear(gap);
            for (String method : METHODS) {
                Map<String, Object> request = new LinkedHashMap<>(Map.of("meter_id", meterIds.get(gap.meter()),
                        "from", from.toString(), "to", to.toString(), "dry_run", true));
                if (!method.equals("DEFAULT")) request.put("method", method);
                JsonNode made = api.post("/api/v1/vee/estimations", token, request, 200);
                double[] estimate = null;
                String used = null;
                if (!made.isEmpty() && made.get(0).get("values").size() == gap.intervals()) {
                    used = made.get(0).get("method").asString();
                    estimate = new double[gap.intervals()];
                    for (int i = 0; i < estimate.length; i++) estimate[i] = made.get(0).get("values").get(i).asDouble();
                }
                outcomes.add(new Outcome(gap, method, used, actual, estimate, likeDay, linear));
            }
            if (++done % 50 == 0) System.err.printf("estimated %d of %d gaps%n", done, gaps.size());
        }
        Map<String, Object> figures = new LinkedHashMap<>();
        Map<String, Object> verdicts = new LinkedHashMap<>();
        for (String method : METHODS) {
            Map<String, Object> lengths = new LinkedHashMap<>();
            for (int length : outcomes.stream().map(o -> o.gap().lengthFifteens()).distinct().sorted().toList()) {
                List<Outcome> cases = outcomes.stream()
                        .filter(o -> o.method().equals(method) && o.gap().lengthFifteens() == length).toList();
                Map<String, Object> figure = summary(cases);
                lengths.put(length + "x15min", figure);
                if (method.equals("DEFAULT")) verdicts.put(length + "x15min", figure.get("verdict"));
            }
            figures.put(method, lengths);
        }
        printTable(figures);
        return Map.of("by_method", figures, "default_order_verdict", verdicts);
    }

    /** A method's figures on the gaps it filled, the baselines' on the same gaps, and whether it beat the better one. */
    private static Map<String, Object> summary(List<Outcome> cases) {
        List<Outcome> filled = cases.stream().filter(o -> o.estimate() != null && defined(o.likeDay()) && defined(o.linear())).toList();
        Map<String, Integer> used = new TreeMap<>();
        filled.forEach(o -> used.merge(o.used(), 1, Integer::sum));
        List<double[]> ownErrors = errors(filled, Outcome::estimate), likeDayErrors = errors(filled, Outcome::likeDay),
                linearErrors = errors(filled, Outcome::linear);
        double[] own = mean(ownErrors), likeDay = mean(likeDayErrors), linear = mean(linearErrors);
        Map<String, Object> figure = new LinkedHashMap<>();
        figure.put("gaps", cases.size());
        figure.put("compared", filled.size());
        figure.put("methods_used", used);
        figure.put("mape_percent", percent(own[0]));
        figure.put("gap_energy_error_percent", percent(own[1]));
        figure.put("baseline_like_day", Map.of("mape_percent", percent(likeDay[0]), "gap_energy_error_percent", percent(likeDay[1])));
        figure.put("baseline_linear", Map.of("mape_percent", percent(linear[0]), "gap_energy_error_percent", percent(linear[1])));
        boolean beats = !filled.isEmpty() && beats(own, likeDay, linear);
        double resampled = resampledWinShare(ownErrors, likeDayErrors, linearErrors);
        figure.put("verdict", String.format("%s: %.1f / %.1f vs better baseline %.1f / %.1f (MAPE / gap energy %%, %d gaps; "
                        + "wins on both in %.0f %% of resamples)", beats ? "BEATS" : "LOSES", percent(own[0]), percent(own[1]),
                percent(Math.min(likeDay[0], linear[0])), percent(Math.min(likeDay[1], linear[1])), filled.size(), 100 * resampled));
        figure.put("beats_better_baseline", beats);
        figure.put("resampled_win_share", Math.round(resampled * 100) / 100.0);
        return figure;
    }

    /** Whether {@code own} is at or below the better baseline on interval MAPE and on gap-energy error. */
    private static boolean beats(double[] own, double[] likeDay, double[] linear) {
        return own[0] <= Math.min(likeDay[0], linear[0]) && own[1] <= Math.min(likeDay[1], linear[1]);
    }

    /**
     * How often the method beats the better baseline on both figures when the gaps are drawn again with replacement
     * (a paired bootstrap): household intervals are erratic, and a verdict on 40 gaps can turn on one or two of them.
     */
    private static double resampledWinShare(List<double[]> own, List<double[]> likeDay, List<double[]> linear) {
        if (own.isEmpty()) return Double.NaN;
        Random random = new Random(1);
        int rounds = 1000, wins = 0;
        for (int round = 0; round < rounds; round++) {
            List<double[]> o = new ArrayList<>(), d = new ArrayList<>(), l = new ArrayList<>();
            for (int k = 0; k < own.size(); k++) {
                int pick = random.nextInt(own.size());
                o.add(own.get(pick));
                d.add(likeDay.get(pick));
                l.add(linear.get(pick));
            }
            if (beats(mean(o), mean(d), mean(l))) wins++;
        }
        return (double) wins / rounds;
    }

    /** Each case's interval MAPE and gap-energy error for one of its estimates. */
    private static List<double[]> errors(List<Outcome> cases, java.util.function.Function<Outcome, double[]> estimate) {
        return cases.stream().map(o -> error(o.actual(), estimate.apply(o))).toList();
    }

    /** Mean interval MAPE and mean gap-energy error, each over the cases where it is defined. */
    private static double[] mean(List<double[]> errors) {
        double mape = 0, energy = 0;
        int mapes = 0, energies = 0;
        for (double[] e : errors) {
            if (!Double.isNaN(e[0])) { mape += e[0]; mapes++; }
            if (!Double.isNaN(e[1])) { energy += e[1]; energies++; }
        }
        return new double[] {mapes == 0 ? Double.NaN : mape / mapes, energies == 0 ? Double.NaN : energy / energies};
    }

    /** Interval MAPE over actual values of 0.01 kWh or more, and the gap's energy error; NaN where undefined. */
    private static double[] error(double[] actual, double[] estimate) {
        double sumActual = 0, sumEstimate = 0, pct = 0;
        int counted = 0;
        for (int i = 0; i < actual.length; i++) {
            sumActual += actual[i];
            sumEstimate += estimate[i];
            if (actual[i] >= 0.01) {
                pct += Math.abs(estimate[i] - actual[i]) / actual[i];
                counted++;
            }
        }
        return new double[] {counted == 0 ? Double.NaN : pct / counted,
                sumActual == 0 ? Double.NaN : Math.abs(sumEstimate - sumActual) / sumActual};
    }

    private static boolean defined(double[] values) {
        for (double v : values) if (Double.isNaN(v)) return false;
        return true;
    }

    /** The figures as a table on stderr (the JSON on stdout carries the same). */
    @SuppressWarnings("unchecked")
    private static void printTable(Map<String, Object> figures) {
        System.err.println("MAPE % / gap-energy error % per method, each next to the baselines on the same gaps:");
        figures.forEach((method, lengths) -> ((Map<String, Object>) lengths).forEach((length, raw) -> {
            Map<String, Object> f = (Map<String, Object>) raw;
            Map<String, Object> ld = (Map<String, Object>) f.get("baseline_like_day"), li = (Map<String, Object>) f.get("baseline_linear");
            System.err.printf("%-9s %-9s %6s / %-6s | like-day %6s / %-6s | linear %6s / %-6s | %s%n", method, length,
                    f.get("mape_percent"), f.get("gap_energy_error_percent"), ld.get("mape_percent"), ld.get("gap_energy_error_percent"),
                    li.get("mape_percent"), li.get("gap_energy_error_percent"), f.get("verdict"));
        }));
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
}
