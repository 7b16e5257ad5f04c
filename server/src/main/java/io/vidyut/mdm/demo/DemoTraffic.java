package io.vidyut.mdm.demo;

import io.vidyut.mdm.simulator.BackfillProgress;
import io.vidyut.mdm.simulator.Simulator;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo's simulated HES fleet: the three vendors back-fill recent days, then push every
 * 15-minute interval live, with their meters' events (supply lost and back, tampers, voltage out of band, a DT
 * out now and then) as they happen, through the same public endpoints a real HES uses. The back-fill's progress
 * is logged every tenth and served to the overview ({@link DemoController}). A second simulator (started on
 * its own, {@code mdm.demo.hes}) plays the vendors' HES APIs on {@code hesPort}: it answers the MDM's reads and takes its commands (acknowledges,
 * carries them out a second later and calls back), so commands from the demo dashboard end as they would.
 */
final class DemoTraffic implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DemoTraffic.class);
    /** What the simulated HES expects in X-Hes-Key (the simulator's default). */
    static final String HES_KEY = "hes-secret";

    private final int backfillDays;
    private final int hesPort;
    private final Clock clock;
    private volatile Simulator simulator;
    private volatile Simulator hes;

    DemoTraffic(int backfillDays, int hesPort, Clock clock) {
        this.backfillDays = backfillDays;
        this.hesPort = hesPort;
        this.clock = clock;
    }

    /** Starts pushing to the server at {@code baseUrl} (known once the web server listens). */
    synchronized void start(String baseUrl) {
        if (simulator != null) return;
        Simulator.Builder builder = demoFleet(baseUrl).live(true).events(true).todayFirst(true).threads(2);
        if (backfillDays > 0) builder.backfill(backfillDays);
        simulator = runInBackground(builder.build(), "demo-hes-traffic", "Demo traffic failed");
        log.info("Simulated HES vendors HPL (REST), VOLTA (JSON) and KIRAN (DLMS) are pushing data and meter events {}",
                backfillDays == 0 ? "live" : "(back-filling " + backfillDays + " days and today so far first: today's "
                        + "readings, then the earlier days', with the events of them all beside)");
        if (backfillDays > 0) logBackfillProgress();
    }

    /** How far the back-fill has come; empty before it began or when the demo has none. */
    Optional<BackfillProgress> backfillProgress() {
        Simulator running = simulator;
        return running == null ? Optional.empty() : running.backfillProgress();
    }

    /** Whether a back-fill was asked for and has not begun yet (the simulated HES reads the fleet first). */
    boolean backfillStarting() {
        return simulator != null && backfillDays > 0 && backfillProgress().isEmpty();
    }

    /** A log line at every tenth of the back-fill, with the time left. */
    private void logBackfillProgress() {
        Thread thread = new Thread(() -> {
            long lastTenth = -1;
            while (!Thread.currentThread().isInterrupted()) {
                Optional<BackfillProgress> progress = backfillProgress();
                long tenth = progress.map(p -> (long) Math.floor(p.share() * 10)).orElse(-1L);
                if (tenth > lastTenth) {
                    lastTenth = tenth;
                    log.info(DemoBackfill.describe(progress.get()));
                }
                if (progress.map(BackfillProgress::finished).orElse(false)) return;
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "demo-backfill-progress");
        thread.setDaemon(true);
        thread.start();
    }

    /** The vendors' HES APIs, apart from the pushing simulator so that a busy port costs commands only. */
    synchronized void startHes(String baseUrl) {
        if (hes != null) return;
        hes = runInBackground(demoFleet(baseUrl).servePulls(hesPort).pullKey(HES_KEY).build(), "demo-hes-api",
                "The simulated HES could not serve reads and commands on port " + hesPort + " (mdm.demo.hes-port); "
                        + "commands to demo meters will fail as HES unreachable");
        log.info("Simulated HES API (reads and commands) at http://127.0.0.1:{}/hes/{vendor}/meters/{serial}", hesPort);
    }

    /**
     * The demo tenant's three vendors, their fleet read from the server at {@code baseUrl}, with their keys, on the
     * server's clock (so a demo started at a chosen instant pushes that instant's intervals).
     */
    private Simulator.Builder demoFleet(String baseUrl) {
        Simulator.Builder builder = Simulator.builder().target(baseUrl).clock(clock)
                .credentials("demo.operator", DemoCredentials.PASSWORD)
                .vendors(Simulator.DEMO_VENDORS);
        DemoCredentials.VENDORS.forEach(vendor -> builder.apiKey(vendor.code(), vendor.apiKey()));
        return builder;
    }

    private static Simulator runInBackground(Simulator simulator, String threadName, String failure) {
        Thread thread = new Thread(() -> {
            try {
                log.info("{} stopped: {}", threadName, simulator.run().toJson());
            } catch (RuntimeException e) {
                log.error(failure, e);
            }
        }, threadName);
        thread.setDaemon(true);
        thread.start();
        return simulator;
    }

    @Override
    public void close() {
        if (simulator != null) simulator.stop();
        if (hes != null) hes.stop();
    }
}
