package io.vidyut.mdm.simulator.fleet;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * A demo-like fleet made up without a server: feeders, DTs, consumers (about 15 % 3P commercial, 6 % of homes
 * net-metered) and one meter each, spread over the vendors round-robin as the demo tenant does. For tests, for
 * benchmarks that seed their own server, and for trying payloads offline.
 */
public final class SyntheticFleet {
    private SyntheticFleet() {
    }

    public static Fleet generate(long seed, int feeders, int dtsPerFeeder, int consumersPerDt, List<String> vendors) {
        if (vendors.isEmpty()) {
            throw new IllegalArgumentException("at least one vendor is needed");
        }
        Random random = new Random(seed);
        List<SimMeter> meters = new ArrayList<>();
        List<DtNode> dts = new ArrayList<>();
        int meterNo = 0;
        for (int f = 1; f <= feeders; f++) {
            String feederId = "FDR-%02d".formatted(f);
            meters.add(meter(vendors, ++meterNo, MeterRole.FEEDER, true, 40, 100, null, feederId));
            for (int d = 1; d <= dtsPerFeeder; d++) {
                String dtId = "DT-%02d-%02d".formatted(f, d);
                dts.add(new DtNode(dtId, feederId));
                meters.add(meter(vendors, ++meterNo, MeterRole.DT, true, 40, 1, null, dtId));
                for (int c = 1; c <= consumersPerDt; c++) {
                    boolean commercial = random.nextInt(100) < 15;
                    String consumerId = "C-%02d-%02d-%03d".formatted(f, d, c);
                    ConsumerProfile profile = new ConsumerProfile(consumerId,
                            commercial ? 5 + random.nextInt(16) : 1 + random.nextInt(5),
                            commercial ? "LT-2 Non-Domestic" : "LT-1 Domestic",
                            !commercial && random.nextInt(100) < 6, dtId);
                    meters.add(meter(vendors, ++meterNo, MeterRole.CONSUMER, commercial, 1, 1, profile, null));
                }
            }
        }
        return new Fleet(meters, dts);
    }

    private static SimMeter meter(List<String> vendors, int number, MeterRole role, boolean threePhase, double ct,
                                  double pt, ConsumerProfile consumer, String nodeId) {
        String vendor = vendors.get(number % vendors.size());
        String serial = "%s%08d".formatted(serialPrefix(vendor), 23_000_000 + number);
        return SimMeter.of("M-" + serial, serial, vendor, role, threePhase, ct, pt, consumer, nodeId);
    }

    /** The demo's serial prefixes, so synthetic serials look like the seeded ones. */
    static String serialPrefix(String vendor) {
        return switch (vendor) {
            case "VOLTA" -> "VLT";
            case "KIRAN" -> "KRN";
            default -> vendor.length() > 3 ? vendor.substring(0, 3) : vendor;
        };
    }
}
