package io.vidyut.mdm.billing.cycles;

import io.vidyut.mdm.billing.tariffs.TodZones;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The time-of-day zone of every interval of a period for one tariff category, worked out once per category and run:
 * slot i is the interval starting {@code i × gridMinutes} after the period's start. A day without a tariff version
 * that has the category puts its energy in {@link #UNTARIFFED}. {@code billsKvah}: some day's version bills the
 * category in kVAh.
 */
record SlotZones(List<String> names, int[] zoneOfSlot, boolean tariffed, boolean billsKvah) {
    static final String UNTARIFFED = "UNTARIFFED";

    static SlotZones of(CycleInput.Period period, int gridMinutes, Function<LocalDate, Optional<TodZones>> zonesOn) {
        int perDay = 24 * 60 / gridMinutes;
        int[] zoneOfSlot = new int[period.days() * perDay];
        List<String> names = new ArrayList<>();
        boolean tariffed = true, billsKvah = false;
        for (int d = 0; d < period.days(); d++) {
            LocalDate day = period.firstDay().plusDays(d);
            Optional<TodZones> zones = zonesOn.apply(day);
            tariffed &= zones.isPresent();
            billsKvah |= zones.map(TodZones::billsKvah).orElse(false);
            var start = day.atStartOfDay(period.zone());
            for (int s = 0; s < perDay; s++) {
                LocalDateTime wallClock = start.plusMinutes((long) s * gridMinutes).toLocalDateTime();
                String name = zones.map(z -> z.names().get(z.zoneAt(wallClock))).orElse(UNTARIFFED);
                int index = names.indexOf(name);
                if (index < 0) {
                    names.add(name);
                    index = names.size() - 1;
                }
                zoneOfSlot[d * perDay + s] = index;
            }
        }
        return new SlotZones(List.copyOf(names), zoneOfSlot, tariffed, billsKvah);
    }
}
