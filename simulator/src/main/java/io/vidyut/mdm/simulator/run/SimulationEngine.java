package io.vidyut.mdm.simulator.run;

import io.vidyut.mdm.simulator.BackfillProgress;
import io.vidyut.mdm.simulator.anomaly.AnomalyInjector;
import io.vidyut.mdm.simulator.event.EventSchedule;
import io.vidyut.mdm.simulator.fleet.SimMeter;
import io.vidyut.mdm.simulator.load.FleetDay;
import io.vidyut.mdm.simulator.load.FleetDayCalculator;
import io.vidyut.mdm.simulator.load.IntervalClock;
import io.vidyut.mdm.simulator.payload.MeterDay;
import io.vidyut.mdm.simulator.payload.MeterDayAssembler;
import io.vidyut.mdm.simulator.payload.Payload;
import io.vidyut.mdm.simulator.payload.WireFormat;
import io.vidyut.mdm.simulator.transport.Delivery;
import io.vidyut.mdm.simulator.transport.Transport;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

/**
 * Drives the simulation: computes each day of the fleet, cuts it into per-vendor blocks, and hands the blocks to
 * sender threads that assemble readings, inject anomalies, build the vendor's payloads and deliver them; with an
 * event schedule, also sends the meters' events (each back-filled day's before its readings, live ones as they
 * happen on a thread of their own).
 */
public final class SimulationEngine implements AutoCloseable {
    /**
     * @param hplMeterDaysPerRequest vendor A backfill batch size (meter-days per request)
     * @param liveMetersPerRequest   vendor A live batch size (meters per request, one interval each); also how
     *                               many meters one sender task handles for vendors B and C
     * @param todayFirst             back-fill today's readings before the earlier days' (the demo: today's
     *                               completeness fills at once), else oldest day first
     */
    public record Settings(int threads, int hplMeterDaysPerRequest, int liveMetersPerRequest, PrintStream progress,
                           boolean todayFirst) {
    }

    private final Map<String, WireFormat> formats;
    private final Map<String, List<SimMeter>> metersByVendor;
    private final FleetDayCalculator calculator;
    private final MeterDayAssembler assembler;
    private final AnomalyInjector injector;
    private final Map<String, Transport> transports;
    private final StatsCounter stats;
    private final Settings settings;
    private final SendPool pool;
    private final LateQueue late = new LateQueue();
    private final PayloadBuilder payloads = new PayloadBuilder();
    private final EventFeed events;
    private volatile BackfillRun backfill;

    /** The backfill under way or done: its days, its progress bar (which counts the blocks), and once done how long it took. */
    private record BackfillRun(LocalDate firstDay, LocalDate lastDay, ProgressBar bar, Duration took) {}
    /** Checked between payloads too, so Ctrl-C in a long backfill day does not wait for the whole day. */
    private volatile BooleanSupplier stop = () -> false;

    /**
     * @param formats    the simulated vendors and their wire formats
     * @param transports vendor → how its payloads travel
     * @param events     the meters' events to send, or null for none
     */
    public SimulationEngine(Map<String, WireFormat> formats, List<SimMeter> meters, FleetDayCalculator calculator,
                            MeterDayAssembler assembler, AnomalyInjector injector, Map<String, Transport> transports,
                            StatsCounter stats, Settings settings, EventSchedule events) {
        this.formats = Map.copyOf(formats);
        this.metersByVendor = new LinkedHashMap<>();
        for (SimMeter meter : meters) {
            if (formats.containsKey(meter.vendorCode())) {
                metersByVendor.computeIfAbsent(meter.vendorCode(), k -> new ArrayList<>()).add(meter);
            }
        }
        this.calculator = calculator;
        this.assembler = assembler;
        this.injector = injector;
        this.transports = Map.copyOf(transports);
        this.stats = stats;
        this.settings = settings;
        this.pool = new SendPool(settings.threads(), stats);
        this.events = events == null ? null : new EventFeed(events, this.formats, this.transports, stats);
    }

