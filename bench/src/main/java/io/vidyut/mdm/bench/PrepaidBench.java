package io.vidyut.mdm.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;

/**
 * {@code bin/mdm bench prepaid}: a fresh server on embedded defaults; N prepaid consumers (the billing bench's network,
 * profiles, net-metered consumers and mid-period meter replacement) converted from a CSV with opening balances and
 * arrears; D days of their intervals pushed as an HES; then the daily charge of every account for every day, timed,
 * while a payment gateway posts signed recharges (a tenth of the accounts, some twice with the same transaction id);
 * then every account's balance compared with an independent computation of opening balance, recharges less the
 * arrears' share, and each day's energy at the flat rate plus the day's fixed charge.
 */
final class PrepaidBench {
    private static final BigDecimal RATE = new BigDecimal("5.00"), FIXED_A_DAY = new BigDecimal("5.00"); // ₹30/kW/month × 5 kW / 30
    private static final BigDecimal ARREARS_SHARE = new BigDecimal("0.25");

    static Map<String, Object> run(BillingBench.Options options) throws Exception {
        // the bench charges on demand: the server's own sweep is kept out of the timing
        return ServerProcess.measureFresh(options.jar(), Map.of("MDM_VEE_ENABLED", "true", "MDM_PREPAID_CHARGING_SWEEP", "PT24H"),
                options.javaOptions(), api -> measure(options, api));
    }

