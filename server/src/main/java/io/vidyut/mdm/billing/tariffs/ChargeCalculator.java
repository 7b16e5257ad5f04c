package io.vidyut.mdm.billing.tariffs;

import io.vidyut.mdm.billing.tariffs.BillPreview.Component;
import io.vidyut.mdm.billing.tariffs.BillPreview.Line;
import io.vidyut.mdm.billing.tariffs.CategoryTariff.ChargeBasis;
import io.vidyut.mdm.billing.tariffs.CategoryTariff.Slab;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A bill's charges from a tariff category and determinants, a pure function (docs/billing.md has the rules and a
 * worked example). Every line is rounded to the paisa once, from exact intermediate amounts; monthly amounts and
 * limits are pro-rated by days / 30; the determinants are expected to have passed {@link DeterminantsValidator}.
 */
final class ChargeCalculator {
    static final int UNIT_SCALE = 3;
    static final int MONEY_SCALE = 2;
    private static final BigDecimal MONTH_DAYS = BigDecimal.valueOf(30);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private ChargeCalculator() {}

    static BillPreview calculate(CategoryTariff category, Tariff.Rounding rounding, Determinants determinants) {
        var unit = category.billingUnit();
        int days = determinants.days();
        Map<String, BigDecimal> importByZone = new LinkedHashMap<>();
        for (Determinants.ZoneEnergy zone : determinants.energy()) {
            importByZone.merge(zone.zone(), determinants.imported(unit, zone), BigDecimal::add);
        }
        BigDecimal imported = importByZone.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal exported = determinants.exported(unit);
        BigDecimal billed = imported.subtract(exported).max(BigDecimal.ZERO);
        BigDecimal surplus = exported.subtract(imported).max(BigDecimal.ZERO);

        List<Line> lines = new ArrayList<>();
        String units = unit.symbol;
        BigDecimal energy = add(lines, slabLines(category.slabs(), billed, days, units));
        BigDecimal tod = add(lines, todLines(category, importByZone, imported, energy));
        BigDecimal subsidy = add(lines, subsidyLine(category, billed, days, units, energy.add(tod)));
        BigDecimal fixed = add(lines, fixedLine(category, determinants));
        BillPreview.Line demandLine = demandLine(category, determinants);
        BigDecimal demand = add(lines, demandLine == null ? List.of() : List.of(demandLine));
        BigDecimal charges = energy.add(tod).add(subsidy).add(fixed).add(demand);
        BigDecimal topUp = add(lines, minimumChargeLine(category, determinants, charges));
        add(lines, dutyLine(category, energy.add(tod).add(subsidy)));
        add(lines, taxLines(category, charges.add(topUp), billed, units));
        BigDecimal total = lines.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add).setScale(MONEY_SCALE);
        if (rounding == Tariff.Rounding.RUPEE) {
            BigDecimal rounded = total.setScale(0, RoundingMode.HALF_UP).setScale(MONEY_SCALE);
            if (rounded.compareTo(total) != 0) {
                lines.add(new Line(Component.ROUNDING, "Rounded to the rupee", null, null, rounded.subtract(total)));
            }
            total = rounded;
        }
        return new BillPreview(category.code(), units, days, units(imported), units(exported), units(billed), units(surplus),
                demandLine == null ? null : demandLine.quantity(), List.copyOf(lines), total);
    }

    private static BigDecimal add(List<Line> lines, List<Line> more) {
        lines.addAll(more);
        return more.stream().map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Telescopic: each slab's units at its own rate, the limits pro-rated (limit × days / 30, to 3 decimals). */
    static List<Line> slabLines(List<Slab> slabs, BigDecimal billed, int days, String units) {
        List<Line> lines = new ArrayList<>();
        BigDecimal lower = BigDecimal.ZERO;
        for (Slab slab : slabs) {
            if (billed.compareTo(lower) <= 0) break;
            BigDecimal upper = slab.upTo() == null ? null : prorated(slab.upTo(), days).setScale(UNIT_SCALE, RoundingMode.HALF_UP);
            BigDecimal inSlab = (upper == null ? billed : billed.min(upper)).subtract(lower);
            String range = units(lower).toPlainString() + "–" + (upper == null ? "" : units(upper).toPlainString()) + " " + units;
            lines.add(new Line(Component.ENERGY, "Energy " + range, units(inSlab), slab.rate(), money(inSlab.multiply(slab.rate()))));
            if (upper == null) break;
            lower = upper;
        }
        return lines;
    }

    /**
     * Per zone whose multiplier is not 1: the zone's share of the billed units (export netted pro rata over the zones)
     * at the average energy rate × (multiplier − 1), a surcharge above 1 and a rebate below.
     */
    private static List<Line> todLines(CategoryTariff category, Map<String, BigDecimal> importByZone, BigDecimal imported,
                                       BigDecimal energy) {
        if (category.todSlots().isEmpty() || imported.signum() == 0 || energy.signum() == 0) return List.of();
        Map<String, CategoryTariff.TodSlot> zones = new LinkedHashMap<>();
        category.todSlots().forEach(slot -> zones.putIfAbsent(slot.zone(), slot));
        List<Line> lines = new ArrayList<>();
        for (var zone : zones.values()) {
            BigDecimal zoneImport = importByZone.getOrDefault(zone.zone(), BigDecimal.ZERO);
            BigDecimal change = zone.multiplier().subtract(BigDecimal.ONE);
            if (zoneImport.signum() == 0 || change.signum() == 0) continue;
            BigDecimal share = zoneImport.divide(imported, 12, RoundingMode.HALF_UP);
            BigDecimal amount = money(energy.multiply(zoneImport).multiply(change).divide(imported, 12, RoundingMode.HALF_UP));
            lines.add(new Line(Component.TOD, zone.zone() + " (" + zone.kind() + ") × " + zone.multiplier().stripTrailingZeros()
                    .toPlainString() + " on " + share.multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP).toPlainString()
                    + " % of the energy charge", null, null, amount));
        }
        return lines;
    }

    /** The energy charge of the first free units (pro-rated), at the slab rates; never more than energy and ToD. */
    private static List<Line> subsidyLine(CategoryTariff category, BigDecimal billed, int days, String units, BigDecimal cap) {
        if (category.freeUnits().signum() == 0 || billed.signum() == 0) return List.of();
        BigDecimal free = billed.min(prorated(category.freeUnits(), days).setScale(UNIT_SCALE, RoundingMode.HALF_UP));
        BigDecimal value = slabLines(category.slabs(), free, days, units).stream().map(Line::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add).min(cap.max(BigDecimal.ZERO));
        if (value.signum() == 0) return List.of();
        return List.of(new Line(Component.SUBSIDY, "Free units", units(free), null, value.negate()));
    }

    private static List<Line> fixedLine(CategoryTariff category, Determinants determinants) {
        var fixed = category.fixedCharge();
        if (fixed == null) return List.of();
        BigDecimal quantity = quantity(fixed, determinants);
        return List.of(new Line(Component.FIXED, "Fixed charge " + basis(fixed, category) + proration(determinants.days()),
                quantity, fixed.rate(), money(prorated(quantity.multiply(fixed.rate()), determinants.days()))));
    }

    /** Billed MD: the recorded maximum demand, at least the floor % of the sanctioned load. */
    private static Line demandLine(CategoryTariff category, Determinants determinants) {
        var demand = category.demandCharge();
        if (demand == null) return null;
        BigDecimal floorPercent = demand.floorPercent() == null ? BigDecimal.ZERO : demand.floorPercent();
        BigDecimal floor = determinants.load().multiply(floorPercent).divide(HUNDRED);
        BigDecimal billedDemand = units(determinants.recordedDemand(category.loadUnit()).max(floor));
        return new Line(Component.DEMAND, "Demand charge per " + category.loadUnit().symbol + " of billed MD (recorded, at least "
                + floorPercent.stripTrailingZeros().toPlainString() + " % of sanctioned load)" + proration(determinants.days()),
                billedDemand, demand.rate(), money(prorated(billedDemand.multiply(demand.rate()), determinants.days())));
    }

    /** What makes the charges before duty and taxes up to the (pro-rated) minimum charge. */
    private static List<Line> minimumChargeLine(CategoryTariff category, Determinants determinants, BigDecimal charges) {
        var minimum = category.minimumCharge();
        if (minimum == null) return List.of();
        BigDecimal quantity = quantity(minimum, determinants);
        BigDecimal floor = money(prorated(quantity.multiply(minimum.rate()), determinants.days()));
        if (charges.compareTo(floor) >= 0) return List.of();
        return List.of(new Line(Component.MINIMUM_CHARGE, "Up to the minimum charge of ₹" + floor.toPlainString() + " "
                + basis(minimum, category) + proration(determinants.days()), quantity, minimum.rate(), floor.subtract(charges)));
    }

    private static List<Line> dutyLine(CategoryTariff category, BigDecimal energyCharges) {
        if (category.dutyPercent().signum() == 0 || energyCharges.signum() <= 0) return List.of();
        return List.of(new Line(Component.DUTY, "Electricity duty " + category.dutyPercent().stripTrailingZeros().toPlainString()
                + " % of energy charges ₹" + energyCharges.toPlainString(), null, null,
                money(energyCharges.multiply(category.dutyPercent()).divide(HUNDRED))));
    }

    private static List<Line> taxLines(CategoryTariff category, BigDecimal charges, BigDecimal billed, String units) {
        List<Line> lines = new ArrayList<>();
        for (var tax : category.taxes()) {
            if (tax.percent() != null) {
                lines.add(new Line(Component.TAX, tax.code() + " " + tax.percent().stripTrailingZeros().toPlainString()
                        + " % of charges ₹" + charges.toPlainString(), null, null, money(charges.multiply(tax.percent()).divide(HUNDRED))));
            } else {
                lines.add(new Line(Component.TAX, tax.code() + " per " + units, units(billed), tax.perUnit(),
                        money(billed.multiply(tax.perUnit()))));
            }
        }
        return lines;
    }

    private static BigDecimal quantity(CategoryTariff.Charge charge, Determinants determinants) {
        return charge.basis() == ChargeBasis.PER_CONNECTION ? BigDecimal.ONE : units(determinants.load());
    }

    private static String basis(CategoryTariff.Charge charge, CategoryTariff category) {
        return charge.basis() == ChargeBasis.PER_CONNECTION ? "per connection"
                : "per " + category.loadUnit().symbol + " of sanctioned load";
    }

    private static String proration(int days) {
        return days == 30 ? "" : ", × " + days + "/30 days";
    }

    /** A monthly amount for {@code days} days: × days / 30, exact to 12 decimals before the line's own rounding. */
    static BigDecimal prorated(BigDecimal monthly, int days) {
        return monthly.multiply(BigDecimal.valueOf(days)).divide(MONTH_DAYS, 12, RoundingMode.HALF_UP);
    }

    static BigDecimal money(BigDecimal exact) {
        return exact.setScale(MONEY_SCALE, RoundingMode.HALF_UP);
    }

    static BigDecimal units(BigDecimal exact) {
        return exact.setScale(UNIT_SCALE, RoundingMode.HALF_UP);
    }
}
