package io.vidyut.mdm.billing.tariffs;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Which time-of-day zone of a category each minute of the year falls in, for splitting energy by zone: an interval
 * belongs to the zone of the minute it starts in (tenant wall clock). A flat category has the one zone
 * {@link #ALL_DAY}.
 */
public final class TodZones {
    public static final String ALL_DAY = "ALL_DAY";
    private static final int MINUTES = 24 * 60;

    private final List<String> names;
    private final byte[][] zoneOfMinute; // [month 0–11][minute of day] -> index in names
    private final boolean billsKvah;

    private TodZones(List<String> names, byte[][] zoneOfMinute, boolean billsKvah) {
        this.names = names;
        this.zoneOfMinute = zoneOfMinute;
        this.billsKvah = billsKvah;
    }

    static TodZones of(CategoryTariff category) {
        List<String> names = new ArrayList<>();
        byte[][] zones = new byte[12][MINUTES];
        boolean kvah = category.billingUnit() == CategoryTariff.BillingUnit.KVAH;
        if (category.todSlots().isEmpty()) return new TodZones(List.of(ALL_DAY), zones, kvah);
        for (CategoryTariff.TodSlot slot : category.todSlots()) {
            if (!names.contains(slot.zone())) names.add(slot.zone());
            byte index = (byte) names.indexOf(slot.zone());
            int from = slot.from().getHour() * 60 + slot.from().getMinute();
            int to = slot.to().getHour() * 60 + slot.to().getMinute();
            int length = to > from ? to - from : to - from + MINUTES;
            for (int month = 1; month <= 12; month++) {
                if (!slot.inMonth(month)) continue;
                for (int m = 0; m < length; m++) zones[month - 1][(from + m) % MINUTES] = index;
            }
        }
        return new TodZones(List.copyOf(names), zones, kvah);
    }

    /** Whether the category's energy is billed in kVAh (its determinants need the meters' kVAh). */
    public boolean billsKvah() {
        return billsKvah;
    }

    /** The zones in the order the tariff first names them. */
    public List<String> names() {
        return names;
    }

    /** Index in {@link #names()} of the zone holding this wall-clock minute. */
    public int zoneAt(LocalDateTime start) {
        return zoneOfMinute[start.getMonthValue() - 1][start.getHour() * 60 + start.getMinute()];
    }
}
