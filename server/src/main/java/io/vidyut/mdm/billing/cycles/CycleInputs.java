package io.vidyut.mdm.billing.cycles;

import io.vidyut.mdm.billing.cycles.CycleInput.HeldBack;
import io.vidyut.mdm.billing.cycles.CycleInput.MeterInput;
import io.vidyut.mdm.billing.cycles.CycleInput.Period;
import io.vidyut.mdm.billing.cycles.CycleInput.Register;
import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.common.ids.MeterId;
import io.vidyut.mdm.meters.LifecycleStage;
import io.vidyut.mdm.meters.Meter;
import io.vidyut.mdm.meters.MeterService;
import io.vidyut.mdm.network.ConsumerAccount;
import io.vidyut.mdm.network.ConsumerService;
import io.vidyut.mdm.readings.IntervalDay;
import io.vidyut.mdm.readings.IntervalQueries;
import io.vidyut.mdm.readings.ReadingStore;
import io.vidyut.mdm.readings.ReadingStore.RegisterQuery;
import io.vidyut.mdm.readings.ReadingStore.RegisterValue;
import io.vidyut.mdm.vee.VeeStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads what the determinants of many consumers for one period are computed from, a fixed few bulk queries per call
 * whatever the number of consumers (at most {@link #MOST_CONSUMERS}): the consumers, every meter they had, those
 * meters' import/export day rows from the day before the period, what VEE holds back, the import register at both
 * edges, and the consumers' earlier determinants of the financial year.
 */
@Component
class CycleInputs {
    /** Consumers per call: their meters' day rows must stay within {@link IntervalQueries#MOST_DAY_ROWS}. */
    static final int MOST_CONSUMERS = 300;
    static final List<Channel> ENERGY = List.of(Channel.KWH_IMPORT, Channel.KWH_EXPORT, Channel.KVAH_IMPORT, Channel.KVAH_EXPORT);
    static final long DAY = 86_400;

    private final ConsumerService consumers;
    private final MeterService meters;
    private final IntervalQueries intervals;
    private final ReadingStore store;
    private final VeeStatus vee;
    private final DeterminantStore determinants;

    CycleInputs(ConsumerService consumers, MeterService meters, IntervalQueries intervals, ReadingStore store, VeeStatus vee,
                DeterminantStore determinants) {
        this.consumers = consumers;
        this.meters = meters;
        this.intervals = intervals;
        this.store = store;
        this.vee = vee;
        this.determinants = determinants;
    }

    @Transactional(readOnly = true)
    List<CycleInput> load(Collection<UUID> consumerIds, Period period) {
        return load(consumerIds, period, true);
    }

    /**
     * {@code withReads} false: no register reads and no earlier determinants of the year (a day's charge needs
     * neither: no sum check, no banking, no exceedance count), three to four queries fewer per call.
     */
    @Transactional(readOnly = true)
    List<CycleInput> load(Collection<UUID> consumerIds, Period period, boolean withReads) {
        if (consumerIds.size() > MOST_CONSUMERS) throw new IllegalArgumentException("at most " + MOST_CONSUMERS + " consumers a call");
        List<ConsumerAccount> accounts = consumers.getAll(consumerIds);
        Map<UUID, List<Meter>> metersOf = meters.ofConsumers(consumerIds).stream().collect(Collectors.groupingBy(Meter::consumerId));
        List<Meter> all = metersOf.values().stream().flatMap(List::stream).toList();
        Instant from = period.start().minusSeconds(DAY);
        List<MeterId> meterIds = all.stream().map(m -> new MeterId(m.id())).toList();
        Map<UUID, List<IntervalDay>> daysOf = meterIds.isEmpty() ? Map.of() : intervals.days(meterIds, ENERGY,
                new IntervalQueries.Range(from, period.end())).stream().collect(Collectors.groupingBy(IntervalDay::meterId));
        Map<UUID, List<HeldBack>> heldOf = vee.withheld(all.stream().map(Meter::id).toList(), ENERGY, from, period.end()).stream()
                .collect(Collectors.groupingBy(VeeStatus.MeterWithheld::meterId, Collectors.mapping(
                        w -> new HeldBack(w.channel(), w.withheld().firstAt(), w.withheld().lastAt()), Collectors.toList())));
        Map<UUID, Register> opening = withReads ? openingReads(all, period) : Map.of();
        Map<UUID, Register> closing = withReads ? closingReads(all, period, opening) : Map.of();
        DeterminantStore.YearSoFar earlier = withReads ? determinants.yearSoFar(consumerIds, period)
                : new DeterminantStore.YearSoFar(Map.of(), Map.of());

        List<CycleInput> inputs = new ArrayList<>();
        for (ConsumerAccount account : accounts) {
            List<MeterInput> meterInputs = metersOf.getOrDefault(account.id(), List.of()).stream()
                    .map(m -> new MeterInput(m.id(), m.serial(), m.lifecycleStage() != LifecycleStage.DECOMMISSIONED,
                            daysOf.getOrDefault(m.id(), List.of()), heldOf.getOrDefault(m.id(), List.of()),
                            opening.get(m.id()), closing.get(m.id())))
                    .filter(m -> m.inService() || !m.days().isEmpty()) // a meter removed before the period is not this period's
                    .toList();
            inputs.add(new CycleInput(new CycleInput.Consumer(account.id(), account.accountNo(), account.tariffCategory(),
                    account.sanctionedLoadKw(), account.netMetered(), account.dtId()), meterInputs,
                    earlier.bankedKwh().get(account.id()), earlier.exceedances().getOrDefault(account.id(), 0)));
        }
        return inputs;
    }

    /**
     * The import register at the period's start: the latest read at or before it, if no more than a day old (the
     * intervals loaded reach back a day); otherwise, as for a meter installed in the period, its first read in it.
     */
    private Map<UUID, Register> openingReads(List<Meter> all, Period period) {
        Map<UUID, Register> opening = new HashMap<>(reads(all, period.start(), false));
        opening.values().removeIf(read -> read.at().isBefore(period.start().minusSeconds(DAY)));
        List<Meter> unread = all.stream().filter(m -> !opening.containsKey(m.id())).toList();
        reads(unread, period.start(), true).forEach((meter, first) -> {
            if (!first.at().isAfter(period.end())) opening.put(meter, first);
        });
        return opening;
    }

    /** The latest import register read at or before the period's end, if after the opening read. */
    private Map<UUID, Register> closingReads(List<Meter> all, Period period, Map<UUID, Register> opening) {
        Map<UUID, Register> closing = new HashMap<>(reads(all, period.end(), false));
        closing.entrySet().removeIf(e -> {
            Register open = opening.get(e.getKey());
            return open == null ? e.getValue().at().isBefore(period.start()) : !e.getValue().at().isAfter(open.at());
        });
        return closing;
    }

    /** Each meter's latest import register read at or before {@code at}, or (with {@code from}) its first at or after it. */
    private Map<UUID, Register> reads(List<Meter> all, Instant at, boolean from) {
        List<RegisterQuery> queries = all.stream()
                .map(m -> new RegisterQuery(m.id(), Channel.KWH_IMPORT_TOTAL, from ? at : at.plusSeconds(1))).toList();
        Map<UUID, Register> reads = new HashMap<>();
        for (Map.Entry<RegisterQuery, RegisterValue> e : (from ? store.registersFrom(queries) : store.registersBefore(queries)).entrySet()) {
            reads.put(e.getKey().meterId(), new Register(e.getValue().at(), e.getValue().value()));
        }
        return reads;
    }
}
