package io.vidyut.mdm.simulator.event;

import io.vidyut.mdm.simulator.fleet.MeterRole;
import io.vidyut.mdm.simulator.fleet.SimMeter;
import io.vidyut.mdm.simulator.load.Noise;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The meter events of a fleet as a DISCOM sees them: a consumer's supply lost and back, the odd tamper (a magnet
 * held to the meter, a neutral disturbed, the cover opened), voltage out of band for a while, and now and then a
 * whole DT out, every meter under it failing within half a minute and coming back together.
 *
 * <p>Deterministic for the seed, and independent of how time is cut into windows: each minute draws its own
 * episodes from the seed and the minute alone, so {@code between(a, c)} is {@code between(a, b)} followed by
 * {@code between(b, c)}. An episode's restoration comes in the window its time falls in, however long after the
 * occurrence's window that is.
 */
public final class EventSchedule {
    public static final int POWER_FAILURE = 101;
    public static final int POWER_RESTORED = 102;
    public static final int MAGNET_INFLUENCE = 201;
    public static final int NEUTRAL_DISTURBANCE = 203;
    public static final int COVER_OPEN = 251;
    public static final int OVER_VOLTAGE = 7;
    public static final int LOW_VOLTAGE = 9;

    /**
     * One kind of episode at one meter: its occurrence code, its restoration code (occurrence + 1 in IS 15959, or
     * none), how often it happens per hour per 1,000 consumer meters, and how long it lasts.
     */
    private enum MeterEpisode {
        SUPPLY_LOST(POWER_FAILURE, true, 3.0, 3, 60),
        MAGNET(MAGNET_INFLUENCE, true, 0.25, 2, 20),
        NEUTRAL(NEUTRAL_DISTURBANCE, true, 0.15, 5, 30),
        COVER(COVER_OPEN, false, 0.1, 0, 0),
        LOW_VOLTS(LOW_VOLTAGE, true, 1.0, 10, 60),
        HIGH_VOLTS(OVER_VOLTAGE, true, 0.2, 5, 20);

        final int code;
        final boolean restores;
        final double perHourPerThousand;
        final int shortestMinutes;
        final int longestMinutes;

        MeterEpisode(int code, boolean restores, double perHourPerThousand, int shortestMinutes, int longestMinutes) {
            this.code = code;
            this.restores = restores;
            this.perHourPerThousand = perHourPerThousand;
            this.shortestMinutes = shortestMinutes;
            this.longestMinutes = longestMinutes;
        }
    }

    /** Each DT is out about once in two days, for 10–45 minutes. */
    static final double DT_OUTAGES_PER_HOUR_PER_DT = 1 / 48.0;
    static final int DT_OUTAGE_SHORTEST_MINUTES = 10;
    static final int DT_OUTAGE_LONGEST_MINUTES = 45;
    /** Meters under an out DT log their failure within this of each other (they lose supply together). */
    static final int DT_FAILURE_SPREAD_SECONDS = 30;
    static final int DT_RESTORATION_SPREAD_SECONDS = 60;
    /** How far back an occurrence can lie whose restoration still falls in a window (its minute's spread included). */
    private static final Duration LONGEST_EPISODE = Duration.ofMinutes(2 + Math.max(DT_OUTAGE_LONGEST_MINUTES,
            java.util.Arrays.stream(MeterEpisode.values()).mapToInt(e -> e.longestMinutes).max().orElse(0)));
    private static final long METER_EPISODES = Noise.keyOf("meter-episodes");
    private static final long DT_OUTAGES = Noise.keyOf("dt-outages");

    private final long seed;
    private final List<SimMeter> consumers;
    private final List<List<SimMeter>> metersByDt;
    private final double fleetThousands;

    /** @param meters the meters whose events are played; a DT's meter and its consumers' meters share its outages */
    public EventSchedule(List<SimMeter> meters, long seed) {
        this.seed = seed;
        this.consumers = meters.stream().filter(m -> m.role() == MeterRole.CONSUMER).toList();
        Map<String, List<SimMeter>> byDt = new LinkedHashMap<>();
        for (SimMeter meter : meters) {
            String dt = meter.dtId();
            if (dt != null) byDt.computeIfAbsent(dt, k -> new ArrayList<>()).add(meter);
        }
        this.metersByDt = List.copyOf(byDt.values());
        this.fleetThousands = consumers.size() / 1000.0;
    }


