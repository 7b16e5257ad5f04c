package io.vidyut.mdm.vee.validation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.channels.Quality;
import io.vidyut.mdm.meters.MeterCategory;
import io.vidyut.mdm.meters.MeterMultiplierChanged;
import io.vidyut.mdm.common.ids.MeterId;
import io.vidyut.mdm.readings.IntervalDay;
import io.vidyut.mdm.readings.IntervalQueries;
import io.vidyut.mdm.readings.Reading;
import io.vidyut.mdm.readings.ReadingStore;
import io.vidyut.mdm.readings.ReadingsStored;
import io.vidyut.mdm.vee.VeeRule;
import io.vidyut.mdm.vee.exceptions.ExceptionQueue;
import io.vidyut.mdm.vee.exceptions.Finding;
import io.vidyut.mdm.vee.settings.MeterProfile;
import io.vidyut.mdm.vee.settings.MeterProfiles;
import io.vidyut.mdm.vee.settings.VeeProperties;
import io.vidyut.mdm.vee.settings.VeeSettings;
import io.vidyut.mdm.vee.settings.VeeSettingsService;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Validates readings as the store takes them, inside the storing transaction: the values and the
 * exceptions they raise commit together, and a re-driven batch finds its exceptions already there.
 */
@Component
class ReadingValidator {
    /** Exceptions about values that a re-sent value replaces. */
    private static final Set<VeeRule> ABOUT_VALUES = EnumSet.of(VeeRule.SPIKE, VeeRule.HIGH_LIMIT, VeeRule.LOW_LIMIT,
            VeeRule.FLAT_LINE, VeeRule.ZERO_RUN, VeeRule.REVERSE_ENERGY, VeeRule.POWER_FAILURE, VeeRule.CLOCK_DRIFT,
            VeeRule.SUM_CHECK);

    private final boolean enabled;
    private final MeterProfiles profiles;
    private final VeeSettingsService settings;
    private final ExceptionQueue exceptions;
    private final RegisterChecks registerChecks;
    private final ReadingStore store;
    private final ValidationCounts counts;
    private final MeterLevels levels;
    private final IntervalQueries intervals;
    private final Counter findingsCounter;
    private final Counter errors;
    private final TransactionTemplate nested;
    private final Clock clock;
    private static final Logger log = LoggerFactory.getLogger(ReadingValidator.class);

    ReadingValidator(VeeProperties properties, MeterProfiles profiles, VeeSettingsService settings,
                     ExceptionQueue exceptions, RegisterChecks registerChecks, ReadingStore store, ValidationCounts counts, MeterLevels levels,
                     IntervalQueries intervals, MeterRegistry metrics, PlatformTransactionManager transactions, Clock clock) {
        this.enabled = properties.enabled();
        this.profiles = profiles;
        this.settings = settings;
        this.exceptions = exceptions;
        this.registerChecks = registerChecks;
        this.store = store;
        this.counts = counts;
        this.levels = levels;
        this.intervals = intervals;
        this.findingsCounter = metrics.counter("mdm.vee.findings");
        this.errors = metrics.counter("mdm.vee.errors");
        this.nested = new TransactionTemplate(transactions);
        this.nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.clock = clock;
    }

    @EventListener
    void on(ReadingsStored stored) {
        if (enabled) guarded(() -> {
            preload(stored);
            validateIntervals(stored);
            validateRegisters(stored);
        });
    }

    /** What the checks will ask of the meters in this write, in a few queries rather than a few per meter. */
    private void preload(ReadingsStored stored) {
        java.util.Set<java.util.UUID> meters = new java.util.HashSet<>();
        stored.changes().forEach(change -> meters.add(change.after().meterId()));
        stored.registers().forEach(read -> meters.add(read.meterId()));
        profiles.preload(meters);
        registerChecks.preload(stored.tenantId(), stored.registers());
        preloadPeaks(stored);
    }

