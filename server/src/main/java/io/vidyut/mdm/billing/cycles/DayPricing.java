package io.vidyut.mdm.billing.cycles;

import io.vidyut.mdm.billing.DayCharges;
import io.vidyut.mdm.billing.tariffs.BillPreview;
import io.vidyut.mdm.billing.tariffs.Determinants;
import io.vidyut.mdm.billing.tariffs.Tariffs;
import io.vidyut.mdm.common.ids.MeterId;
import io.vidyut.mdm.meters.Meter;
import io.vidyut.mdm.meters.MeterService;
import io.vidyut.mdm.readings.IntervalQueries;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantDirectory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A day is a one-day period of the billing determinants (the same calculation as a cycle's: grid, zones, replacement,
 * what VEE holds back), priced with {@code days = 1}, so slab limits, free units and monthly charges are a thirtieth.
 */
@Component
class DayPricing implements DayCharges {
    private static final Set<String> DAY_REASONS = Set.of("NO_METER", "NO_TARIFF", "NO_KVAH", "VEE_WITHHELD", "ESTIMATED_SHARE",
            "MISSING_INTERVALS");
    private final DeterminantComputer computer;
    private final MeterService meters;
    private final IntervalQueries intervals;
    private final TenantDirectory tenants;

    DayPricing(DeterminantComputer computer, MeterService meters, IntervalQueries intervals, TenantDirectory tenants) {
        this.computer = computer;
        this.meters = meters;
        this.intervals = intervals;
        this.tenants = tenants;
    }

    @Override
    @Transactional(readOnly = true)
    public List<DayCharge> price(List<UUID> consumerIds, LocalDate day) {
        check(consumerIds);
        DeterminantComputer.Computation computation = computer.forDay(period(day));
        return computation.compute(consumerIds).stream().map(result -> charge(computation, result.determinants())).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public Map<UUID, Map<LocalDate, Long>> dataVersions(List<UUID> consumerIds, LocalDate first, LocalDate last) {
        check(consumerIds);
        List<Meter> all = meters.ofConsumers(consumerIds);
        Map<UUID, UUID> consumerOf = new HashMap<>();
        all.forEach(m -> consumerOf.put(m.id(), m.consumerId()));
        // per consumer and day, its meters' rows of the day; a day is priced from its rows and the day before's (CycleInputs)
        Map<UUID, Map<LocalDate, Long>> rows = new HashMap<>();
        if (!all.isEmpty()) {
            for (IntervalQueries.DayVersion v : intervals.dayVersions(all.stream().map(m -> new MeterId(m.id())).toList(),
                    CycleInputs.ENERGY, first.minusDays(1), last)) {
                rows.computeIfAbsent(consumerOf.get(v.meterId()), c -> new HashMap<>()).merge(v.day(), v.versions(), Long::sum);
            }
        }
        Map<UUID, Map<LocalDate, Long>> versions = new HashMap<>();
        for (UUID consumer : consumerIds) {
            Map<LocalDate, Long> ofConsumer = rows.getOrDefault(consumer, Map.of());
            Map<LocalDate, Long> byDay = new HashMap<>();
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                byDay.put(day, ofConsumer.getOrDefault(day.minusDays(1), 0L) + ofConsumer.getOrDefault(day, 0L));
            }
            versions.put(consumer, byDay);
        }
        return versions;
    }

    private CycleInput.Period period(LocalDate day) {
        return new CycleInput.Period(day, day, tenants.zoneOf(TenantContext.requireTenantId()));
    }

    private static void check(List<UUID> consumerIds) {
        if (consumerIds.size() > MOST_CONSUMERS) throw new IllegalArgumentException("at most " + MOST_CONSUMERS + " consumers a call");
    }

    private static DayCharge charge(DeterminantComputer.Computation computation, CycleDeterminants d) {
        // a day is priced without register reads: the cycle's read and sum-check reasons are not the day's
        List<String> shortfalls = d.exceptions().stream().filter(r -> DAY_REASONS.contains(r.code())).map(r -> r.code() + ": " + r.message())
                .toList();
        Determinants priced = BillOfDeterminants.priced(d);
        Optional<Tariffs.Preview> preview = d.zones().stream().anyMatch(z -> SlotZones.UNTARIFFED.equals(z.zone()))
                ? Optional.empty() : computation.tariffs().price(d.category(), d.firstDay(), priced);
        var coverage = d.coverage();
        long present = coverage.actual() + coverage.estimated() + coverage.edited();
        if (preview.isEmpty()) {
            return new DayCharge(d.consumerId(), d.firstDay(), d.dataVersion(), d.energy().kwhImport(), present, coverage.expected(),
                    shortfalls, null, null, List.of(), BigDecimal.ZERO.setScale(2));
        }
        BillPreview bill = preview.get().bill();
        return new DayCharge(d.consumerId(), d.firstDay(), d.dataVersion(), d.energy().kwhImport(), present, coverage.expected(),
                shortfalls, preview.get().tariff().id(), preview.get().tariff().version(),
                bill.lines().stream().map(l -> new ChargeLine(l.component().name(), l.description(), l.amount())).toList(),
                bill.total());
    }
}
