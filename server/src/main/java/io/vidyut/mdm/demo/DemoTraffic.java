package io.vidyut.mdm.demo;

import io.vidyut.mdm.simulator.Simulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's simulated HES fleet: the three vendors back-fill recent days, then push every
 * 15-minute interval live, through the same public endpoints a real HES uses.
 */
final class DemoTraffic implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DemoTraffic.class);
    private final int backfillDays;
    private volatile Simulator simulator;

    DemoTraffic(int backfillDays) {
        this.backfillDays = backfillDays;
    }

    /** Starts pushing to the server at {@code baseUrl} (known once the web server listens). */
    synchronized void start(String baseUrl) {
        if (simulator != null) return;
        Simulator.Builder builder = Simulator.builder().target(baseUrl)
                .credentials("demo.operator", DemoCredentials.PASSWORD)
                .vendors(Simulator.DEMO_VENDORS)
                .live(true)
                .threads(2);
        DemoCredentials.VENDORS.forEach(vendor -> builder.apiKey(vendor.code(), vendor.apiKey()));
        if (backfillDays > 0) builder.backfill(backfillDays);
        Simulator running = builder.build();
        simulator = running;
        Thread thread = new Thread(() -> {
            try {
                log.info("Demo traffic stopped: {}", running.run().toJson());
            } catch (RuntimeException e) {
                log.error("Demo traffic failed", e);
            }
        }, "demo-hes-traffic");
        thread.setDaemon(true);
        thread.start();
        log.info("Simulated HES vendors HPL (REST), VOLTA (JSON) and KIRAN (DLMS) are pushing data ({} days back-filled first)",
                backfillDays);
    }

    @Override
    public void close() {
        if (simulator != null) simulator.stop();
    }
}
