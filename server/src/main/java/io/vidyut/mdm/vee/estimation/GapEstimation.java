package io.vidyut.mdm.vee.estimation;

import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.channels.Quality;
import io.vidyut.mdm.common.ids.MeterId;
import io.vidyut.mdm.common.ids.NodeId;
import io.vidyut.mdm.meters.LifecycleStage;
import io.vidyut.mdm.meters.Meter;
import io.vidyut.mdm.meters.MeterPlacement;
import io.vidyut.mdm.meters.MeterService;
import io.vidyut.mdm.readings.IntervalDay;
import io.vidyut.mdm.readings.IntervalQueries;
import io.vidyut.mdm.readings.Reading;
import io.vidyut.mdm.readings.ReadingStore.RegisterValue;
import io.vidyut.mdm.readings.ReadingStore;
import io.vidyut.mdm.tenancy.Tenant;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantDirectory;
import io.vidyut.mdm.tenancy.TenantScope;
import io.vidyut.mdm.vee.EstimationMethod;
import io.vidyut.mdm.vee.VeeRule;
import io.vidyut.mdm.vee.exceptions.ExceptionQueue;
import io.vidyut.mdm.vee.exceptions.Finding;
import io.vidyut.mdm.vee.settings.MeterProfile;
import io.vidyut.mdm.vee.settings.MeterProfiles;
import io.vidyut.mdm.vee.settings.VeeProperties;
import io.vidyut.mdm.vee.settings.VeeSettings;
import io.vidyut.mdm.vee.settings.VeeSettingsService;
import io.vidyut.mdm.vee.validation.RegisterChecks;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fills gaps: on a schedule for gaps still open after the grace period, and on demand. For each gap
 * the first method of the estimation order for its length whose preconditions hold is used (by default
 * like-day history adjusted to the meter's level, its shape scaled to the surrounding energy for long gaps,
 * then interpolation, the DT's profile and flat load), unless the caller names one. Where cumulative
 * registers bracket the estimates, they are rescaled together to what the registers say. Estimates only
 * ever fill missing slots or replace earlier estimates; actual data arriving later replaces them as a
 * new version.
 */
@Service
public class GapEstimation implements SchedulingConfigurer {
    private static final Logger log = LoggerFactory.getLogger(GapEstimation.class);
    private static final int MAX_NEIGHBOURS = 30;

    private final VeeProperties properties;
    private final JdbcClient jdbc;
    private final ReadingStore store;
    private final IntervalQueries intervals;
    private final MeterPlacement placement;
    private final MeterProfiles profiles;
    private final VeeSettingsService settings;
    private final ExceptionQueue exceptions;
    private final TenantDirectory tenants;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final MeterService meters;

    GapEstimation(VeeProperties properties, JdbcClient jdbc, ReadingStore store, IntervalQueries intervals, MeterPlacement placement,
                  MeterProfiles profiles, VeeSettingsService settings, ExceptionQueue exceptions, TenantDirectory tenants,
                  TransactionTemplate transactions, Clock clock, MeterService meters) {
        this.meters = meters;
        this.properties = properties;
        this.jdbc = jdbc;
        this.store = store;
        this.intervals = intervals;
        this.placement = placement;
        this.profiles = profiles;
        this.settings = settings;
        this.exceptions = exceptions;
        this.tenants = tenants;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** One run of estimated intervals. */
    public record Estimate(UUID meterId, Channel channel, Instant firstAt, Instant lastAt, int intervals, EstimationMethod method,
                           List<java.math.BigDecimal> values) {}

    /** Every {@code mdm.vee.estimation-interval}, the first {@code mdm.vee.estimation-delay} after the start. */
    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::estimateOpenGaps, properties.estimationInterval(),
                properties.estimationDelay()));
    }

    void estimateOpenGaps() {
        if (!properties.enabled()) return;
        for (Tenant tenant : tenants.all()) {
            try {
                TenantContext.runAs(TenantScope.of(tenant.id(), tenant.code()), () -> estimateOpenGaps(tenant.timeZone(), clock.instant()));
            } catch (RuntimeException e) {
                log.warn("Gap estimation failed for tenant {}", tenant.code(), e);
            }
        }
    }

    /** Gaps of the current tenant (whose zone {@code zone} is) older than the grace period, within the lookback window. */
    public List<Estimate> estimateOpenGaps(ZoneId zone, Instant now) {
        VeeSettings tenantWide = settings.tenantDefault().settings();
        LocalDate today = now.atZone(zone).toLocalDate();
        LocalDate first = today.minusDays(tenantWide.lookbackDays());
        Instant edge = now.minusSeconds(tenantWide.graceMinutes() * 60L);
        // only meter channels missing an interval that ended before the grace edge: today's not-yet-arrived slots are no gap
        List<IntervalQueries.MeterChannel> candidates = transactions.execute(status -> {
            List<IntervalQueries.MeterChannel> missing = intervals.withMissingIntervals(tenantWide.estimatedChannels(), first, edge);
            // a removed meter's days after its last data are no gap: it is gone (a replacement meter records them)
            Set<UUID> removed = meters.getAll(missing.stream().map(c -> c.meterId().value()).distinct().toList()).stream()
                    .filter(m -> m.lifecycleStage() == LifecycleStage.DECOMMISSIONED).map(Meter::id).collect(Collectors.toSet());
            return missing.stream().filter(c -> !removed.contains(c.meterId().value())).toList();
        });
        List<Estimate> made = new ArrayList<>();
        for (IntervalQueries.MeterChannel candidate : candidates) {
            UUID meterId = candidate.meterId().value();
            made.addAll(transactions.execute(status -> {
                VeeSettings rules = settings.effective(profiles.of(meterId).category()).settings();
                Instant meterEdge = now.minusSeconds(rules.graceMinutes() * 60L);
                return estimate(meterId, candidate.channel(), first.atStartOfDay(zone).toInstant(), meterEdge, null, "vee", zone);
            }));
        }
        return made;
    }

    /**
     * Fills the gaps of one meter's channel whose intervals end in (from, to], with the named
     * method or the first that applies. Call inside a transaction of the meter's tenant.
     */
    public List<Estimate> estimate(UUID meterId, Channel channel, Instant from, Instant to, EstimationMethod method, String by,
                                   ZoneId zone) {
        MeterProfile meter = profiles.of(meterId);
        VeeSettingsService.Versioned versioned = settings.effective(meter.category());
        VeeSettings rules = versioned.settings();
        LocalDate firstDay = IntervalDay.dayOf(from, zone, 1);
        LocalDate lastDay = IntervalDay.dayOf(to, zone, 1);
        LocalDate historyStart = firstDay.minusDays(7L * rules.likeDayWeeks() + 1);
        store.prepareDays(firstDay, lastDay.plusDays(1));
        Timeline line = Timeline.of(channel, historyStart, lastDay.plusDays(1),
                store.days(meterId, channel, historyStart, lastDay.plusDays(1)), zone);
        if (line == null) return List.of();
        LikeDays history = new LikeDays(line, LikeDays.Settings.of(rules));
        List<Finding> findings = new ArrayList<>();
        List<Filled> filled = new ArrayList<>();
        for (Timeline.Gap gap : line.gaps(to)) {
            if (!line.end(gap.first()).isAfter(from)) continue;
            Optional<Method> chosen = method == null ? firstApplicable(line, gap, rules, history, meter, zone)
                    : apply(method, line, gap, history, meter, zone);
            if (chosen.isEmpty()) {
                findings.add(new Finding(meterId, channel, VeeRule.GAP, line.end(gap.first()), line.end(gap.last()),
                        Finding.detail("intervals", gap.length(), "note", method == null ? "no estimation method applies yet"
                                : method + " does not apply to this gap"), rules.blocks(VeeRule.GAP)));
                continue;
            }
            fill(line, gap, chosen.get().values());
            filled.add(new Filled(gap, chosen.get().method()));
        }
        // what the registers say is settled once every gap of their span holds an estimate
        boolean[] mine = new boolean[line.size()];
        filled.forEach(f -> java.util.Arrays.fill(mine, f.gap().first(), f.gap().last() + 1, true));
        List<Integer> earlier = new ArrayList<>();
        filled = toRegisters(line, filled, meter, history, method == null,
                index -> line.has(index, Quality.ESTIMATED) && !line.has(index, Quality.EDITED), earlier::add);
        earlier.removeIf(index -> mine[index]);
        List<Estimate> made = new ArrayList<>();
        for (Filled f : filled) {
            Timeline.Gap gap = f.gap();
            store.write(readings(meterId, line, gap.first(), gap.last()), zone, "vee:" + f.method().name().toLowerCase() + ":" + by);
            Estimate estimate = new Estimate(meterId, channel, line.end(gap.first()), line.end(gap.last()), gap.length(), f.method(),
                    valuesOf(line, gap));
            recordEstimate(estimate, meter, by);
            made.add(estimate);
            if (rules.checks(VeeRule.GAP)) {
                exceptions.record(TenantContext.requireTenantId(), List.of(new Finding(meterId, channel, VeeRule.GAP,
                        estimate.firstAt(), estimate.lastAt(), Finding.detail("intervals", gap.length(), "method", f.method()),
                        rules.blocks(VeeRule.GAP))), versioned.version());
                exceptions.settle(List.of(new ExceptionQueue.Span(meterId, channel, estimate.firstAt(), estimate.lastAt())),
                        List.of(VeeRule.GAP), "ESTIMATED", by, "estimated by " + f.method());
            }
            prolonged(meterId, line, gap, rules).ifPresent(findings::add);
        }
        if (!earlier.isEmpty()) {
            List<Reading> rescaled = new ArrayList<>();
            for (int index : earlier) rescaled.addAll(readings(meterId, line, index, index));
            store.write(rescaled, zone, "vee:register_scaled:" + by);
        }
        findings.removeIf(f -> !rules.checks(f.rule()));
        exceptions.record(TenantContext.requireTenantId(), findings, versioned.version());
        return made;
    }

    /** The gap's values as they are written, in the channel's unit (register scaling included). */
    private static List<java.math.BigDecimal> valuesOf(Timeline line, Timeline.Gap gap) {
        List<java.math.BigDecimal> values = new ArrayList<>(gap.length());
        for (int index = gap.first(); index <= gap.last(); index++) {
            values.add(line.channel.fromUnits(line.values[index]));
        }
        return values;
    }

    /** A method and the values it gives for a gap. */
    public record Method(EstimationMethod method, long[] values) {}

    /**
     * What estimation would put in place of the stored intervals ending in [firstAt, lastAt], as if
     * they were missing (a person's "replace by estimate"). Writes nothing.
     */
    public Optional<Method> replacement(UUID meterId, Channel channel, Instant firstAt, Instant lastAt, EstimationMethod method,
                                        ZoneId zone) {
        MeterProfile meter = profiles.of(meterId);
        VeeSettings rules = settings.effective(meter.category()).settings();
        LocalDate lastDay = IntervalDay.dayOf(lastAt, zone, 1);
        LocalDate historyStart = IntervalDay.dayOf(firstAt, zone, 1).minusDays(7L * rules.likeDayWeeks() + 1);
        Timeline line = Timeline.of(channel, historyStart, lastDay.plusDays(1),
                store.days(meterId, channel, historyStart, lastDay.plusDays(1)), zone);
        if (line == null || line.indexOf(firstAt) < 0 || line.indexOf(lastAt) < 0) return Optional.empty();
        Timeline.Gap gap = new Timeline.Gap(line.indexOf(firstAt), line.indexOf(lastAt));
        for (int index = gap.first(); index <= gap.last(); index++) {
            line.values[index] = null;
            line.quality[index] = 0;
        }
        LikeDays history = new LikeDays(line, LikeDays.Settings.of(rules));
        Optional<Method> chosen = method == null ? firstApplicable(line, gap, rules, history, meter, zone)
                : apply(method, line, gap, history, meter, zone);
        if (chosen.isEmpty()) return chosen;
        fill(line, gap, chosen.get().values());
        // only this range is replaced: the rest of the register's span stays as it is
        EstimationMethod used = toRegisters(line, List.of(new Filled(gap, chosen.get().method())), meter, history, method == null,
                index -> index >= gap.first() && index <= gap.last(), index -> {}).get(0).method();
        long[] values = new long[gap.length()];
        for (int i = 0; i < values.length; i++) values[i] = line.values[gap.first() + i];
        return Optional.of(new Method(used, values));
    }

    /** A gap this run filled, with the method that filled it. */
    private record Filled(Timeline.Gap gap, EstimationMethod method) {}

    private static void fill(Timeline line, Timeline.Gap gap, long[] values) {
        for (int i = 0; i < gap.length(); i++) {
            line.values[gap.first() + i] = (int) values[i];
            line.quality[gap.first() + i] = (byte) Quality.ESTIMATED.bit();
        }
    }

    private static List<Reading> readings(UUID meterId, Timeline line, int first, int last) {
        List<Reading> readings = new ArrayList<>(last - first + 1);
        for (int index = first; index <= last; index++) {
            readings.add(new Reading(meterId, line.channel, line.end(index), line.intervalMinutes, line.values[index],
                    Quality.ESTIMATED.bit()));
        }
        return readings;
    }

    /** The first method of the estimation order for the gap's length whose preconditions hold. */
    private Optional<Method> firstApplicable(Timeline line, Timeline.Gap gap, VeeSettings rules, LikeDays history, MeterProfile meter,
                                             ZoneId zone) {
        long minutes = (long) gap.length() * line.intervalMinutes;
        for (EstimationMethod method : rules.estimationMethodsFor(minutes)) {
            boolean linear = method == EstimationMethod.LINEAR || method == EstimationMethod.LINEAR_REGISTER_SCALED;
            if (linear && minutes > rules.linearMaximumMinutes()) continue;
            Optional<Method> applied = apply(method, line, gap, history, meter, zone);
            if (applied.isPresent()) return applied;
        }
        return Optional.empty();
    }

    private Optional<Method> apply(EstimationMethod method, Timeline line, Timeline.Gap gap, LikeDays history, MeterProfile meter,
                                   ZoneId zone) {
        Optional<long[]> values = switch (method) {
            case LINEAR, LINEAR_REGISTER_SCALED -> Estimator.linear(line, gap);
            case LIKE_DAY -> Estimator.likeDay(line, gap, history);
            case LIKE_DAY_SCALED -> Estimator.likeDayScaled(line, gap, history);
            case PROFILE -> Estimator.profile(line, gap, neighbours(line, meter, zone));
            case FLAT -> Estimator.flat(line, gap);
        };
        EstimationMethod named = method == EstimationMethod.LINEAR_REGISTER_SCALED ? EstimationMethod.LINEAR : method;
        return values.map(v -> new Method(named, v));
    }

    /**
     * Rescales the estimates of each register span that a filled gap lies in, so the span holds what its boundary
     * registers say was consumed: every {@code adjustable} interval of the span takes its share in proportion to its
     * shape (the like-day history's when {@code likeDayShape}, else the values as estimated), so the residual never
     * lands in one gap. Returns the gaps with their methods as labelled after scaling; {@code changed} hears of
     * every interval rescaled.
     */
    private List<Filled> toRegisters(Timeline line, List<Filled> filled, MeterProfile meter, LikeDays history, boolean likeDayShape,
                                     IntPredicate adjustable, IntConsumer changed) {
        Optional<Channel> register = RegisterChecks.registerOf(line.channel);
        if (register.isEmpty() || filled.isEmpty()) return filled;
        Map<Timeline.Gap, Boolean> scaledByHistory = new java.util.HashMap<>();
        java.util.Set<Timeline.Gap> spansDone = new java.util.HashSet<>();
        for (Filled f : filled) {
            Optional<RegisterValue> before = store.registerBefore(meter.meterId(), register.get(), line.end(f.gap().first()));
            Optional<RegisterValue> after = store.registerFrom(meter.meterId(), register.get(), line.end(f.gap().last()));
            if (before.isEmpty() || after.isEmpty()) continue;
            Timeline.Gap span = new Timeline.Gap(boundaryIndex(line, before.get().at()) + 1, boundaryIndex(line, after.get().at()));
            if (span.first() < 0 || span.last() >= line.size() || !spansDone.add(span)) continue;
            LikeDays shape = likeDayShape ? history : null;
            Estimator.toRegister(line, span.first(), span.last(), after.get().value() - before.get().value(), adjustable, shape)
                    .ifPresent(rescaled -> {
                        for (int i = 0; i < rescaled.indices().length; i++) {
                            line.values[rescaled.indices()[i]] = (int) rescaled.values()[i];
                            changed.accept(rescaled.indices()[i]);
                        }
                        for (Filled g : filled) {
                            if (g.gap().first() >= span.first() && g.gap().last() <= span.last()) {
                                scaledByHistory.put(g.gap(), rescaled.likeDayShape());
                            }
                        }
                    });
        }
        return filled.stream().map(f -> !scaledByHistory.containsKey(f.gap()) ? f
                : new Filled(f.gap(), scaledByHistory.get(f.gap()) ? EstimationMethod.LIKE_DAY_SCALED
                        : f.method() == EstimationMethod.LINEAR ? EstimationMethod.LINEAR_REGISTER_SCALED : f.method())).toList();
    }

    /** Index of the interval ending at {@code at} (-1 for the timeline's start), or MIN_VALUE off-boundary. */
    private static int boundaryIndex(Timeline line, Instant at) {
        int index = line.indexOf(at);
        if (index >= 0) return index;
        return line.end(-1).equals(at) ? -1 : Integer.MIN_VALUE / 2;
    }

    /**
     * The channel's timelines of up to {@link #MAX_NEIGHBOURS} other meters of the same class on the same DT, over
     * the same days: the DT's meters from the meters module, their classes from the (cached) profiles, and all
     * their day rows in one query.
     */
    private List<Timeline> neighbours(Timeline line, MeterProfile meter, ZoneId zone) {
        if (meter.dtId() == null) return List.of();
        List<UUID> onDt = placement.metersUnder(List.of(new NodeId(meter.dtId()))).stream()
                .map(placed -> placed.meter().value()).filter(id -> !id.equals(meter.meterId())).distinct().toList();
        profiles.preload(onDt);
        List<MeterId> others = onDt.stream()
                .filter(id -> profiles.find(id).map(other -> other.category() == meter.category()).orElse(false))
                .limit(MAX_NEIGHBOURS).map(MeterId::of).toList();
        if (others.isEmpty()) return List.of();
        LocalDate last = line.firstDay.plusDays(line.size() / (24 * 60 / line.intervalMinutes) - 1);
        Map<UUID, List<IntervalDay>> days = intervals.days(others, List.of(line.channel),
                        IntervalQueries.Range.ofDays(line.firstDay, last, zone)).stream()
                .collect(Collectors.groupingBy(IntervalDay::meterId));
        List<Timeline> timelines = new ArrayList<>();
        for (MeterId other : others) {
            Timeline timeline = Timeline.of(line.channel, line.firstDay, last, days.getOrDefault(other.value(), List.of()), zone);
            if (timeline != null && timeline.intervalMinutes == line.intervalMinutes) timelines.add(timeline);
        }
        return timelines;
    }

    private Optional<Finding> prolonged(UUID meterId, Timeline line, Timeline.Gap gap, VeeSettings rules) {
        int first = gap.first(), last = gap.last();
        while (first > 0 && line.known(first - 1) && line.has(first - 1, Quality.ESTIMATED)) first--;
        while (last + 1 < line.size() && line.known(last + 1) && line.has(last + 1, Quality.ESTIMATED)) last++;
        int run = last - first + 1;
        int threshold = VeeSettings.intervalsIn(rules.prolongedEstimationMinutes(), line.intervalMinutes);
        if (run < threshold) return Optional.empty();
        return Optional.of(new Finding(meterId, line.channel, VeeRule.PROLONGED_ESTIMATION, line.end(first), line.end(last),
                Finding.detail("intervals", run, "minutes", run * line.intervalMinutes, "threshold_minutes",
                        rules.prolongedEstimationMinutes()), rules.blocks(VeeRule.PROLONGED_ESTIMATION)));
    }

    /** The run and its method, with the meter's vendor as it is now (the statistics count estimates per vendor). */
    private void recordEstimate(Estimate estimate, MeterProfile meter, String by) {
        jdbc.sql("""
                insert into vee_estimate (id, tenant_id, meter_id, channel, first_at, last_at, intervals, method, created_by,
                                          hes_vendor_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(UUID.randomUUID(), TenantContext.requireTenantId(), estimate.meterId(), estimate.channel().code(),
                        java.sql.Timestamp.from(estimate.firstAt()), java.sql.Timestamp.from(estimate.lastAt()),
                        estimate.intervals(), estimate.method().name(), by, meter.vendorId())
                .update();
    }
}
