package io.vidyut.mdm.bench;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code bench billing} sends, and the determinants it must come back as, computed here from the same numbers
 * without any of the server's code: consumer c's 15-minute import in watt-hours is a pure function of (seed, c, day,
 * slot) with an evening peak (so ToD zones matter), kVAh at the consumer's power factor, net-metered consumers (every
 * tenth) exporting in solar hours, and the import register at every midnight.
 */
final class BillingTruth {
    static final ZoneId IST = ZoneId.of("Asia/Kolkata");
    static final int SLOTS = 96;

    private final long seed;
    final LocalDate first;
    final int days;

    BillingTruth(long seed, LocalDate first, int days) {
        this.seed = seed;
        this.first = first;
        this.days = days;
    }

    static boolean netMetered(int consumer) {
        return consumer % 10 == 3;
    }

    /** Consumers whose day 2, 10:00–12:00, is not sent: VEE estimates it. */
    static boolean gapped(int consumer) {
        return consumer % 7 == 5;
    }

    static boolean inGap(int day, int slot) {
        return day == 2 && slot >= 40 && slot < 48;
    }

    /** Consumer 0's meter is replaced: the old one's last day is the period's middle one. */
    int replacementDay() {
        return days / 2;
    }

    /** Import Wh of consumer c in slot s of day d (d = -1 is the day before the period). */
    long importWh(int c, int d, int s) {
        long base = 40 + Math.floorMod(mix(c, 0, 0), 60);
        int hour = s / 4;
        double shape = hour < 6 ? 0.6 : hour < 9 ? 1.2 : hour < 18 ? 0.9 : hour < 22 ? 2.0 : 1.0;
        double noise = 0.85 + Math.floorMod(mix(c, d, s), 3000) / 10_000.0;
        return Math.max(5, Math.round(base * shape * noise));
    }

    long kvahWh(int c, int d, int s) {
        double pf = 0.88 + Math.floorMod(mix(c, 1, 1), 11) / 100.0;
        return Math.round(importWh(c, d, s) / pf);
    }

    long exportWh(int c, int d, int s) {
        if (!netMetered(c) || s < 36 || s >= 68) return 0;
        double x = (s - 52) / 16.0; // 09:00–17:00, highest at 13:00
        double sun = 0.7 + Math.floorMod(mix(c, d, -1), 600) / 1000.0;
        return Math.round(180 * (1 - x * x) * sun);
    }

    /** The import register at midnight starting day d: an opening value plus every import before it. */
    long registerWh(int c, int d) {
        long total = 100_000_000L + c * 7_000L;
        for (int day = -1; day < d; day++) for (int s = 0; s < SLOTS; s++) total += importWh(c, day, s);
        return total;
    }

    /** The zone of a slot under the bench's tariff: NORMAL 22–09 and 17–18, SOLAR 09–17, PEAK 18–22. */
    static String zone(int slot) {
        int hour = slot / 4;
        return hour >= 18 && hour < 22 ? "PEAK" : hour >= 9 && hour < 17 ? "SOLAR" : "NORMAL";
    }

    /** What the MDM's determinants must say, in the API's units (kWh to 4 decimals, kW to 3). */
    record Expected(BigDecimal kwhImport, BigDecimal kwhExport, BigDecimal kvahImport, Map<String, BigDecimal> zones,
                    BigDecimal mdKw, String mdKwAt, BigDecimal powerFactor, long estimated, long missing, BigDecimal netKwh,
                    BigDecimal bankedClosingKwh) {}

    /**
     * Consumer c's determinants. {@code estimates}: the values VEE wrote into the gap (slot of day 2 → kWh), which
     * stand in for what was not sent; kVAh and export of the gap stay missing (only import is estimated).
     */
    Expected expected(int c, Map<Integer, BigDecimal> estimates) {
        long[] importTenths = new long[days * SLOTS]; // 0.0001 kWh
        long kvah = 0, export = 0;
        Map<String, Long> zones = new LinkedHashMap<>();
        for (int d = 0; d < days; d++) {
            for (int s = 0; s < SLOTS; s++) {
                int i = d * SLOTS + s;
                if (gapped(c) && inGap(d, s)) { // nothing was sent; VEE estimates the import only
                    importTenths[i] = estimates.containsKey(s) ? estimates.get(s).movePointRight(4).longValueExact() : 0;
                } else {
                    importTenths[i] = importWh(c, d, s) * 10;
                    kvah += kvahWh(c, d, s) * 10;
                    export += exportWh(c, d, s) * 10;
                }
                zones.merge(zone(s), importTenths[i], Long::sum);
            }
        }
        long total = 0, best = 0;
        int bestEnd = 0;
        for (int i = 0; i < importTenths.length; i++) total += importTenths[i];
        for (int i = 0; i + 1 < importTenths.length; i += 2) {
            long block = importTenths[i] + importTenths[i + 1];
            if (block > best) {
                best = block;
                bestEnd = i + 2;
            }
        }
        Map<String, BigDecimal> zoneKwh = new LinkedHashMap<>();
        zones.forEach((zone, tenths) -> zoneKwh.put(zone, kwh(tenths)));
        String mdAt = first.atStartOfDay(IST).plusMinutes(15L * bestEnd).toOffsetDateTime().toString();
        BigDecimal pf = kvah == 0 ? null : BigDecimal.valueOf(total).divide(BigDecimal.valueOf(kvah), 3, RoundingMode.HALF_UP)
                .min(BigDecimal.ONE.setScale(3));
        long estimated = gapped(c) ? 8 : 0;
        BigDecimal net = netMetered(c) ? kwh(total - export) : null;
        BigDecimal banked = netMetered(c) ? kwh(Math.max(0, export - total)) : null;
        return new Expected(kwh(total), kwh(export), kwh(kvah), zoneKwh,
                BigDecimal.valueOf(best * 2, 4).setScale(3, RoundingMode.HALF_UP), mdAt, pf, estimated, 0, net, banked);
    }

    static BigDecimal kwh(long tenthsOfWh) {
        return BigDecimal.valueOf(tenthsOfWh, 4);
    }

    /** A 64-bit mix of the seed and three numbers (SplitMix64's finaliser), for reproducible noise. */
    private long mix(int a, int b, int c) {
        long z = seed * 0x9E3779B97F4A7C15L + a * 0xBF58476D1CE4E5B9L + b * 0x94D049BB133111EBL + c * 0x2545F4914F6CDD1DL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