    /**
     * Every interval from the start of {@code firstDay} to {@code endBoundary}, oldest day first (or today first,
     * see {@link Settings#todayFirst}), and beside them every event in time order, as fast as the MDM takes them. Late (held-back) readings are released as simulated time passes them; those still due after
     * {@code endBoundary} are kept for live mode when {@code keepLateForLive}, else sent at the end.
     */
    public void backfill(LocalDate firstDay, Instant endBoundary, boolean keepLateForLive, BooleanSupplier stop) {
        this.stop = stop;
        LocalDate lastDay = IntervalClock.dayOf(endBoundary);
        int lastDayIntervals = IntervalClock.indexOf(endBoundary) + 1;
        Instant backfillStart = IntervalClock.dayStart(firstDay);
        long eventWindows = events == null ? 0 : EventFeed.windows(backfillStart, endBoundary, EventFeed.BACKFILL_WINDOW);
        ProgressBar progress = new ProgressBar(settings.progress(), "backfill",
                countBackfillTasks(firstDay, lastDay) + eventWindows, stats::valuesSent);
        backfill = new BackfillRun(firstDay, lastDay, progress, null);
        // the events travel beside the readings, on a thread of their own and in time order whatever the order of
        // the readings: the MDM judges an outage from the latest power event of each meter, which a later day's
        // events sent first would spoil
        Thread eventThread = events == null ? null : startThread("simulator-backfill-events", () -> events.sendBetween(
                backfillStart, endBoundary, EventFeed.BACKFILL_WINDOW, stop, progress::step));
        for (LocalDate day : backfillOrder(firstDay, lastDay)) {
            if (stop.getAsBoolean()) {
                break;
            }
            FleetDay fleetDay = calculator.compute(day);
            int to = day.equals(lastDay) ? lastDayIntervals : IntervalClock.PER_DAY;
            boolean complete = to == IntervalClock.PER_DAY;
            for (var vendor : metersByVendor.entrySet()) {
                WireFormat format = formats.get(vendor.getKey());
                int chunk = format == WireFormat.HPL_JSON ? settings.hplMeterDaysPerRequest() : 1;
                for (List<SimMeter> meters : chunks(vendor.getValue(), chunk)) {
                    if (stop.getAsBoolean()) {
                        break;
                    }
                    pool.submit(() -> {
                        sendBlock(vendor.getKey(), format, meters, fleetDay, 0, to, complete);
                        progress.step();
                    });
                }
            }
            Instant simulatedNow = day.equals(lastDay) ? endBoundary : IntervalClock.dayStart(day.plusDays(1));
            // the day's blocks hold back their late readings while they run: release only once all are in,
            // so the same seed always sends the same late payloads
            pool.awaitIdle();
            sendLate(late.releaseDue(simulatedNow));
        }
        pool.awaitIdle();
        if (eventThread != null) {
            joinQuietly(eventThread);
        }
        progress.finish();
        if (!stop.getAsBoolean()) {
            backfill = new BackfillRun(firstDay, lastDay, progress, progress.elapsed());
        }
        if (!keepLateForLive && !stop.getAsBoolean()) {
            flushLate();
        }
    }