    /**
     * The daily peaks of the four weeks before each complete import day in this write, for meter channels this
     * process has not loaded yet (after a restart): one query over all of them, once per meter channel.
     */
    private void preloadPeaks(ReadingsStored stored) {
        java.util.Set<MeterId> meters = new java.util.HashSet<>();
        java.util.Set<Channel> channels = EnumSet.noneOf(Channel.class);
        java.time.LocalDate first = null, last = null;
        for (ReadingsStored.Change change : stored.changes()) {
            IntervalDay day = change.after();
            if (!importEnergy(day) || !MeterLevels.complete(day) || !levels.needsPeaks(stored.tenantId(), day)) continue;
            meters.add(MeterId.of(day.meterId()));
            channels.add(day.channel());
            if (first == null || day.day().isBefore(first)) first = day.day();
            if (last == null || day.day().isAfter(last)) last = day.day();
        }
        if (meters.isEmpty()) return;
        // a backfill over months needs the weeks before its last day most; earlier days learn from the backfill itself
        java.time.LocalDate from = java.util.Collections.max(List.of(first, last.minusDays(MeterLevels.PEAK_DAYS)))
                .minusDays(MeterLevels.PEAK_DAYS);
        IntervalQueries.Range range = IntervalQueries.Range.ofDays(from, last.minusDays(1), stored.zone());
        long cellsPerMeter = channels.size() * (java.time.temporal.ChronoUnit.DAYS.between(from, last) + 1);
        int perQuery = (int) Math.max(1, Math.min(IntervalQueries.MOST_METERS, IntervalQueries.MOST_DAY_ROWS / cellsPerMeter));
        List<MeterId> all = List.copyOf(meters);
        for (int start = 0; start < all.size(); start += perQuery) {
            intervals.days(all.subList(start, Math.min(all.size(), start + perQuery)), channels, range)
                    .forEach(day -> levels.notePeak(stored.tenantId(), day));
        }
    }

    private static boolean importEnergy(IntervalDay day) {
        return day.channel() == Channel.KWH_IMPORT || day.channel() == Channel.KVAH_IMPORT;
    }

    /**
     * Validation runs in a savepoint of the storing transaction: should it fail, the values are
     * stored all the same (data is never held up by a check) and the failure is logged and counted.
     */
    private void guarded(Runnable validation) {
        try {
            nested.executeWithoutResult(status -> validation.run());
        } catch (RuntimeException e) {
            errors.increment();
            log.error("Validation failed; the readings are stored unvalidated", e);
        }
    }

    private record ClosingRead(java.util.UUID meterId, Channel register, Instant at) {}

    /** A changed meter-day with the meter and the rules it is judged by. */
    private record Judged(ReadingsStored.Change change, MeterProfile meter, VeeSettingsService.Versioned rules) {}

    private void validateIntervals(ReadingsStored stored) {
        List<Judged> judged = new ArrayList<>(stored.changes().size());
        Map<MeterCategory, VeeSettingsService.Versioned> rulesOf = new EnumMap<>(MeterCategory.class);
        for (ReadingsStored.Change change : stored.changes()) {
            profiles.find(change.after().meterId()).ifPresent(meter -> judged.add(
                    new Judged(change, meter, rulesOf.computeIfAbsent(meter.category(), settings::effective))));
        }
        Set<ClosingRead> closingReads = new HashSet<>();
        stored.registers().forEach(read -> closingReads.add(new ClosingRead(read.meterId(), read.channel(), read.at())));
        // before the checks: a finding about a re-sent value must not be settled with the old one
        settleReplaced(judged, stored.zone(), stored.source(), clock.instant());
        for (Judged each : judged) {
            ReadingsStored.Change change = each.change();
            IntervalDay day = change.after();
            MeterProfile meter = each.meter();
            VeeSettings rules = each.rules().settings();
            IntervalChecks.History history = new IntervalChecks.History(levels.typical(stored.tenantId(), day),
                    levels.usualPeak(stored.tenantId(), day));
            List<Finding> findings = new ArrayList<>(new IntervalChecks(rules, meter, stored.zone(), history)
                    .check(day, change.before(), change.written(), voltage(stored, day)));
            findings.addAll(WriteFindings.of(change, rules, stored.zone()));
            if (importEnergy(day)) {
                levels.learn(stored.tenantId(), day, change.written());
                levels.notePeak(stored.tenantId(), day);
            }
            // a day's sum check runs once it is complete, and again when actuals replace estimates it was judged with
            if ((completedNow(change) || actualsReplacedEstimates(change)) && rules.checks(VeeRule.SUM_CHECK)) {
                Instant dayEnd = day.slotEnd(day.slots() - 1, stored.zone());
                // a closing read in this write gets its sum check with the register checks below
                RegisterChecks.registerOf(day.channel())
                        .filter(register -> !closingReads.contains(new ClosingRead(meter.meterId(), register, dayEnd)))
                        .ifPresent(register -> findings.addAll(registerChecks.checkDayEnd(meter, register, dayEnd, rules, stored)));
            }
            exceptions.record(stored.tenantId(), findings, each.rules().version());
            findingsCounter.increment(findings.size());
            count(change, findings, meter, stored.zone());
        }
    }

