package io.vidyut.mdm.alarms;

import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.meters.Meter;
import io.vidyut.mdm.meters.MeterService;
import io.vidyut.mdm.readings.IntervalDay;
import io.vidyut.mdm.readings.ReadingsStored;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Power-quality limits on stored readings: the interval average voltages (R, Y, B) of each write are held
 * against the tenant's limits around the meter's nominal phase voltage (230 V; 110/√3 ≈ 63.5 V on the
 * secondary side of a PT-operated meter). A value more than {@code voltage_high_percent} above raises (or
 * repeats) the meter's over-voltage alarm, more than {@code voltage_low_percent} below its low-voltage alarm
 * (POWER_QUALITY, codes 7 and 9 as the IS 15959 events, subjects of their own); values under half the nominal
 * are a supply failure, not a power-quality matter, and are ignored. An alarm is resolved by {@code system}
 * when the latest interval of a later write is back within the limits.
 *
 * <p>Runs inside the storing transaction (after {@link ReadingsStored}), in a savepoint: a failure here is
 * logged and the readings are stored all the same.
 */
@Component
class VoltageQuality {
    private static final Logger log = LoggerFactory.getLogger(VoltageQuality.class);
    static final Set<Channel> VOLTAGES = Set.of(Channel.VOLTAGE_R_AVG, Channel.VOLTAGE_Y_AVG, Channel.VOLTAGE_B_AVG);
    static final double LT_NOMINAL = 230.0;
    static final double PT_SECONDARY_NOMINAL = 110.0 / Math.sqrt(3);
    /** The IS 15959 over-voltage and low-voltage occurrence codes the alarms carry. */
    static final int OVER_VOLTAGE = 7;
    static final int LOW_VOLTAGE = 9;

    private final AlarmRulesStore rules;
    private final Alarms alarms;
    private final MeterService meters;
    private final TransactionTemplate nested;

    VoltageQuality(AlarmRulesStore rules, Alarms alarms, MeterService meters, PlatformTransactionManager transactions) {
        this.rules = rules;
        this.alarms = alarms;
        this.meters = meters;
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    /** One stored average voltage. */
    private record Sample(Instant end, String phase, double volts) {}

    @EventListener
    void on(ReadingsStored stored) {
        Map<UUID, List<Sample>> byMeter = new LinkedHashMap<>();
        for (ReadingsStored.Change change : stored.changes()) {
            IntervalDay day = change.after();
            if (!VOLTAGES.contains(day.channel())) continue;
            BigDecimal resolution = day.channel().resolution();
            String phase = day.channel().name().substring("VOLTAGE_".length(), "VOLTAGE_".length() + 1);
            for (int slot = change.written().nextSetBit(0); slot >= 0; slot = change.written().nextSetBit(slot + 1)) {
                Integer value = day.values()[slot];
                if (value == null) continue;
                byMeter.computeIfAbsent(day.meterId(), k -> new ArrayList<>()).add(new Sample(day.slotEnd(slot, stored.zone()),
                        phase, resolution.multiply(BigDecimal.valueOf(value)).doubleValue()));
            }
        }
        if (byMeter.isEmpty()) return;
        AlarmRules tenantRules = rules.current();
        if (!tenantRules.voltageChecks()) return;
        Map<UUID, Meter> metersById = new java.util.HashMap<>();
        meters.getAll(byMeter.keySet()).forEach(meter -> metersById.put(meter.id(), meter));
        Map<String, Alarm> open = alarms.unresolved(byMeter.keySet().stream()
                .flatMap(meter -> java.util.stream.Stream.of(subject(meter, true), subject(meter, false))).toList());
        List<Runnable> changes = new ArrayList<>();
        byMeter.forEach((meterId, samples) -> {
            Meter meter = metersById.get(meterId);
            if (meter == null) return;
            double nominal = meter.ptRatio() != null && meter.ptRatio().compareTo(BigDecimal.ONE) > 0
                    ? PT_SECONDARY_NOMINAL : LT_NOMINAL;
            List<Sample> powered = samples.stream().filter(s -> s.volts() >= nominal / 2)
                    .sorted(Comparator.comparing(Sample::end)).toList();
            if (powered.isEmpty()) return;
            judge(meter, powered, true, nominal * (1 + tenantRules.voltageHighPercent() / 100), open, changes);
            judge(meter, powered, false, nominal * (1 - tenantRules.voltageLowPercent() / 100), open, changes);
        });
        // the usual write is within limits with no alarm open: two queries, and no savepoint
        if (changes.isEmpty()) return;
        try {
            nested.executeWithoutResult(status -> changes.forEach(Runnable::run));
        } catch (RuntimeException e) {
            log.error("Voltage alarms could not be raised or resolved; the readings are stored all the same", e);
        }
    }

    private static String subject(UUID meterId, boolean over) {
        return "meter:" + meterId + ":voltage-" + (over ? "high" : "low");
    }

    /** Adds to {@code changes} the raise of a breach and the resolution of an open alarm the latest interval clears. */
    private void judge(Meter meter, List<Sample> samples, boolean over, double limit, Map<String, Alarm> open,
                       List<Runnable> changes) {
        String subject = subject(meter.id(), over);
        List<Sample> beyond = samples.stream().filter(s -> over ? s.volts() > limit : s.volts() < limit).toList();
        if (!beyond.isEmpty()) {
            Sample worst = beyond.stream().max(Comparator.comparingDouble(s -> over ? s.volts() : -s.volts())).orElseThrow();
            String title = String.format(Locale.ROOT, "%s from readings: %.1f V on phase %s (limit %.1f V)",
                    over ? "Over-voltage" : "Low voltage", worst.volts(), worst.phase(), limit);
            changes.add(() -> alarms.raise(new Alarms.Raise(AlarmKind.POWER_QUALITY, over ? "MAJOR" : "MINOR", subject, title,
                    meter.id(), null, over ? OVER_VOLTAGE : LOW_VOLTAGE, null, beyond.get(0).end())));
        }
        Instant latest = samples.get(samples.size() - 1).end();
        boolean latestWithin = samples.stream().filter(s -> s.end().equals(latest))
                .allMatch(s -> over ? s.volts() <= limit : s.volts() >= limit);
        Alarm unresolved = open.get(subject);
        if (!latestWithin) return;
        if (beyond.isEmpty() && (unresolved == null || !latest.isAfter(unresolved.lastAt()))) return;
        // a breach in this very write is raised (or repeats) first: the resolution reads the alarm afresh
        changes.add(() -> alarms.unresolved(subject).filter(alarm -> latest.isAfter(alarm.lastAt()))
                .ifPresent(alarm -> alarms.resolve(alarm.id(), "system", "Voltage back within limits at " + latest)));
    }
}
