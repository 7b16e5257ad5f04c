package io.vidyut.mdm.billing.tariffs;

import io.vidyut.mdm.billing.tariffs.CategoryTariff.BillingUnit;
import io.vidyut.mdm.billing.tariffs.CategoryTariff.Charge;
import io.vidyut.mdm.billing.tariffs.CategoryTariff.ConsumerClass;
import io.vidyut.mdm.billing.tariffs.CategoryTariff.DemandCharge;
import io.vidyut.mdm.billing.tariffs.CategoryTariff.LoadUnit;
import io.vidyut.mdm.billing.tariffs.CategoryTariff.Slab;
import io.vidyut.mdm.billing.tariffs.CategoryTariff.SlotKind;
import io.vidyut.mdm.billing.tariffs.CategoryTariff.Tax;
import io.vidyut.mdm.billing.tariffs.CategoryTariff.TodSlot;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;

/** Categories, slots and determinants for the tariff tests, each changed one part at a time. */
final class TariffFixtures {
    private TariffFixtures() {}

    static BigDecimal d(String value) {
        return new BigDecimal(value);
    }

    static Slab slab(String upTo, String rate) {
        return new Slab(upTo == null ? null : d(upTo), d(rate));
    }

    static TodSlot slot(String zone, SlotKind kind, String from, String to, String multiplier) {
        return new TodSlot(zone, kind, LocalTime.parse(from), LocalTime.parse(to), null, null, d(multiplier));
    }

    static TodSlot seasonal(String zone, SlotKind kind, String from, String to, int fromMonth, int toMonth, String multiplier) {
        return new TodSlot(zone, kind, LocalTime.parse(from), LocalTime.parse(to), fromMonth, toMonth, d(multiplier));
    }

    /** Normal 00:00–09:00 and 17:00–18:00 and 22:00–24:00, solar 09:00–17:00, peak 18:00–22:00. */
    static List<TodSlot> daySlots(String peak, String solar) {
        return List.of(slot("NORMAL", SlotKind.NORMAL, "22:00", "09:00", "1"), slot("SOLAR", SlotKind.SOLAR, "09:00", "17:00", solar),
                slot("NORMAL", SlotKind.NORMAL, "17:00", "18:00", "1"), slot("PEAK", SlotKind.PEAK, "18:00", "22:00", peak));
    }

    /** A domestic kWh category with three telescopic slabs (0–100 at ₹3.00, to 200 at ₹4.50, above at ₹6.00), flat. */
    static CategoryTariff domestic() {
        return new CategoryTariff("LT-1", "Domestic", ConsumerClass.DOMESTIC, BillingUnit.KWH, LoadUnit.KW,
                List.of(slab("100", "3.00"), slab("200", "4.50"), slab(null, "6.00")), List.of(), null, null, null, List.of(),
                null, null);
    }

    static CategoryTariff withCode(CategoryTariff c, String code) {
        return new CategoryTariff(code, c.description(), c.consumerClass(), c.billingUnit(), c.loadUnit(), c.slabs(), c.todSlots(),
                c.fixedCharge(), c.demandCharge(), c.dutyPercent(), c.taxes(), c.freeUnits(), c.minimumCharge());
    }

    static CategoryTariff withSlabs(CategoryTariff c, List<Slab> slabs) {
        return new CategoryTariff(c.code(), c.description(), c.consumerClass(), c.billingUnit(), c.loadUnit(), slabs, c.todSlots(),
                c.fixedCharge(), c.demandCharge(), c.dutyPercent(), c.taxes(), c.freeUnits(), c.minimumCharge());
    }

    static CategoryTariff withSlots(CategoryTariff c, ConsumerClass consumerClass, List<TodSlot> slots) {
        return new CategoryTariff(c.code(), c.description(), consumerClass, c.billingUnit(), c.loadUnit(), c.slabs(), slots,
                c.fixedCharge(), c.demandCharge(), c.dutyPercent(), c.taxes(), c.freeUnits(), c.minimumCharge());
    }

    static CategoryTariff withUnits(CategoryTariff c, BillingUnit billingUnit, LoadUnit loadUnit) {
        return new CategoryTariff(c.code(), c.description(), c.consumerClass(), billingUnit, loadUnit, c.slabs(), c.todSlots(),
                c.fixedCharge(), c.demandCharge(), c.dutyPercent(), c.taxes(), c.freeUnits(), c.minimumCharge());
    }

    static CategoryTariff withCharges(CategoryTariff c, Charge fixed, DemandCharge demand, Charge minimum) {
        return new CategoryTariff(c.code(), c.description(), c.consumerClass(), c.billingUnit(), c.loadUnit(), c.slabs(),
                c.todSlots(), fixed, demand, c.dutyPercent(), c.taxes(), c.freeUnits(), minimum);
    }

    static CategoryTariff withLevies(CategoryTariff c, String dutyPercent, List<Tax> taxes, String freeUnits) {
        return new CategoryTariff(c.code(), c.description(), c.consumerClass(), c.billingUnit(), c.loadUnit(), c.slabs(),
                c.todSlots(), c.fixedCharge(), c.demandCharge(), dutyPercent == null ? null : d(dutyPercent), taxes,
                freeUnits == null ? null : d(freeUnits), c.minimumCharge());
    }

    /** {@code kwh} imported in one zone over {@code days}. */
    static Determinants flat(String kwh, int days) {
        return new Determinants(days, List.of(new Determinants.ZoneEnergy("ALL", d(kwh), null)), null, null, null, null, null);
    }

    static Determinants.ZoneEnergy zone(String name, String kwh) {
        return new Determinants.ZoneEnergy(name, d(kwh), null);
    }
}