    /** In time order per meter and channel, so each read is judged against the one before it. */
    private void validateRegisters(ReadingsStored stored) {
        List<Reading> reads = new ArrayList<>(stored.registers());
        reads.sort(java.util.Comparator.comparing((Reading r) -> r.meterId()).thenComparing(Reading::channel).thenComparing(Reading::at));
        Map<MeterCategory, VeeSettingsService.Versioned> rulesOf = new EnumMap<>(MeterCategory.class);
        for (Reading read : reads) {
            if (!RegisterChecks.INTERVALS_OF.containsKey(read.channel())) continue;
            Optional<MeterProfile> found = profiles.find(read.meterId());
            if (found.isEmpty()) continue;
            MeterProfile meter = found.get();
            VeeSettingsService.Versioned rules = rulesOf.computeIfAbsent(meter.category(), settings::effective);
            List<Finding> findings = registerChecks.check(meter, read.channel(), read.at(), read.value(), rules.settings(), stored);
            findings.removeIf(f -> !rules.settings().checks(f.rule()));
            exceptions.record(stored.tenantId(), findings, rules.version());
            findingsCounter.increment(findings.size());
        }
    }

    @EventListener
    void on(MeterMultiplierChanged changed) {
        profiles.forget(changed.meterId());
        registerChecks.multiplierChanged(changed.tenantId(), changed.meterId());
        if (!enabled) return;
        List<Finding> findings = new ArrayList<>();
        VeeSettingsService.Versioned rules = settings.effective(profiles.of(changed.meterId()).category());
        for (Channel register : RegisterChecks.INTERVALS_OF.keySet()) {
            findings.add(new Finding(changed.meterId(), register, VeeRule.MULTIPLIER_CHANGE, changed.at(), changed.at(),
                    Finding.detail("previous_multiplier", changed.previous(), "multiplier", changed.current()),
                    rules.settings().blocks(VeeRule.MULTIPLIER_CHANGE)));
        }
        exceptions.record(changed.tenantId(), findings, rules.version());
    }

