package io.vidyut.mdm.billing.tariffs;

import io.vidyut.mdm.billing.tariffs.CategoryTariff.ConsumerClass;
import io.vidyut.mdm.billing.tariffs.CategoryTariff.SlotKind;
import io.vidyut.mdm.billing.tariffs.CategoryTariff.TodSlot;
import io.vidyut.mdm.common.FieldErrorsException.FieldError;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks a tariff version must pass before it is stored, all reported at once: bounds on sizes and amounts,
 * slabs in order, time-of-day slots covering each month's 24 hours exactly once, and the Electricity (Rights of
 * Consumers) Amendment Rules 2023 on multipliers (peak at least 1.20 × normal for commercial and industrial, 1.10 ×
 * for others; solar hours at least 20 % below normal; normal is 1). Breaking a rule is an error: a DISCOM cannot
 * notify a tariff below the Rules' floor. What is lawful but worth a second look comes back as warnings.
 */
final class TariffValidator {
    static final int MAX_CATEGORIES = 50;
    static final int MAX_SLABS = 20;
    static final int MAX_SLOTS = 48;
    static final int MAX_TAXES = 10;
    static final int MAX_CODE = 64;
    static final int MAX_TEXT = 200;
    static final BigDecimal SOLAR_MAXIMUM = new BigDecimal("0.80");
    private static final BigDecimal MAX_RATE = BigDecimal.valueOf(1_000);          // ₹ per unit
    private static final BigDecimal MAX_MONTHLY = BigDecimal.valueOf(1_000_000);   // ₹ per kW/kVA or connection
    private static final BigDecimal MAX_UNITS = BigDecimal.valueOf(100_000_000);
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final int SLOT_STEP_MINUTES = 15;

    record Check(List<FieldError> errors, List<String> warnings) {}

    private final List<FieldError> errors = new ArrayList<>();
    private final List<String> warnings = new ArrayList<>();

    private TariffValidator() {}

    /** {@code today} is the tenant's day: a version effective before it changes bills already due. */
    static Check check(Tariff tariff, LocalDate today) {
        TariffValidator validator = new TariffValidator();
        validator.tariff(tariff, today);
        return new Check(List.copyOf(validator.errors), List.copyOf(validator.warnings));
    }

    private void tariff(Tariff tariff, LocalDate today) {
        text("name", tariff.name(), MAX_TEXT, true);
        if (tariff.effectiveFrom() == null) error("effective_from", "required (a date, e.g. 2026-04-01)");
        else if (tariff.effectiveFrom().isBefore(today)) {
            warnings.add("effective_from " + tariff.effectiveFrom() + " is in the past: bills of the days since may differ");
        }
        if (tariff.categories().isEmpty()) error("categories", "at least one category");
        if (tariff.categories().size() > MAX_CATEGORIES) {
            error("categories", "at most " + MAX_CATEGORIES + " categories");
            return;
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < tariff.categories().size(); i++) {
            CategoryTariff category = tariff.categories().get(i);
            String field = "categories[" + i + "]";
            if (category == null) {
                error(field, "required");
                continue;
            }
            if (category.code() != null && !codes.add(category.code())) error(field + ".code", "the same code twice: " + category.code());
            category(field, category);
        }
    }

    private void category(String field, CategoryTariff category) {
        text(field + ".code", category.code(), MAX_CODE, true);
        text(field + ".description", category.description(), MAX_TEXT, false);
        if (category.consumerClass() == null) {
            error(field + ".consumer_class", "required: one of DOMESTIC, COMMERCIAL, INDUSTRIAL, AGRICULTURAL, OTHER");
        }
        slabs(field + ".slabs", category.slabs());
        slots(field + ".tod_slots", category);
        if (category.fixedCharge() != null) charge(field + ".fixed_charge", category.fixedCharge());
        if (category.demandCharge() != null) {
            amount(field + ".demand_charge.rate", category.demandCharge().rate(), MAX_MONTHLY, true);
            amount(field + ".demand_charge.floor_percent", category.demandCharge().floorPercent(), HUNDRED, false);
        }
        if (category.minimumCharge() != null) charge(field + ".minimum_charge", category.minimumCharge());
        amount(field + ".duty_percent", category.dutyPercent(), HUNDRED, true);
        amount(field + ".free_units", category.freeUnits(), MAX_UNITS, true);
        taxes(field + ".taxes", category.taxes());
    }

