package io.vidyut.mdm.simulator;

import io.vidyut.mdm.simulator.anomaly.AnomalyInjector;
import io.vidyut.mdm.simulator.anomaly.AnomalyKind;
import io.vidyut.mdm.simulator.anomaly.AnomalyLog;
import io.vidyut.mdm.simulator.anomaly.AnomalyPlan;
import io.vidyut.mdm.simulator.event.EventSchedule;
import io.vidyut.mdm.simulator.fleet.Fleet;
import io.vidyut.mdm.simulator.fleet.FleetLoader;
import io.vidyut.mdm.simulator.fleet.MdmApiClient;
import io.vidyut.mdm.simulator.fleet.SimMeter;
import io.vidyut.mdm.simulator.load.ElectricalModel;
import io.vidyut.mdm.simulator.load.FleetDayCalculator;
import io.vidyut.mdm.simulator.load.IntervalClock;
import io.vidyut.mdm.simulator.load.RegisterLedger;
import io.vidyut.mdm.simulator.payload.MeterDayAssembler;
import io.vidyut.mdm.simulator.payload.WireFormat;
import io.vidyut.mdm.simulator.pull.ProfileSource;
import io.vidyut.mdm.simulator.pull.CommandSettings;
import io.vidyut.mdm.simulator.pull.PullServer;
import io.vidyut.mdm.simulator.pull.PullSettings;
import io.vidyut.mdm.simulator.run.SimulationEngine;
import io.vidyut.mdm.simulator.run.StatsCounter;
import io.vidyut.mdm.simulator.transport.HttpPushTransport;
import io.vidyut.mdm.simulator.transport.MqttTransport;
import io.vidyut.mdm.simulator.transport.RetryPolicy;
import io.vidyut.mdm.simulator.transport.Transport;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The HES simulator for in-process use (the benchmark, the server's demo mode) and behind the CLI:
 * <pre>
 * RunStats stats = Simulator.builder()
 *         .target("http://localhost:8080")
 *         .vendors("HPL", "VOLTA", "KIRAN")
 *         .backfill(7)
 *         .build()
 *         .run();
 * </pre>
 * {@link #run()} blocks: the backfill, then live mode if enabled until {@link #stop()} (from another thread) or
 * the live interval limit. With {@link Builder#servePulls(int)} it also answers the MDM's pulls, from the start
 * until {@link #stop()}. One instance runs once.
 */
public final class Simulator {
    /** The demo tenant's HES keys (server DemoCredentials). */
    public static final Map<String, String> DEMO_KEYS = Map.of(
            "HPL", "vmdm_demo_hpl_rest_0000000000000001",
            "VOLTA", "vmdm_demo_volta_mqtt_00000000000002",
            "KIRAN", "vmdm_demo_kiran_dlms_00000000000003");
    public static final List<String> DEMO_VENDORS = List.of("HPL", "VOLTA", "KIRAN");
    public static final LocalDate DEFAULT_REGISTER_EPOCH = LocalDate.of(2026, 1, 1);

    private final Builder config;
    private final StatsCounter stats;
    private final AnomalyLog anomalyLog;
    private volatile boolean stopRequested;
    private volatile boolean started;
    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final CompletableFuture<Integer> pullPort = new CompletableFuture<>();
    private volatile PullServer runningPulls;
    private volatile SimulationEngine runningEngine;

    private Simulator(Builder config) {
        this.config = config;
        this.stats = new StatsCounter(config.diagnostics);
        try {
            this.anomalyLog = config.anomalyLogFile == null ? AnomalyLog.discard() : AnomalyLog.open(config.anomalyLogFile);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open anomaly log " + config.anomalyLogFile, e);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Runs the backfill and/or live mode; returns the counts when done or stopped. */
    public RunStats run() {
        synchronized (this) {
            if (started) {
                throw new IllegalStateException("a Simulator runs once; build another");
            }
            started = true;
        }
        try {
            Fleet fleet = config.fleet;
            Map<String, String> protocols = Map.of();
            if (fleet == null) {
                MdmApiClient api = new MdmApiClient(config.target);
                api.signIn(config.username, config.password);
                FleetLoader.Loaded loaded = FleetLoader.load(api);
                fleet = loaded.fleet();
                protocols = loaded.protocolsByVendor();
            }
            execute(fleet, protocols);
            return stats.snapshot();
        } catch (RuntimeException e) {
            pullPort.completeExceptionally(e);  // tells a caller waiting for the port why it never came
            throw e;
        } finally {
            pullPort.completeExceptionally(new IllegalStateException("the simulator ended without serving pulls"));
            anomalyLog.close();
        }
    }

    /**
     * Ends live mode (and a backfill, between days) and the pull server from another thread; {@link #run()} then
     * returns.
     */
    public void stop() {
        stopRequested = true;
        stopSignal.countDown();
    }

    /**
     * The port the pull server listens on, once {@link #run()} (on another thread) has loaded the fleet and bound
     * it; the way to learn the port picked for {@code servePulls(0)}.
     *
     * @throws IllegalStateException when pulls are not served, the run failed first, or {@code timeout} passed
     */
    public int awaitPullPort(Duration timeout) {
        if (!config.servePulls) {
            throw new IllegalStateException("this simulator does not serve pulls (see Builder.servePulls)");
        }
        try {
            return pullPort.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the pull server", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("the pull server was not listening within " + timeout);
        }
    }

    /** Counts so far; safe to call while running. */
    public RunStats stats() {
        return stats.snapshot();
    }

    /** How far the backfill has come, once it has begun; safe to call while running. */
    public Optional<BackfillProgress> backfillProgress() {
        SimulationEngine engine = runningEngine;
        return Optional.ofNullable(engine == null ? null : engine.backfillProgress());
    }

    /** How many anomalies of each kind were injected so far. */
    public Map<AnomalyKind, Long> anomalyCounts() {
        return anomalyLog.counts();
    }

    private void execute(Fleet fleet, Map<String, String> protocols) {
        Map<String, WireFormat> formats = new LinkedHashMap<>();
        for (String vendor : config.vendors) {
            formats.put(vendor, WireFormat.forVendor(vendor, protocols.get(vendor)));
        }
        List<SimMeter> meters = fleet.metersOf(formats.keySet());
        warnAboutVendorsWithoutMeters(formats, meters);

        Instant now = config.clock.instant();
        Instant endBoundary = IntervalClock.floorToBoundary(now);
        LocalDate today = LocalDate.ofInstant(now, IntervalClock.IST);
        LocalDate firstDay = config.backfillDays > 0 ? today.minusDays(config.backfillDays) : null;
        LocalDate windowStartDay = firstDay != null ? firstDay : IntervalClock.dayOf(endBoundary.plusSeconds(1));
        long windowStartSlot = firstDay != null ? IntervalClock.firstSlot(firstDay) : IntervalClock.slot(endBoundary) + 1;
        LocalDate windowEndDay = IntervalClock.dayOf(endBoundary).plusDays(config.live ? 30 : 0);

        AnomalyPlan plan = new AnomalyPlan(config.seed, config.anomalyRate);
        FleetDayCalculator calculator = new FleetDayCalculator(fleet, config.seed, plan);
        List<SimMeter> registerMeters = meters.stream()
                .filter(m -> formats.get(m.vendorCode()) == WireFormat.HPL_JSON).toList();
        RegisterLedger ledger = registerMeters.isEmpty() ? null : new RegisterLedger(calculator, registerMeters,
                config.registerEpoch.isAfter(windowStartDay) ? windowStartDay : config.registerEpoch, config.seed, plan,
                windowStartDay, windowEndDay);
        MeterDayAssembler assembler = new MeterDayAssembler(new ElectricalModel(config.seed), ledger);
        // pulls read the same calculator and ledger as the pushes, so both give the same numbers
        try (PullServer pulls = startPulls(formats, meters, new ProfileSource(calculator, assembler, ledger))) {
            if (firstDay != null || config.live) {
                AnomalyInjector injector = new AnomalyInjector(plan, anomalyLog, ledger, windowStartSlot);
                push(formats, meters, calculator, assembler, injector, firstDay, endBoundary);
            }
            if (pulls != null) {
                awaitStop();
            }
        }
    }

    private void push(Map<String, WireFormat> formats, List<SimMeter> meters, FleetDayCalculator calculator,
                      MeterDayAssembler assembler, AnomalyInjector injector, LocalDate firstDay,
                      Instant endBoundary) {
        Map<String, Transport> transports = new LinkedHashMap<>();
        List<Transport> opened = new ArrayList<>();
        try {
            openTransports(formats, transports, opened);
            SimulationEngine.Settings settings = new SimulationEngine.Settings(config.threads,
                    config.hplMeterDaysPerRequest, config.liveMetersPerRequest, config.progress, config.todayFirst);
            EventSchedule events = config.events ? new EventSchedule(meters, config.seed) : null;
            List<SimMeter> readingMeters = config.readings ? meters : List.of();
            try (SimulationEngine engine = new SimulationEngine(formats, readingMeters, calculator, assembler, injector,
                    transports, stats, settings, events)) {
                runningEngine = engine;
                if (firstDay != null) {
                    engine.backfill(firstDay, endBoundary, config.live, () -> stopRequested);
                }
                if (config.live && !stopRequested) {
                    engine.live(endBoundary, config.clock, config.speed, config.liveIntervals, () -> stopRequested);
                    if (engine.lateWaiting() > 0 && config.diagnostics != null) {
                        config.diagnostics.println(engine.lateWaiting() + " late block(s) were still held back at stop");
                    }
                }
            }
        } finally {
            for (Transport transport : opened) {
                transport.close();
            }
        }
    }

    /** The pull server when asked for (its port is then published to {@link #awaitPullPort}), else null. */
    private PullServer startPulls(Map<String, WireFormat> formats, List<SimMeter> meters, ProfileSource source) {
        if (!config.servePulls) {
            return null;
        }
        PullSettings settings = config.pullSettings.withSeed(config.seed);
        Map<String, String> keys = new LinkedHashMap<>(DEMO_KEYS);
        keys.putAll(config.apiKeys);
        CommandSettings commands = new CommandSettings(config.commandDelay, config.commandFailureRate,
                config.commandCallbacks ? config.target : null, keys);
        try {
            PullServer pulls = PullServer.start(settings, commands, formats, meters, source, config.clock, config.progress);
            runningPulls = pulls;
            pullPort.complete(pulls.port());
            if (config.diagnostics != null) {
                config.diagnostics.printf("answering pulls at http://%s:%d/hes/{%s}/meters/{serial}/read and "
                                + "/profile?from=&to=, commands at POST …/commands (header %s)%n", settings.host(), pulls.port(),
                        String.join("|", formats.keySet()), PullServer.KEY_HEADER);
            }
            return pulls;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve pulls on " + settings.host() + ":" + settings.port(), e);
        }
    }

    /**
     * Whether the simulated meter's relay is connected, as the commands served so far left it (true for a meter
     * no DISCONNECT reached); false while the simulator serves no pulls.
     */
    public boolean relayConnected(String serial) {
        PullServer pulls = runningPulls;
        return pulls != null && pulls.relayConnected(serial);
    }

    private void awaitStop() {
        try {
            stopSignal.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void openTransports(Map<String, WireFormat> formats, Map<String, Transport> transports,
                                List<Transport> opened) {
        if (config.transportOverride != null) {
            formats.keySet().forEach(vendor -> transports.put(vendor, config.transportOverride));
            return;
        }
        Map<String, String> keys = new LinkedHashMap<>(DEMO_KEYS);
        keys.putAll(config.apiKeys);
        HttpPushTransport http = new HttpPushTransport(config.target, keys, config.retry);
        opened.add(http);
        Transport mqtt = null;
        for (var vendor : formats.entrySet()) {
            if (vendor.getValue() == WireFormat.VOLTA_JSON && config.voltaTransport == VoltaTransportMode.MQTT) {
                if (mqtt == null) {
                    mqtt = new MqttTransport(config.mqttBroker, config.mqttUsername, config.mqttPassword, config.retry);
                    opened.add(mqtt);
                }
                transports.put(vendor.getKey(), mqtt);
            } else {
                transports.put(vendor.getKey(), http);
            }
        }
    }

    private void warnAboutVendorsWithoutMeters(Map<String, WireFormat> formats, List<SimMeter> meters) {
        if (config.diagnostics == null) {
            return;
        }
        for (String vendor : formats.keySet()) {
            if (meters.stream().noneMatch(m -> m.vendorCode().equals(vendor))) {
                config.diagnostics.println("warning: vendor " + vendor + " has no in-service meters; nothing to send");
            }
        }
    }

    /** Settings; every one has a default that works against {@code bin/mdm demo} on this machine. */
    public static final class Builder implements Cloneable {
        private URI target = URI.create("http://localhost:8080");
        private String username = "demo.operator";
        private String password = "vidyut-demo-pass";
        private List<String> vendors = DEMO_VENDORS;
        private Map<String, String> apiKeys = new LinkedHashMap<>();
        private long seed = 42;
        private int backfillDays;
        private boolean live;
        private double speed = 1;
        private long liveIntervals;
        private int threads = 4;
        private double anomalyRate;
        private boolean events;
        private boolean readings = true;
        private boolean todayFirst;
        private Path anomalyLogFile;
        private VoltaTransportMode voltaTransport = VoltaTransportMode.REST;
        private URI mqttBroker = URI.create("tcp://127.0.0.1:1883");
        private String mqttUsername;
        private String mqttPassword;
        private RetryPolicy retry = RetryPolicy.DEFAULT;
        private int hplMeterDaysPerRequest = 100;
        private int liveMetersPerRequest = 1000;
        private LocalDate registerEpoch = DEFAULT_REGISTER_EPOCH;
        private Clock clock = Clock.systemUTC();
        private Fleet fleet;
        private Transport transportOverride;
        private boolean servePulls;
        private PullSettings pullSettings = PullSettings.onPort(0);
        private Duration commandDelay = Duration.ofSeconds(1);
        private double commandFailureRate;
        private boolean commandCallbacks = true;
        private PrintStream progress;
        private PrintStream diagnostics;

        private Builder() {
        }

        /** The MDM's base URL, e.g. {@code http://localhost:8080}. */
        public Builder target(String url) {
            return target(URI.create(url));
        }

        public Builder target(URI url) {
            String text = url.toString();
            this.target = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            return this;
        }

        /** The MDM user whose token reads the fleet. */
        public Builder credentials(String username, String password) {
            this.username = Objects.requireNonNull(username);
            this.password = Objects.requireNonNull(password);
            return this;
        }

        public Builder vendors(String... codes) {
            return vendors(List.of(codes));
        }

        public Builder vendors(List<String> codes) {
            if (codes.isEmpty()) {
                throw new IllegalArgumentException("at least one vendor is needed");
            }
            this.vendors = List.copyOf(codes);
            return this;
        }

        /** The vendor's HES API key (defaults: the demo keys). */
        public Builder apiKey(String vendorCode, String key) {
            apiKeys.put(vendorCode, key);
            return this;
        }

        public Builder apiKeys(Map<String, String> keys) {
            apiKeys.putAll(keys);
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Push the {@code days} local days before today plus today so far (0: no backfill). */
        public Builder backfill(int days) {
            if (days < 0) {
                throw new IllegalArgumentException("backfill days must be 0 or more");
            }
            this.backfillDays = days;
            return this;
        }

        public Builder backfillDays(int days) {
            return backfill(days);
        }

        /** After any backfill, push each interval as it ends. */
        public Builder live(boolean live) {
            this.live = live;
            return this;
        }

        /** Simulated time runs {@code speed} times real time in live mode. */
        public Builder speed(double speed) {
            if (!(speed > 0)) {
                throw new IllegalArgumentException("speed must be positive");
            }
            this.speed = speed;
            return this;
        }

        /** Stop live mode after this many intervals (0: run until stopped). */
        public Builder liveIntervals(long intervals) {
            this.liveIntervals = intervals;
            return this;
        }

        public Builder threads(int threads) {
            if (threads < 1) {
                throw new IllegalArgumentException("threads must be at least 1");
            }
            this.threads = threads;
            return this;
        }

        /** Probability per opportunity of each anomaly kind (0 … 1; default 0). */
        public Builder anomalyRate(double rate) {
            this.anomalyRate = rate;
            new AnomalyPlan(0, rate);  // validates
            return this;
        }

        /**
         * Also push the meters' events (supply lost and back, tampers, voltage out of band, DT outages) to the MDM's
         * events endpoint: the backfill's, then live ones as they happen. Off by default.
         */
        public Builder events(boolean events) {
            this.events = events;
            return this;
        }

        /**
         * Back-fill today's readings first, then the earlier days oldest first (default: oldest day first), so that
         * today's data is complete early; events are sent first either way, in time order.
         */
        public Builder todayFirst(boolean todayFirst) {
            this.todayFirst = todayFirst;
            return this;
        }

        /** Whether to push readings (default); {@code false} with {@link #events} plays the meters' events alone. */
        public Builder readings(boolean readings) {
            this.readings = readings;
            return this;
        }

        /** JSON-lines file listing every anomaly injected. */
        public Builder anomalyLog(Path file) {
            this.anomalyLogFile = file;
            return this;
        }

        public Builder voltaTransport(VoltaTransportMode mode) {
            this.voltaTransport = Objects.requireNonNull(mode);
            return this;
        }

        public Builder mqttBroker(String uri) {
            this.mqttBroker = URI.create(uri);
            return this;
        }

        public Builder mqttCredentials(String username, String password) {
            this.mqttUsername = username;
            this.mqttPassword = password;
            return this;
        }

        public Builder retry(RetryPolicy retry) {
            this.retry = Objects.requireNonNull(retry);
            return this;
        }

        /** Vendor A backfill batch size (default 100 meter-days per request). */
        public Builder hplMeterDaysPerRequest(int meterDays) {
            this.hplMeterDaysPerRequest = Math.max(1, meterDays);
            return this;
        }

        /** Vendor A live batch size (default 1000 meters per request). */
        public Builder liveMetersPerRequest(int meters) {
            this.liveMetersPerRequest = Math.max(1, meters);
            return this;
        }

        /** Day from which cumulative registers count (default 2026-01-01, or the first simulated day if earlier). */
        public Builder registerEpoch(LocalDate epoch) {
            this.registerEpoch = Objects.requireNonNull(epoch);
            return this;
        }

        /** Where "now" comes from (tests pin it). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** Play this fleet instead of reading one from the MDM (no sign-in then). */
        public Builder fleet(Fleet fleet) {
            this.fleet = fleet;
            return this;
        }

        /** Send every vendor's payloads through this transport instead of HTTP/MQTT (tests, benchmarks). */
        public Builder transport(Transport transport) {
            this.transportOverride = transport;
            return this;
        }

        /**
         * Also answer the MDM's pulls on this port (0: any free port, see {@link Simulator#awaitPullPort}), from
         * the start of {@link Simulator#run()} until {@link Simulator#stop()}, alone or beside a backfill/live run.
         */
        public Builder servePulls(int port) {
            this.pullSettings = pullSettings.withPort(port);
            this.servePulls = true;
            return this;
        }

        /** Address the pull server binds (default 127.0.0.1; 0.0.0.0 for every interface). */
        public Builder pullHost(String host) {
            this.pullSettings = pullSettings.withHost(host);
            return this;
        }

        /** What pull requests must carry in {@code X-Hes-Key} (default {@code hes-secret}). */
        public Builder pullKey(String key) {
            this.pullSettings = pullSettings.withKey(key);
            return this;
        }

        /** Share of pull requests answered 503, deterministic for the seed (default 0). */
        public Builder pullFailureRate(double rate) {
            this.pullSettings = pullSettings.withFailureRate(rate);
            return this;
        }

        /** Wait before answering each pull request (default none). */
        public Builder pullDelay(Duration delay) {
            this.pullSettings = pullSettings.withDelay(delay);
            return this;
        }

        /** How long after acknowledging a command the simulated meter has carried it out (default 1 s). */
        public Builder commandDelay(Duration delay) {
            this.commandDelay = new CommandSettings(delay, 0, null, Map.of()).executeDelay();
            return this;
        }

        /** Share of acknowledged commands the meter fails to carry out, reported FAILED (default 0). */
        public Builder commandFailureRate(double rate) {
            this.commandFailureRate = new CommandSettings(Duration.ZERO, rate, null, Map.of()).failureRate();
            return this;
        }

        /**
         * Whether command results are POSTed to the MDM's callback (the target's /api/v1/commands/{id}/result, with
         * the vendor's API key; default), or commands are carried out before answering and the answer says EXECUTED.
         */
        public Builder commandCallbacks(boolean callbacks) {
            this.commandCallbacks = callbacks;
            return this;
        }

        /** Progress bar and live status lines (the CLI passes stderr); null for none. */
        public Builder progress(PrintStream out) {
            this.progress = out;
            return this;
        }

        /** Error and warning messages (the CLI passes stderr); null for none. */
        public Builder diagnostics(PrintStream out) {
            this.diagnostics = out;
            return this;
        }

        public Simulator build() {
            if (!readings && !events) {
                throw new IllegalStateException("nothing to push: readings are off and events were not asked for");
            }
            if (backfillDays == 0 && !live && !servePulls) {
                throw new IllegalStateException("nothing to do: ask for a backfill of 1 or more days, live mode "
                        + "and/or serving pulls");
            }
            return new Simulator(copy());
        }

        /** The simulator keeps its own copy, so changing the builder afterwards does not reach it. */
        private Builder copy() {
            try {
                Builder copy = (Builder) clone();
                copy.apiKeys = new LinkedHashMap<>(apiKeys);
                return copy;
            } catch (CloneNotSupportedException e) {
                throw new AssertionError(e);
            }
        }
    }
}
