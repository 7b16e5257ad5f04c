package io.vidyut.mdm.vee;

import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.readings.IntervalDay;
import io.vidyut.mdm.readings.ReadingStore;
import io.vidyut.mdm.readings.ReadingStore.RegisterValue;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Checks of a cumulative register read against the read before it: rollover at the register's
 * maximum, a register going backwards, and the sum check (Σ intervals between the two reads vs the
 * register's advance). Both sides carry the same CT/PT multiplier, so the comparison holds for any
 * multiplier; across a multiplier change it does not, and is skipped.
 */
@Component
class RegisterChecks {
    /** Register channels and the interval channel whose sum they must match. */
    static final Map<Channel, Channel> INTERVALS_OF = Map.of(
            Channel.KWH_IMPORT_TOTAL, Channel.KWH_IMPORT, Channel.KWH_EXPORT_TOTAL, Channel.KWH_EXPORT,
            Channel.KVAH_IMPORT_TOTAL, Channel.KVAH_IMPORT, Channel.KVAH_EXPORT_TOTAL, Channel.KVAH_EXPORT);
    /** Reads further apart than this are not sum-checked (a week of intervals is enough to judge). */
    static final Duration LONGEST_SPAN = Duration.ofDays(7);

    /** The cumulative register whose advance a channel's intervals add up to. */
    static Optional<Channel> registerOf(Channel intervals) {
        return INTERVALS_OF.entrySet().stream().filter(e -> e.getValue() == intervals).map(Map.Entry::getKey).findFirst();
    }

    private final ReadingStore store;
    private final JdbcClient jdbc;

    RegisterChecks(ReadingStore store, JdbcClient jdbc) {
        this.store = store;
        this.jdbc = jdbc;
    }

    /** Findings for the register read {@code value} of a cumulative channel at {@code at}. */
    List<Finding> check(MeterProfile meter, Channel register, Instant at, long value, VeeSettings settings, ZoneId zone) {
        List<Finding> findings = new ArrayList<>();
        Optional<RegisterValue> previous = store.registerBefore(meter.meterId(), register, at);
        if (previous.isEmpty()) return findings;
        long earlier = previous.get().value();
        long advance = value - earlier;
        if (advance < 0) {
            long wrap = BigDecimal.valueOf(settings.registerMaximumKwh()).add(register.resolution())
                    .divide(register.resolution(), 0, RoundingMode.HALF_UP).multiply(meter.multiplier())
                    .setScale(0, RoundingMode.HALF_UP).longValueExact();
            boolean rolledOver = earlier >= wrap * settings.rolloverThresholdPercent() / 100.0;
            Map<String, Object> detail = Finding.detail("previous_read_at", previous.get().at().toString(),
                    "previous_value", Finding.value(register, earlier), "value", Finding.value(register, value),
                    "register_maximum_kwh", settings.registerMaximumKwh(), "multiplier", meter.multiplier());
            if (!rolledOver) {
                findings.add(new Finding(meter.meterId(), register, VeeRule.REGISTER_DECREASE, at, at, detail));
                return findings;
            }
            findings.add(new Finding(meter.meterId(), register, VeeRule.REGISTER_ROLLOVER, at, at, detail));
            advance += wrap;
        }
        Channel intervals = INTERVALS_OF.get(register);
        if (Duration.between(previous.get().at(), at).compareTo(LONGEST_SPAN) > 0 || multiplierChanged(meter, register, previous.get().at(), at)) {
            return findings;
        }
        sumCheck(meter, intervals, previous.get().at(), at, advance, settings, zone).ifPresent(findings::add);
        return findings;
    }

    /** The sum check of the register read that closes {@code dayEnd}, if both reads are there. */
    List<Finding> checkDayEnd(MeterProfile meter, Channel register, Instant dayEnd, VeeSettings settings, ZoneId zone) {
        return store.registerBefore(meter.meterId(), register, dayEnd.plusSeconds(1))
                .filter(read -> read.at().equals(dayEnd))
                .map(read -> check(meter, register, dayEnd, read.value(), settings, zone).stream()
                        .filter(f -> f.rule() == VeeRule.SUM_CHECK).toList())
                .orElse(List.of());
    }

    private Optional<Finding> sumCheck(MeterProfile meter, Channel channel, Instant from, Instant to, long advance,
                                       VeeSettings settings, ZoneId zone) {
        List<IntervalDay> days = store.days(meter.meterId(), channel, IntervalDay.dayOf(from, zone, 1).minusDays(1),
                IntervalDay.dayOf(to, zone, 1));
        if (days.isEmpty()) return Optional.empty();
        long sum = 0;
        int count = 0;
        int minutes = days.get(0).intervalMinutes();
        for (IntervalDay day : days) {
            for (int slot = 0; slot < day.slots(); slot++) {
                Instant end = day.slotEnd(slot, zone);
                if (!end.isAfter(from) || end.isAfter(to)) continue;
                if (day.values()[slot] == null) return Optional.empty(); // incomplete: the gap check speaks for it
                sum += day.values()[slot];
                count++;
            }
        }
        long expected = Duration.between(from, to).toMinutes() / minutes;
        if (count < expected || count == 0) return Optional.empty();
        double sumKwh = sum * channel.resolution().doubleValue();
        double advanceKwh = advance * channel.resolution().doubleValue();
        double difference = Math.abs(sumKwh - advanceKwh);
        double allowed = Math.max(Math.abs(advanceKwh) * settings.sumCheckTolerancePercent() / 100.0, settings.sumCheckMinimumKwh());
        if (difference <= allowed) return Optional.empty();
        return Optional.of(new Finding(meter.meterId(), channel, VeeRule.SUM_CHECK, from.plusSeconds(minutes * 60L), to,
                Finding.detail("interval_sum", Finding.rounded(sumKwh), "register_advance", Finding.rounded(advanceKwh), "difference", Finding.rounded(difference),
                        "allowed", Finding.rounded(allowed), "tolerance_percent", settings.sumCheckTolerancePercent(),
                        "intervals", count)));
    }

    private boolean multiplierChanged(MeterProfile meter, Channel register, Instant from, Instant to) {
        return jdbc.sql("""
                        select exists (select 1 from vee_exception where meter_id = ? and channel = ? and rule = 'MULTIPLIER_CHANGE'
                                          and first_at > ? and first_at <= ?)""")
                .params(meter.meterId(), register.code(), java.sql.Timestamp.from(from), java.sql.Timestamp.from(to))
                .query(Boolean.class).single();
    }



}