    private void slabs(String field, List<CategoryTariff.Slab> slabs) {
        if (slabs.isEmpty() || slabs.size() > MAX_SLABS) {
            error(field, "1 to " + MAX_SLABS + " slabs, the last without up_to");
            return;
        }
        BigDecimal previous = BigDecimal.ZERO;
        for (int i = 0; i < slabs.size(); i++) {
            CategoryTariff.Slab slab = slabs.get(i);
            String at = field + "[" + i + "]";
            if (slab == null) {
                error(at, "required");
                continue;
            }
            amount(at + ".rate", slab.rate(), MAX_RATE, true);
            boolean last = i == slabs.size() - 1;
            if (last && slab.upTo() != null) error(at + ".up_to", "the last slab is open-ended: leave up_to out");
            if (!last && slab.upTo() == null) error(at + ".up_to", "required on every slab but the last");
            if (slab.upTo() != null && amount(at + ".up_to", slab.upTo(), MAX_UNITS, true)) {
                if (slab.upTo().compareTo(previous) <= 0) error(at + ".up_to", "above the previous slab's limit " + previous.toPlainString());
                else previous = slab.upTo();
            }
        }
    }

    private void slots(String field, CategoryTariff category) {
        List<TodSlot> slots = category.todSlots();
        if (slots.isEmpty()) {
            if (category.consumerClass() != ConsumerClass.AGRICULTURAL) {
                warnings.add(field + ": no time-of-day slots; the Rules 2023 require ToD tariffs for smart-metered "
                        + "consumers other than agricultural");
            }
            return;
        }
        if (slots.size() > MAX_SLOTS) {
            error(field, "at most " + MAX_SLOTS + " slots");
            return;
        }
        boolean valid = true;
        Map<String, TodSlot> zones = new HashMap<>();
        for (int i = 0; i < slots.size(); i++) {
            String at = field + "[" + i + "]";
            TodSlot slot = slots.get(i);
            if (slot == null) {
                error(at, "required");
                valid = false;
                continue;
            }
            valid &= slot(at, slot);
            if (slot.zone() == null || slot.kind() == null || slot.multiplier() == null) continue;
            TodSlot first = zones.putIfAbsent(slot.zone(), slot);
            if (first != null && (first.kind() != slot.kind() || first.multiplier().compareTo(slot.multiplier()) != 0)) {
                error(at + ".zone", "zone " + slot.zone() + " has another kind or multiplier in an earlier slot: "
                        + "determinants are per zone, so its slots share them");
            }
            if (category.consumerClass() != null) rules2023(at + ".multiplier", slot, category.consumerClass());
        }
        if (valid) SlotCoverage.problems(slots).forEach(problem -> error(field, problem));
    }

    /** One slot's own fields; true when coverage can be judged from it. */
    private boolean slot(String at, TodSlot slot) {
        text(at + ".zone", slot.zone(), MAX_CODE, true);
        if (slot.kind() == null) error(at + ".kind", "required: one of NORMAL, PEAK, OFF_PEAK, SOLAR");
        amount(at + ".multiplier", slot.multiplier(), BigDecimal.valueOf(5), true);
        if (slot.multiplier() != null && slot.multiplier().signum() == 0) error(at + ".multiplier", "above 0");
        boolean valid = quarterHour(at + ".from", slot.from()) & quarterHour(at + ".to", slot.to());
        if ((slot.fromMonth() == null) != (slot.toMonth() == null)) {
            error(at + ".from_month", "from_month and to_month together (a season), or neither (all year)");
            valid = false;
        }
        return valid & month(at + ".from_month", slot.fromMonth()) & month(at + ".to_month", slot.toMonth());
    }

