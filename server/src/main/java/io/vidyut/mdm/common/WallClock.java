package io.vidyut.mdm.common;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An instant's local day and time of day in a zone, computed once per value on the ingest path. Most
 * tenant zones (IST among them) have kept one offset for decades: for instants after a zone's last
 * change this is plain arithmetic, where {@code instant.atZone(zone)} would build a date-time each
 * time. Zones that still change their clocks go the general way.
 */
public final class WallClock {
    private static final long SECONDS_PER_DAY = 86_400;
    /** Per zone, the offset in force for good and the instant it took effect; absent for zones with daylight saving. */
    private static final Map<ZoneId, FinalOffset> FINAL_OFFSETS = new ConcurrentHashMap<>();

    private record FinalOffset(long since, int seconds) {
        static final FinalOffset NONE = new FinalOffset(Long.MAX_VALUE, 0);

        static FinalOffset of(ZoneId zone) {
            ZoneRules rules = zone.getRules();
            if (rules.isFixedOffset()) return new FinalOffset(Long.MIN_VALUE, rules.getOffset(Instant.EPOCH).getTotalSeconds());
            if (!rules.getTransitionRules().isEmpty()) return NONE;
            List<ZoneOffsetTransition> transitions = rules.getTransitions();
            if (transitions.isEmpty()) return new FinalOffset(Long.MIN_VALUE, rules.getOffset(Instant.EPOCH).getTotalSeconds());
            ZoneOffsetTransition last = transitions.get(transitions.size() - 1);
            return new FinalOffset(last.toEpochSecond(), last.getOffsetAfter().getTotalSeconds());
        }
    }

    private WallClock() {}

    /** The local date-time of the instant, counted in seconds from 1970-01-01T00:00 local. */
    public static long localEpochSecond(Instant at, ZoneId zone) {
        FinalOffset offset = FINAL_OFFSETS.computeIfAbsent(zone, FinalOffset::of);
        long second = at.getEpochSecond();
        if (second >= offset.since()) return second + offset.seconds();
        return at.atZone(zone).toLocalDateTime().toEpochSecond(ZoneOffset.UTC);
    }

    public static LocalDate day(Instant at, ZoneId zone) {
        return LocalDate.ofEpochDay(Math.floorDiv(localEpochSecond(at, zone), SECONDS_PER_DAY));
    }

    /** Seconds since local midnight (whole seconds; the fraction is dropped). */
    public static int secondOfDay(Instant at, ZoneId zone) {
        return (int) Math.floorMod(localEpochSecond(at, zone), SECONDS_PER_DAY);
    }
}