    /** Every event logged at or after {@code from} and before {@code to}, in time order. */
    public List<SimEvent> between(Instant from, Instant to) {
        List<SimEvent> events = new ArrayList<>();
        long firstMinute = Math.floorDiv(from.minus(LONGEST_EPISODE).getEpochSecond(), 60);
        long lastMinute = Math.floorDiv(to.getEpochSecond() - 1, 60);
        for (long minute = firstMinute; minute <= lastMinute; minute++) {
            meterEpisodes(minute, events);
            dtOutages(minute, events);
        }
        events.removeIf(e -> e.at().isBefore(from) || !e.at().isBefore(to));
        events.sort(Comparator.comparing(SimEvent::at).thenComparing(e -> e.meter().serial()));
        return events;
    }

    private void meterEpisodes(long minute, List<SimEvent> events) {
        if (consumers.isEmpty()) return;
        for (MeterEpisode episode : MeterEpisode.values()) {
            int tag = episode.ordinal() * 64;
            int count = occurrences(episode.perHourPerThousand * fleetThousands / 60, METER_EPISODES, minute, tag);
            for (int i = 0; i < count; i++) {
                int draw = tag + 1 + 4 * i;
                SimMeter meter = consumers.get(pick(METER_EPISODES, minute, draw, consumers.size()));
                Instant start = Instant.ofEpochSecond(minute * 60 + below(METER_EPISODES, minute, draw + 1, 60));
                events.add(new SimEvent(meter, start, episode.code));
                if (episode.restores) {
                    long minutes = episode.shortestMinutes + below(METER_EPISODES, minute, draw + 2,
                            episode.longestMinutes - episode.shortestMinutes + 1);
                    events.add(new SimEvent(meter, start.plusSeconds(minutes * 60 + below(METER_EPISODES, minute, draw + 3, 60)),
                            episode.code + 1));
                }
            }
        }
    }

    private void dtOutages(long minute, List<SimEvent> events) {
        if (metersByDt.isEmpty()) return;
        int count = occurrences(DT_OUTAGES_PER_HOUR_PER_DT * metersByDt.size() / 60, DT_OUTAGES, minute, 0);
        for (int i = 0; i < count; i++) {
            int draw = 1 + 3 * i;
            List<SimMeter> meters = metersByDt.get(pick(DT_OUTAGES, minute, draw, metersByDt.size()));
            Instant start = Instant.ofEpochSecond(minute * 60 + below(DT_OUTAGES, minute, draw + 1, 60));
            long minutes = DT_OUTAGE_SHORTEST_MINUTES + below(DT_OUTAGES, minute, draw + 2,
                    DT_OUTAGE_LONGEST_MINUTES - DT_OUTAGE_SHORTEST_MINUTES + 1);
            Instant end = start.plusSeconds(minutes * 60);
            for (SimMeter meter : meters) {
                events.add(new SimEvent(meter, start.plusSeconds(
                        below(meter.key(), minute, draw, DT_FAILURE_SPREAD_SECONDS)), POWER_FAILURE));
                events.add(new SimEvent(meter, end.plusSeconds(
                        below(meter.key(), minute, draw + 1, DT_RESTORATION_SPREAD_SECONDS)), POWER_RESTORED));
            }
        }
    }

    /** How many episodes start in the minute, for an expected {@code perMinute}: its whole part, plus one by chance. */
    private int occurrences(double perMinute, long key, long minute, int tag) {
        int whole = (int) perMinute;
        return whole + (Noise.unit(seed, key, minute, tag) < perMinute - whole ? 1 : 0);
    }

    private int pick(long key, long minute, int tag, int size) {
        return (int) Math.floorMod(Noise.hash(seed, key, minute, tag), (long) size);
    }

    /** A whole number in [0, bound). */
    private long below(long key, long minute, int tag, int bound) {
        return Math.min(bound - 1, (long) (Noise.unit(seed, key, minute, tag) * bound));
    }
}