    /** Slot ends on quarter hours: interval data (15 or 30 minutes) falls wholly in one slot. */
    private boolean quarterHour(String field, java.time.LocalTime time) {
        if (time == null || time.getSecond() != 0 || time.getNano() != 0 || time.getMinute() % SLOT_STEP_MINUTES != 0) {
            error(field, "required, a time of day on a quarter hour (HH:mm; 00:00 is midnight)");
            return false;
        }
        return true;
    }

    private boolean month(String field, Integer month) {
        if (month != null && (month < 1 || month > 12)) {
            error(field, "a month, 1 to 12");
            return false;
        }
        return true;
    }

    private void rules2023(String field, TodSlot slot, ConsumerClass consumerClass) {
        BigDecimal multiplier = slot.multiplier();
        switch (slot.kind()) {
            case PEAK -> {
                if (multiplier.compareTo(consumerClass.minimumPeakMultiplier()) < 0) {
                    error(field, "peak at least " + consumerClass.minimumPeakMultiplier() + " × normal for " + consumerClass
                            + " (Electricity (Rights of Consumers) Amendment Rules 2023)");
                }
            }
            case SOLAR -> {
                if (multiplier.compareTo(SOLAR_MAXIMUM) > 0) {
                    error(field, "solar hours at least 20 % below normal: at most " + SOLAR_MAXIMUM
                            + " (Electricity (Rights of Consumers) Amendment Rules 2023)");
                }
            }
            case NORMAL -> {
                if (multiplier.compareTo(BigDecimal.ONE) != 0) error(field, "normal hours are the base rate: 1");
            }
            case OFF_PEAK -> {
                if (multiplier.compareTo(BigDecimal.ONE) > 0) error(field, "off-peak at most 1 × normal");
            }
        }
    }

    private void charge(String field, CategoryTariff.Charge charge) {
        if (charge.basis() == null) error(field + ".basis", "required: PER_LOAD_UNIT or PER_CONNECTION");
        amount(field + ".rate", charge.rate(), MAX_MONTHLY, true);
    }

    private void taxes(String field, List<CategoryTariff.Tax> taxes) {
        if (taxes.size() > MAX_TAXES) {
            error(field, "at most " + MAX_TAXES + " taxes");
            return;
        }
        for (int i = 0; i < taxes.size(); i++) {
            String at = field + "[" + i + "]";
            CategoryTariff.Tax tax = taxes.get(i);
            if (tax == null) {
                error(at, "required");
                continue;
            }
            text(at + ".code", tax.code(), MAX_CODE, true);
            if ((tax.percent() == null) == (tax.perUnit() == null)) {
                error(at, "either percent (of the charges) or per_unit (₹ per billed unit)");
            }
            if (tax.percent() != null) amount(at + ".percent", tax.percent(), HUNDRED, true);
            if (tax.perUnit() != null) amount(at + ".per_unit", tax.perUnit(), MAX_RATE, true);
        }
    }

    /** A non-negative amount up to {@code max} with at most 4 decimals (paise and their hundredths); true if it is. */
    private boolean amount(String field, BigDecimal value, BigDecimal max, boolean required) {
        if (value == null) {
            if (required) error(field, "required");
            return false;
        }
        if (value.signum() < 0 || value.compareTo(max) > 0 || value.stripTrailingZeros().scale() > 4) {
            error(field, "from 0 to " + max.toPlainString() + ", at most 4 decimals");
            return false;
        }
        return true;
    }

    private void text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) error(field, "required");
            return;
        }
        if (value.length() > max || value.chars().anyMatch(Character::isISOControl)) {
            error(field, "at most " + max + " characters, no control characters");
        }
    }

    private void error(String field, String message) {
        errors.add(new FieldError(field, message));
    }
}