    /** Oldest day first, or (settings.todayFirst) the last day, then the others oldest first. */
    private List<LocalDate> backfillOrder(LocalDate firstDay, LocalDate lastDay) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
            days.add(day);
        }
        if (settings.todayFirst()) {
            days.remove(lastDay);
            days.add(0, lastDay);
        }
        return days;
    }

    /**
     * At every interval boundary after {@code startBoundary} (simulated time runs {@code speed} times real time
     * from {@code clock}'s now), sends the interval just ended for every meter, until {@code stop} says so or
     * {@code maxIntervals} have gone (≤ 0: no limit).
     */
    public void live(Instant startBoundary, Clock clock, double speed, long maxIntervals, BooleanSupplier stop) {
        this.stop = stop;
        Instant simulatedStart = clock.instant();
        long realStart = System.nanoTime();
        AtomicBoolean liveOver = new AtomicBoolean();
        Thread eventThread = events == null ? null : startLiveEvents(startBoundary, simulatedStart, realStart, speed,
                maxIntervals, () -> liveOver.get() || stop.getAsBoolean());
        Instant cursor = startBoundary;
        FleetDay fleetDay = null;
        for (long tick = 0; (maxIntervals <= 0 || tick < maxIntervals) && !stop.getAsBoolean(); tick++) {
            Instant next = cursor.plusSeconds(IntervalClock.SECONDS);
            if (!waitUntil(next, simulatedStart, realStart, speed, stop)) {
                break;
            }
            LocalDate day = IntervalClock.dayOf(next);
            int index = IntervalClock.indexOf(next);
            if (fleetDay == null || !fleetDay.day().equals(day)) {
                fleetDay = calculator.compute(day);
            }
            FleetDay today = fleetDay;
            boolean midnight = index == IntervalClock.PER_DAY - 1;
            long before = stats.valuesSent();
            for (var vendor : metersByVendor.entrySet()) {
                WireFormat format = formats.get(vendor.getKey());
                for (List<SimMeter> meters : chunks(vendor.getValue(), settings.liveMetersPerRequest())) {
                    pool.submit(() -> sendBlock(vendor.getKey(), format, meters, today, index, index + 1, midnight));
                }
            }
            sendLate(late.releaseDue(next));
            pool.awaitIdle();
            if (settings.progress() != null) {
                settings.progress().printf("live %s: %,d values sent%n",
                        OffsetDateTime.ofInstant(next, IntervalClock.IST), stats.valuesSent() - before);
            }
            cursor = next;
        }
        pool.awaitIdle();
        if (eventThread != null) {
            liveOver.set(true);  // not an interrupt: that would cut an event push in half and count it failed
            joinQuietly(eventThread);
        }
    }

    /**
     * Sends the events of each half minute once it has passed, from {@code startBoundary} (the backfill sent those
     * before it), on a thread of its own: events go out as they happen, not with the interval's readings.
     */
    private Thread startLiveEvents(Instant startBoundary, Instant simulatedStart, long realStart, double speed,
                                   long maxIntervals, BooleanSupplier stop) {
        Instant end = maxIntervals > 0 ? startBoundary.plusSeconds(maxIntervals * IntervalClock.SECONDS) : Instant.MAX;
        return startThread("simulator-live-events", () -> {
            for (Instant cursor = startBoundary; cursor.isBefore(end) && !stop.getAsBoolean(); ) {
                Instant next = cursor.plus(EventFeed.LIVE_WINDOW);
                if (!waitUntil(next, simulatedStart, realStart, speed, stop)) {
                    return;
                }
                events.sendBetween(cursor, next, EventFeed.LIVE_WINDOW, stop);
                cursor = next;
            }
        });
    }

    private static Thread startThread(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How far the backfill has come; null before it began (or when there is none). */
    public BackfillProgress backfillProgress() {
        BackfillRun run = backfill;
        if (run == null) return null;
        int meters = metersByVendor.values().stream().mapToInt(List::size).sum();
        return new BackfillProgress(meters, run.firstDay(), run.lastDay(), run.bar().done(), run.bar().total(),
                run.took() != null ? run.took() : run.bar().elapsed(), run.took() != null);
    }

    /** Sends every held-back reading now. */
    public void flushLate() {
        sendLate(late.releaseAll());
        pool.awaitIdle();
    }

    public int lateWaiting() {
        return late.size();
    }

    private void sendBlock(String vendor, WireFormat format, List<SimMeter> meters, FleetDay fleetDay, int from,
                           int to, boolean withRegister) {
        List<MeterDay> onTime = new ArrayList<>(meters.size());
        for (SimMeter meter : meters) {
            MeterDay clean = assembler.assemble(meter, fleetDay, from, to,
                    withRegister && format == WireFormat.HPL_JSON);
            AnomalyInjector.Result result = injector.apply(clean);
            if (result.late() != null) {
                late.add(result.releaseAt(), result.late());
            }
            onTime.add(result.onTime());
        }
        for (Payload payload : payloads.build(vendor, format, onTime)) {
            if (stop.getAsBoolean()) {
                return;
            }
            send(payload);
        }
    }

    private void sendLate(List<MeterDay> released) {
        Map<String, List<MeterDay>> byVendor = new LinkedHashMap<>();
        for (MeterDay meterDay : released) {
            byVendor.computeIfAbsent(meterDay.meter().vendorCode(), k -> new ArrayList<>()).add(meterDay);
        }
        for (var vendor : byVendor.entrySet()) {
            WireFormat format = formats.get(vendor.getKey());
            int chunk = format == WireFormat.HPL_JSON ? settings.hplMeterDaysPerRequest() : 1;
            for (List<MeterDay> group : chunks(vendor.getValue(), chunk)) {
                pool.submit(() -> payloads.build(vendor.getKey(), format, group).forEach(this::send));
            }
        }
    }

    private void send(Payload payload) {
        Transport transport = transports.get(payload.vendorCode());
        Delivery delivery = transport.deliver(payload);
        stats.record(payload, delivery);
        if (injector.duplicate(payload)) {
            stats.record(payload, transport.deliver(payload));
        }
    }

    private long countBackfillTasks(LocalDate firstDay, LocalDate lastDay) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(firstDay, lastDay) + 1;
        long perDay = 0;
        for (var vendor : metersByVendor.entrySet()) {
            int chunk = formats.get(vendor.getKey()) == WireFormat.HPL_JSON ? settings.hplMeterDaysPerRequest() : 1;
            perDay += (vendor.getValue().size() + chunk - 1) / chunk;
        }
        return days * perDay;
    }

    private static boolean waitUntil(Instant target, Instant simulatedStart, long realStart, double speed,
                                     BooleanSupplier stop) {
        while (!stop.getAsBoolean()) {
            double simulatedNanos = (System.nanoTime() - realStart) * speed;
            Instant simulatedNow = simulatedStart.plusNanos((long) simulatedNanos);
            if (!simulatedNow.isBefore(target)) {
                return true;
            }
            long waitNanos = (long) (Duration.between(simulatedNow, target).toNanos() / speed);
            try {
                Thread.sleep(Math.max(1, Math.min(waitNanos / 1_000_000, 200)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int i = 0; i < items.size(); i += size) {
            chunks.add(items.subList(i, Math.min(items.size(), i + size)));
        }
        return chunks;
    }

    @Override
    public void close() {
        pool.close();
    }
}