    /**
     * Exceptions about values a re-send replaced no longer hold, a gap old enough to have been
     * reported is closed by data that filled it, and a gap closed by an estimate is superseded when actual data
     * replaces the estimate: one statement for each kind over the whole write.
     */
    private void settleReplaced(List<Judged> judged, ZoneId zone, String source, Instant now) {
        List<ExceptionQueue.Span> replaced = new ArrayList<>();
        List<ExceptionQueue.Span> filledLate = new ArrayList<>();
        List<ExceptionQueue.Span> estimatesReplaced = new ArrayList<>();
        for (Judged each : judged) {
            ReadingsStored.Change change = each.change();
            IntervalDay day = change.after();
            Instant graceEdge = now.minusSeconds(each.rules().settings().graceMinutes() * 60L);
            BitSet replacedSlots = new BitSet();
            BitSet lateSlots = new BitSet();
            BitSet actualOverEstimate = new BitSet();
            for (int slot = change.written().nextSetBit(0); slot >= 0; slot = change.written().nextSetBit(slot + 1)) {
                if (change.before() != null && change.before().values()[slot] != null) {
                    replacedSlots.set(slot);
                    if (change.before().has(slot, Quality.ESTIMATED) && !day.has(slot, Quality.ESTIMATED)
                            && !day.has(slot, Quality.EDITED)) actualOverEstimate.set(slot);
                } else if (!day.has(slot, Quality.ESTIMATED)) {
                    lateSlots.set(slot);
                }
            }
            if (!replacedSlots.isEmpty()) replaced.add(span(day, replacedSlots, zone));
            if (!actualOverEstimate.isEmpty()) estimatesReplaced.add(span(day, actualOverEstimate, zone));
            // only slots that ended before the grace edge can have been reported as a gap
            lateSlots.clear(day.slotsEndedBy(graceEdge, zone), day.slots());
            if (!lateSlots.isEmpty()) filledLate.add(span(day, lateSlots, zone));
        }
        exceptions.settle(replaced, ABOUT_VALUES, "SUPERSEDED", source, "the value was replaced");
        exceptions.settle(filledLate, Set.of(VeeRule.GAP), "SUPERSEDED", source, "late data arrived");
        // the exceptions follow the data: a gap that was estimated, and a run of estimates, are superseded by actuals
        exceptions.supersedeEstimated(estimatesReplaced, source, "actual data replaced the estimate");
        exceptions.settle(estimatesReplaced, Set.of(VeeRule.PROLONGED_ESTIMATION), "SUPERSEDED", source,
                "actual data replaced the estimates");
    }

    private static ExceptionQueue.Span span(IntervalDay day, BitSet slots, ZoneId zone) {
        return new ExceptionQueue.Span(day.meterId(), day.channel(), day.slotEnd(slots.nextSetBit(0), zone),
                day.slotEnd(slots.length() - 1, zone));
    }

    private static boolean actualsReplacedEstimates(ReadingsStored.Change change) {
        IntervalDay before = change.before(), after = change.after();
        if (before == null || !after.channel().additive() || !MeterLevels.complete(after)) return false;
        for (int slot = change.written().nextSetBit(0); slot >= 0; slot = change.written().nextSetBit(slot + 1)) {
            if (before.has(slot, Quality.ESTIMATED) && !after.has(slot, Quality.ESTIMATED)) return true;
        }
        return false;
    }

    private static boolean completedNow(ReadingsStored.Change change) {
        if (!change.after().channel().additive() || !MeterLevels.complete(change.after())) return false;
        return change.before() == null || java.util.Arrays.asList(change.before().values()).contains(null);
    }

    /** The same day's voltage from this write if it carried it, else from the store, asked only once. */
    private Supplier<Optional<IntervalDay>> voltage(ReadingsStored stored, IntervalDay day) {
        return () -> stored.changes().stream().map(ReadingsStored.Change::after)
                .filter(d -> d.meterId().equals(day.meterId()) && d.channel() == Channel.VOLTAGE_R_AVG && d.day().equals(day.day()))
                .findFirst()
                .or(() -> store.days(day.meterId(), Channel.VOLTAGE_R_AVG, day.day(), day.day()).stream().findFirst());
    }

    private void count(ReadingsStored.Change change, List<Finding> findings, MeterProfile meter, ZoneId zone) {
        IntervalDay day = change.after();
        int validated = (int) change.written().stream()
                .filter(slot -> !day.has(slot, Quality.ESTIMATED) && !day.has(slot, Quality.EDITED)).count();
        BitSet failed = new BitSet(day.slots());
        for (Finding finding : findings) {
            if (finding.blocking() && finding.channel() == day.channel()) {
                int first = day.slotOf(finding.firstAt(), zone), last = day.slotOf(finding.lastAt(), zone);
                if (first <= last) failed.set(first, last + 1);
            }
        }
        failed.and(change.written());
        counts.add(day.day(), meter.vendorId(), validated, failed.cardinality());
    }
}
