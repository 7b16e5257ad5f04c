package io.vidyut.mdm.billing.cycles;

import io.vidyut.mdm.billing.tariffs.TariffBook;
import io.vidyut.mdm.tenancy.TenantContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * Computes determinants for consumers of one period, with the tenant's settings and tariffs read once: a billing
 * run's consumers chunk by chunk (chunks in parallel), or a summary's page computed on the fly.
 */
@Component
class DeterminantComputer {
    private final CycleInputs inputs;
    private final BillingSettingsStore settings;
    private final TariffBook tariffs;

    DeterminantComputer(CycleInputs inputs, BillingSettingsStore settings, TariffBook tariffs) {
        this.inputs = inputs;
        this.settings = settings;
        this.tariffs = tariffs;
    }

    /** Call inside a transaction of the tenant. */
    Computation forPeriod(CycleInput.Period period) {
        return new Computation(TenantContext.requireTenantId(), period, settings.current(), tariffs.schedule(), true);
    }

    /** A day's charge: the intervals only, no register reads or earlier determinants (see {@link CycleInputs#load}). */
    Computation forDay(CycleInput.Period period) {
        return new Computation(TenantContext.requireTenantId(), period, settings.current(), tariffs.schedule(), false);
    }

    /** A tenant's category on a grid of intervals: the key of the zones worked out once per computation. */
    private record CategoryGrid(UUID tenantId, String category, int gridMinutes) {}

    /** One consumer's result and the DT it was supplied from. */
    record Result(CycleDeterminants determinants, UUID dtId) {}

    final class Computation {
        private final CycleInput.Period period;
        private final BillingSettings rules;
        private final TariffBook.Schedule schedule;
        private final UUID tenantId;
        private final Map<CategoryGrid, SlotZones> zones = new ConcurrentHashMap<>();
        private final boolean withReads;

        private Computation(UUID tenantId, CycleInput.Period period, BillingSettings rules, TariffBook.Schedule schedule,
                            boolean withReads) {
            this.withReads = withReads;
            this.tenantId = tenantId;
            this.period = period;
            this.rules = rules;
            this.schedule = schedule;
        }

        TariffBook.Schedule tariffs() {
            return schedule;
        }

        /** At most {@link CycleInputs#MOST_CONSUMERS}; call inside a transaction of the tenant. */
        List<Result> compute(List<UUID> consumerIds) {
            List<Result> results = new ArrayList<>(consumerIds.size());
            for (CycleInput input : inputs.load(consumerIds, period, withReads)) {
                int grid = DeterminantCalculator.gridMinutes(input);
                String category = input.consumer().category();
                SlotZones slotZones = zones.computeIfAbsent(new CategoryGrid(tenantId, category, grid),
                        key -> SlotZones.of(period, grid, day -> schedule.zones(category, day)));
                results.add(new Result(DeterminantCalculator.calculate(input, period, rules, slotZones), input.consumer().dtId()));
            }
            return results;
        }
    }
}