    private static Map<String, Object> measure(BillingBench.Options options, BenchApi api) throws Exception {
        BenchNetwork.BenchTenant tenant = BenchNetwork.tenantWithVendor(api, IngestBench.HPL_MAPPING);
        String token = tenant.token();
        LocalDate today = LocalDate.now(BillingTruth.IST);
        BillingTruth truth = new BillingTruth(options.seed(), today.minusDays(options.days()), options.days());
        LocalDate last = truth.first.plusDays(options.days() - 1);
        BillingBench.register(api, token, options.consumers(), "PREPAID");
        api.post("/api/v1/billing/tariffs", token, Map.of("name", "Prepaid bench tariff", "effective_from", truth.first.minusDays(30).toString(),
                "categories", List.of(Map.of("code", "LT-1", "consumer_class", "DOMESTIC", "slabs", List.of(Map.of("rate", RATE)),
                        "fixed_charge", Map.of("basis", "PER_LOAD_UNIT", "rate", 30)))), 201);
        StringBuilder conversion = new StringBuilder("account_no,opening_balance,arrears,converted_on\n");
        for (int c = 0; c < options.consumers(); c++) {
            conversion.append("A-").append(c).append(',').append(opening(c).toPlainString()).append(',').append(arrears(c).toPlainString())
                    .append(',').append(truth.first).append('\n');
        }
        JsonNode converted = api.postCsv("/api/v1/prepaid/accounts/import", token, conversion.toString(), 200);
        if (!converted.get("reconciliation").get("balanced").asBoolean()) throw new IllegalStateException("conversion: " + converted);

        long started = System.nanoTime();
        long sent = BillingBench.push(api, tenant.apiKey(), tenant.platform(), truth, options.consumers(), options.threads(), false);
        System.err.printf("pushed and stored %,d values in %.1f s%n", sent, (System.nanoTime() - started) / 1e9);

        String secret = api.post("/api/v1/prepaid/gateways", token, Map.of("code", "bench-pg", "name", "Bench gateway"), 201)
                .get("secret").asString();
        List<Recharge> recharges = recharges(options);
        ExecutorService pool = Executors.newFixedThreadPool(options.threads() + 1);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long accountDays = 0;
        double chargingSeconds = 0;
        try {
            List<Future<?>> posted = new ArrayList<>();
            for (Recharge recharge : recharges) {
                posted.add(pool.submit(() -> {
                    long t = System.nanoTime();
                    int status = post(api, secret, recharge);
                    latencies.add((System.nanoTime() - t) / 1_000_000);
                    if (status != 200 && status != 201) throw new IllegalStateException("recharge " + recharge + " answered " + status);
                    return null;
                }));
            }
            // a day at a time, as the daily sweep charges; recharges arrive meanwhile
            for (LocalDate day = truth.first; !day.isAfter(last); day = day.plusDays(1)) {
                JsonNode charged = api.post("/api/v1/prepaid/charging", token, Map.of("through", day.toString()), 200);
                accountDays += charged.get("account_days_charged").asLong();
                chargingSeconds += charged.get("seconds").asDouble();
            }
            for (Future<?> f : posted) f.get();
        } finally {
            pool.shutdown();
        }

        Comparison comparison = compare(api, token, truth, recharges, options.consumers());
        long consumerDays = (long) options.consumers() * options.days();
        Collections.sort(latencies);
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("benchmark", "prepaid");
        result.put("consumers", options.consumers());
        result.put("days", options.days());
        result.put("values_sent", sent);
        result.put("account_days_charged", accountDays);
        result.put("charging_seconds", Math.round(chargingSeconds * 100) / 100.0);
        result.put("consumer_days_per_s", Math.round(consumerDays / chargingSeconds));
        result.put("recharges", recharges.size());
        result.put("recharge_p99_ms", latencies.isEmpty() ? null : latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1));
        result.put("recharge_to_reconnect_p99_ms", null);
        result.put("rule_violations", null);
        result.put("not_measured", "recharge_to_reconnect_p99_ms and rule_violations need an HES executing the switching commands");
        result.put("balances_checked", comparison.checked);
        result.put("mismatches", comparison.mismatches);
        result.put("mismatch_examples", comparison.examples);
        return result;
    }

    static BigDecimal opening(int c) {
        return BigDecimal.valueOf(5_000 + (c % 40) * 1_000L, 2); // ₹50.00 to ₹440.00
    }

    static BigDecimal arrears(int c) {
        return c % 10 == 0 ? new BigDecimal("300.00") : BigDecimal.ZERO.setScale(2);
    }

    /** A tenth of the consumers recharge, ₹100 to ₹500; every fifth recharge is posted twice (a repeated callback). */
    record Recharge(int consumer, String transactionId, BigDecimal amount, boolean repeat) {}

    private static List<Recharge> recharges(BillingBench.Options options) {
        Random random = new Random(options.seed());
        List<Recharge> recharges = new ArrayList<>();
        for (int c = 0; c < options.consumers(); c += 10) {
            int n = c + random.nextInt(10);
            if (n >= options.consumers()) continue;
            Recharge recharge = new Recharge(n, "PG-" + n, BigDecimal.valueOf(100L * (1 + random.nextInt(5))).setScale(2), false);
            recharges.add(recharge);
            if (recharges.size() % 5 == 0) recharges.add(new Recharge(n, recharge.transactionId(), recharge.amount(), true));
        }
        return recharges;
    }

    private static int post(BenchApi api, String secret, Recharge recharge) {
        String body = "{\"transaction_id\":\"" + recharge.transactionId() + "\",\"account_no\":\"A-" + recharge.consumer()
                + "\",\"amount\":" + recharge.amount().toPlainString() + ",\"mode\":\"UPI\"}";
        String timestamp = Long.toString(System.currentTimeMillis() / 1000);
        Map<String, String> headers = Map.of("X-Mdm-Gateway", "bench/bench-pg", "X-Mdm-Timestamp", timestamp,
                "X-Mdm-Signature", "sha256=" + hmac(secret, timestamp + "." + body));
        return api.postWithHeaders("/api/v1/prepaid/recharges", body, headers);
    }

    private static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final class Comparison {
        int checked;
        int mismatches;
        final List<String> examples = new ArrayList<>();
    }

    /**
     * The bench's own ledger: opening balance, each recharge credited once less the arrears' share (to the paisa, never
     * more than the arrears left), and every day's charge — the day's kWh imported (less exported for a net-metered
     * consumer, never below zero) at the flat rate, to the paisa, plus the day's fixed charge.
     */
    private static Comparison compare(BenchApi api, String token, BillingTruth truth, List<Recharge> recharges, int consumers) {
        Map<Integer, BigDecimal> expected = new LinkedHashMap<>();
        Map<Integer, BigDecimal> arrearsLeft = new LinkedHashMap<>();
        for (int c = 0; c < consumers; c++) {
            BigDecimal balance = opening(c);
            for (int d = 0; d < truth.days; d++) {
                long importWh = 0, exportWh = 0;
                for (int s = 0; s < BillingTruth.SLOTS; s++) {
                    importWh += truth.importWh(c, d, s);
                    exportWh += truth.exportWh(c, d, s);
                }
                long billedWh = BillingTruth.netMetered(c) ? Math.max(0, importWh - exportWh) : importWh;
                balance = balance.subtract(BigDecimal.valueOf(billedWh, 3).multiply(RATE).setScale(2, RoundingMode.HALF_UP)).subtract(FIXED_A_DAY);
            }
            expected.put(c, balance);
            arrearsLeft.put(c, arrears(c));
        }
        for (Recharge recharge : recharges) {
            if (recharge.repeat()) continue;
            int c = recharge.consumer();
            BigDecimal share = arrearsLeft.get(c).min(recharge.amount().multiply(ARREARS_SHARE).setScale(2, RoundingMode.HALF_UP));
            arrearsLeft.put(c, arrearsLeft.get(c).subtract(share));
            expected.put(c, expected.get(c).add(recharge.amount()).subtract(share));
        }
        Comparison comparison = new Comparison();
        for (int page = 0; ; page++) {
            JsonNode items = api.get("/api/v1/prepaid/accounts?size=1000&page=" + page, token).get("items");
            if (items.isEmpty()) break;
            for (JsonNode account : items) {
                int c = Integer.parseInt(account.get("account_no").asString().substring(2));
                comparison.checked++;
                BigDecimal actual = account.get("balance").decimalValue();
                if (actual.compareTo(expected.get(c)) != 0 || account.get("arrears").decimalValue().compareTo(arrearsLeft.get(c)) != 0) {
                    comparison.mismatches++;
                    if (comparison.examples.size() < 10) {
                        comparison.examples.add("A-" + c + ": expected ₹" + expected.get(c) + " (arrears " + arrearsLeft.get(c) + "), got ₹"
                                + actual + " (arrears " + account.get("arrears").decimalValue() + ")");
                    }
                }
            }
        }
        if (comparison.checked != consumers) {
            comparison.mismatches++;
            comparison.examples.add("accounts: expected " + consumers + ", got " + comparison.checked);
        }
        return comparison;
    }
}
