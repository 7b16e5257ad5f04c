package io.vidyut.mdm.vee.validation;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.channels.Quality;
import io.vidyut.mdm.readings.ReadingsStored;
import io.vidyut.mdm.readings.IntervalDay;
import io.vidyut.mdm.readings.ReadingStore;
import io.vidyut.mdm.readings.ReadingStore.RegisterValue;
import io.vidyut.mdm.vee.VeeRule;
import io.vidyut.mdm.vee.exceptions.Finding;
import io.vidyut.mdm.vee.settings.MeterProfile;
import io.vidyut.mdm.vee.settings.VeeSettings;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks of a cumulative register read against the read before it: rollover at the register's
 * maximum, a register going backwards, and the sum check (Σ intervals between the two reads vs the
 * register's advance). Both sides carry the same CT/PT multiplier, so the comparison holds for any
 * multiplier; across a multiplier change it does not, and is skipped. A sum check over a span holding
 * estimates only informs, unless the actual intervals alone exceed the advance: an estimate's error
 * never withholds actual readings.
 */
@Component
public class RegisterChecks {
    /** Register channels and the interval channel whose sum they must match. */
    static final Map<Channel, Channel> INTERVALS_OF = Map.of(
            Channel.KWH_IMPORT_TOTAL, Channel.KWH_IMPORT, Channel.KWH_EXPORT_TOTAL, Channel.KWH_EXPORT,
            Channel.KVAH_IMPORT_TOTAL, Channel.KVAH_IMPORT, Channel.KVAH_EXPORT_TOTAL, Channel.KVAH_EXPORT);
    /** Reads further apart than this are not sum-checked (a week of intervals is enough to judge). */
    static final Duration LONGEST_SPAN = Duration.ofDays(7);

    /** The cumulative register whose advance a channel's intervals add up to. */
    public static Optional<Channel> registerOf(Channel intervals) {
        return INTERVALS_OF.entrySet().stream().filter(e -> e.getValue() == intervals).map(Map.Entry::getKey).findFirst();
    }

    private final ReadingStore store;
    private final JdbcClient jdbc;

    private record RegisterKey(UUID tenantId, UUID meterId, Channel channel) {}

    private record MeterKey(UUID tenantId, UUID meterId) {}

    /**
     * The latest read of each cumulative register this instance stored: the read before the next
     * one, without a query, as long as reads arrive in order (the pipeline keeps a meter on one
     * consumer); anything older than the remembered read is looked up.
     */
    private final Cache<RegisterKey, RegisterValue> latest = Caffeine.newBuilder().maximumSize(1_000_000).build();
    /**
     * Registers known to have no read before an instant (a new meter's first reads): without this
     * each first read would ask the store for a read that is not there.
     */
    private final Cache<RegisterKey, Instant> noReadBefore = Caffeine.newBuilder().maximumSize(1_000_000).build();
    /** Whether a meter ever had its multiplier changed (rare: most meters never need the range query). */
    private final Cache<MeterKey, Boolean> multiplierEverChanged = Caffeine.newBuilder().maximumSize(1_000_000).build();

    RegisterChecks(ReadingStore store, JdbcClient jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    /**
     * Learns, in one query each, what the checks of these reads would otherwise ask one register
     * and one meter at a time: the read before each register's earliest read here, and whether the
     * meter's multiplier ever changed.
     */
    void preload(UUID tenantId, List<io.vidyut.mdm.readings.Reading> reads) {
        Map<RegisterKey, Instant> earliest = new LinkedHashMap<>();
        for (io.vidyut.mdm.readings.Reading read : reads) {
            if (!INTERVALS_OF.containsKey(read.channel())) continue;
            earliest.merge(new RegisterKey(tenantId, read.meterId(), read.channel()), read.at(), (a, b) -> a.isBefore(b) ? a : b);
        }
        earliest.entrySet().removeIf(e -> known(e.getKey(), e.getValue()));
        if (earliest.isEmpty()) return;
        List<ReadingStore.RegisterQuery> queries = earliest.entrySet().stream()
                .map(e -> new ReadingStore.RegisterQuery(e.getKey().meterId(), e.getKey().channel(), e.getValue())).toList();
        Map<ReadingStore.RegisterQuery, RegisterValue> found = store.registersBefore(queries);
        for (ReadingStore.RegisterQuery query : queries) {
            RegisterKey key = new RegisterKey(tenantId, query.meterId(), query.channel());
            RegisterValue before = found.get(query);
            if (before == null) noReadBefore.put(key, query.before());
            else latest.asMap().merge(key, before, (a, b) -> a.at().isAfter(b.at()) ? a : b);
        }
        List<UUID> meters = earliest.keySet().stream().map(RegisterKey::meterId).distinct()
                .filter(meter -> multiplierEverChanged.getIfPresent(new MeterKey(tenantId, meter)) == null).toList();
        if (meters.isEmpty()) return;
        java.util.Set<UUID> changed = new java.util.HashSet<>(jdbc.sql("""
                        select distinct meter_id from vee_exception where meter_id = any(?) and rule = 'MULTIPLIER_CHANGE'""")
                .param(meters.toArray(UUID[]::new)).query(UUID.class).list());
        meters.forEach(meter -> multiplierEverChanged.asMap().putIfAbsent(new MeterKey(tenantId, meter), changed.contains(meter)));
    }

    /** Whether the read before {@code at} is known without the store. */
    private boolean known(RegisterKey key, Instant at) {
        RegisterValue remembered = latest.getIfPresent(key);
        if (remembered != null && remembered.at().isBefore(at)) return true;
        Instant none = noReadBefore.getIfPresent(key);
        return none != null && !at.isAfter(none);
    }

    void multiplierChanged(UUID tenantId, UUID meterId) {
        multiplierEverChanged.put(new MeterKey(tenantId, meterId), true);
    }

    /**
     * Findings for the register read {@code value} of a cumulative channel at {@code at}, stored by
     * {@code stored} (whose day rows the sum check uses before asking the store).
     */
    List<Finding> check(MeterProfile meter, Channel register, Instant at, long value, VeeSettings settings, ReadingsStored stored) {
        List<Finding> findings = new ArrayList<>();
        RegisterKey key = new RegisterKey(stored.tenantId(), meter.meterId(), register);
        Optional<RegisterValue> previous = previous(key, at);
        RegisterValue remembered = latest.getIfPresent(key);
        if (remembered == null || remembered.at().isBefore(at)) latest.put(key, new RegisterValue(at, value, 0));
        noReadBefore.asMap().computeIfPresent(key, (k, none) -> at.isBefore(none) ? at : none);
        if (previous.isEmpty()) return findings;
        ZoneId zone = stored.zone();
        long earlier = previous.get().value();
        long advance = value - earlier;
        if (advance < 0) {
            long wrap = register.toUnits(BigDecimal.valueOf(settings.registerMaximumKwh()).add(register.resolution()))
                    .multiply(meter.multiplier())
                    .setScale(0, RoundingMode.HALF_UP).longValueExact();
            boolean rolledOver = earlier >= wrap * settings.rolloverThresholdPercent() / 100.0;
            Map<String, Object> detail = Finding.detail("previous_read_at", previous.get().at().toString(),
                    "previous_value", Finding.value(register, earlier), "value", Finding.value(register, value),
                    "register_maximum_kwh", settings.registerMaximumKwh(), "multiplier", meter.multiplier());
            if (!rolledOver) {
                findings.add(new Finding(meter.meterId(), register, VeeRule.REGISTER_DECREASE, at, at, detail,
                        settings.blocks(VeeRule.REGISTER_DECREASE)));
                return findings;
            }
            findings.add(new Finding(meter.meterId(), register, VeeRule.REGISTER_ROLLOVER, at, at, detail,
                    settings.blocks(VeeRule.REGISTER_ROLLOVER)));
            advance += wrap;
        }
        Channel intervals = INTERVALS_OF.get(register);
        if (Duration.between(previous.get().at(), at).compareTo(LONGEST_SPAN) > 0
                || multiplierChanged(stored.tenantId(), meter, register, previous.get().at(), at)) {
            return findings;
        }
        sumCheck(meter, intervals, previous.get().at(), at, advance, settings, stored).ifPresent(findings::add);
        return findings;
    }

    /** The sum check of the register read that closes {@code dayEnd}, if both reads are there. */
    List<Finding> checkDayEnd(MeterProfile meter, Channel register, Instant dayEnd, VeeSettings settings, ReadingsStored stored) {
        RegisterKey key = new RegisterKey(stored.tenantId(), meter.meterId(), register);
        RegisterValue remembered = latest.getIfPresent(key);
        if (remembered != null && remembered.at().isBefore(dayEnd)) return List.of(); // the closing read has not come yet
        Instant none = noReadBefore.getIfPresent(key);
        if (remembered == null && none != null && none.isAfter(dayEnd)) return List.of();
        Optional<RegisterValue> closing = remembered != null && remembered.at().equals(dayEnd) ? Optional.of(remembered)
                : store.registerBefore(meter.meterId(), register, dayEnd.plusSeconds(1)).filter(read -> read.at().equals(dayEnd));
        return closing.map(read -> check(meter, register, dayEnd, read.value(), settings, stored).stream()
                        .filter(f -> f.rule() == VeeRule.SUM_CHECK).toList())
                .orElse(List.of());
    }

    private Optional<RegisterValue> previous(RegisterKey key, Instant at) {
        RegisterValue remembered = latest.getIfPresent(key);
        if (remembered != null && remembered.at().isBefore(at)) return Optional.of(remembered);
        Instant none = noReadBefore.getIfPresent(key);
        if (none != null && !at.isAfter(none)) return Optional.empty();
        return store.registerBefore(key.meterId(), key.channel(), at);
    }

    private Optional<Finding> sumCheck(MeterProfile meter, Channel channel, Instant from, Instant to, long advance,
                                       VeeSettings settings, ReadingsStored stored) {
        ZoneId zone = stored.zone();
        // the days holding the intervals that end in (from, to]: one day for daily reads, found in the write itself
        List<IntervalDay> days = days(meter, channel, IntervalDay.dayOf(from.plusSeconds(60), zone, 1), IntervalDay.dayOf(to, zone, 1), stored);
        if (days.isEmpty()) return Optional.empty();
        long sum = 0, estimatedSum = 0;
        int count = 0, estimated = 0;
        int minutes = days.get(0).intervalMinutes();
        for (IntervalDay day : days) {
            for (int slot = 0; slot < day.slots(); slot++) {
                Instant end = day.slotEnd(slot, zone);
                if (!end.isAfter(from) || end.isAfter(to)) continue;
                if (day.values()[slot] == null) return Optional.empty(); // incomplete: the gap check speaks for it
                sum += day.values()[slot];
                count++;
                if ((day.quality()[slot] & Quality.ESTIMATED.bit()) != 0) {
                    estimatedSum += day.values()[slot];
                    estimated++;
                }
            }
        }
        long expected = Duration.between(from, to).toMinutes() / minutes;
        if (count < expected || count == 0) return Optional.empty();
        double resolution = channel.resolution().doubleValue();
        double sumKwh = sum * resolution;
        double advanceKwh = advance * resolution;
        double difference = Math.abs(sumKwh - advanceKwh);
        double allowed = Math.max(Math.abs(advanceKwh) * settings.sumCheckTolerancePercent() / 100.0, settings.sumCheckMinimumKwh());
        if (difference <= allowed) return Optional.empty();
        Map<String, Object> detail = Finding.detail("interval_sum", Finding.rounded(sumKwh), "register_advance",
                Finding.rounded(advanceKwh), "difference", Finding.rounded(difference), "allowed", Finding.rounded(allowed),
                "tolerance_percent", settings.sumCheckTolerancePercent(), "intervals", count);
        boolean blocking = settings.blocks(VeeRule.SUM_CHECK);
        if (estimated > 0) {
            // An estimate's error must not withhold actual readings: with estimates in the span the check only
            // informs, unless the actual intervals alone already exceed the advance (estimates are never negative,
            // so then the actuals are wrong whatever the estimates hold).
            double actualKwh = (sum - estimatedSum) * resolution;
            blocking &= actualKwh - advanceKwh > allowed;
            detail.put("estimated_intervals", estimated);
            detail.put("actual_sum", Finding.rounded(actualKwh));
        }
        return Optional.of(new Finding(meter.meterId(), channel, VeeRule.SUM_CHECK, from.plusSeconds(minutes * 60L), to, detail, blocking));
    }

    /** The day rows from first to last: those this write stored come from its event, the rest from the store. */
    private List<IntervalDay> days(MeterProfile meter, Channel channel, java.time.LocalDate first, java.time.LocalDate last,
                                   ReadingsStored stored) {
        java.util.Map<java.time.LocalDate, IntervalDay> inEvent = new java.util.HashMap<>();
        for (ReadingsStored.Change change : stored.changes()) {
            IntervalDay day = change.after();
            if (day.meterId().equals(meter.meterId()) && day.channel() == channel && !day.day().isBefore(first) && !day.day().isAfter(last)) {
                inEvent.put(day.day(), day);
            }
        }
        long span = last.toEpochDay() - first.toEpochDay() + 1;
        if (inEvent.size() == span) return new ArrayList<>(new java.util.TreeMap<>(inEvent).values());
        java.util.Map<java.time.LocalDate, IntervalDay> all = new java.util.TreeMap<>();
        store.days(meter.meterId(), channel, first, last).forEach(day -> all.put(day.day(), day));
        all.putAll(inEvent);
        return new ArrayList<>(all.values());
    }

    private boolean multiplierChanged(UUID tenantId, MeterProfile meter, Channel register, Instant from, Instant to) {
        boolean ever = multiplierEverChanged.get(new MeterKey(tenantId, meter.meterId()), key -> jdbc.sql("""
                        select exists (select 1 from vee_exception where meter_id = ? and rule = 'MULTIPLIER_CHANGE')""")
                .param(meter.meterId()).query(Boolean.class).single());
        if (!ever) return false;
        return jdbc.sql("""
                        select exists (select 1 from vee_exception where meter_id = ? and channel = ? and rule = 'MULTIPLIER_CHANGE'
                                          and first_at > ? and first_at <= ?)""")
                .params(meter.meterId(), register.code(), java.sql.Timestamp.from(from), java.sql.Timestamp.from(to))
                .query(Boolean.class).single();
    }
}
