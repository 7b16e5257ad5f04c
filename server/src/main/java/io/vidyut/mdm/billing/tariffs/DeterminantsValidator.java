package io.vidyut.mdm.billing.tariffs;

import io.vidyut.mdm.billing.tariffs.CategoryTariff.ChargeBasis;
import io.vidyut.mdm.common.FieldErrorsException.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether determinants are in bounds and fit the category they are billed under, before anything is computed: the
 * billing unit's energy in every zone, zones the category's ToD slots name, a sanctioned load where a charge is by it.
 */
final class DeterminantsValidator {
    static final int MAX_DAYS = 92;
    private static final BigDecimal MAX_QUANTITY = BigDecimal.valueOf(1_000_000_000);

    private DeterminantsValidator() {}

    static List<FieldError> problems(CategoryTariff category, Determinants determinants) {
        List<FieldError> problems = new ArrayList<>();
        if (determinants.days() < 1 || determinants.days() > MAX_DAYS) {
            problems.add(new FieldError("determinants.days", "1 to " + MAX_DAYS + " days"));
        }
        if (determinants.energy().size() > TariffValidator.MAX_SLOTS) {
            problems.add(new FieldError("determinants.energy", "at most " + TariffValidator.MAX_SLOTS + " zones"));
            return problems;
        }
        Set<String> zones = category.todSlots().stream().map(CategoryTariff.TodSlot::zone).collect(Collectors.toSet());
        boolean kvah = category.billingUnit() == CategoryTariff.BillingUnit.KVAH;
        for (int i = 0; i < determinants.energy().size(); i++) {
            String at = "determinants.energy[" + i + "]";
            Determinants.ZoneEnergy zone = determinants.energy().get(i);
            if (zone == null) {
                problems.add(new FieldError(at, "required"));
                continue;
            }
            if (zone.zone() == null || zone.zone().isBlank() || zone.zone().length() > TariffValidator.MAX_CODE) {
                problems.add(new FieldError(at + ".zone", "required, at most " + TariffValidator.MAX_CODE + " characters"));
            } else if (!zones.isEmpty() && !zones.contains(zone.zone())) {
                problems.add(new FieldError(at + ".zone", "not a time-of-day zone of " + category.code() + ": one of "
                        + zones.stream().sorted().collect(Collectors.joining(", "))));
            }
            quantity(problems, at + ".kwh", zone.kwh(), !kvah);
            quantity(problems, at + ".kvah", zone.kvah(), kvah);
        }
        quantity(problems, "determinants.export_kwh", determinants.exportKwh(), false);
        quantity(problems, "determinants.export_kvah", determinants.exportKvah(), false);
        quantity(problems, "determinants.md_kw", determinants.mdKw(), false);
        quantity(problems, "determinants.md_kva", determinants.mdKva(), false);
        boolean byLoad = byLoad(category.fixedCharge()) || byLoad(category.minimumCharge())
                || category.demandCharge() != null && category.demandCharge().floorPercent() != null
                && category.demandCharge().floorPercent().signum() > 0;
        quantity(problems, "determinants.sanctioned_load", determinants.sanctionedLoad(), byLoad);
        return problems;
    }

    private static boolean byLoad(CategoryTariff.Charge charge) {
        return charge != null && charge.basis() == ChargeBasis.PER_LOAD_UNIT;
    }

    private static void quantity(List<FieldError> problems, String field, BigDecimal value, boolean required) {
        if (value == null) {
            if (required) problems.add(new FieldError(field, "required"));
        } else if (value.signum() < 0 || value.compareTo(MAX_QUANTITY) > 0 || value.stripTrailingZeros().scale() > 6) {
            problems.add(new FieldError(field, "from 0 to " + MAX_QUANTITY.toPlainString() + ", at most 6 decimals"));
        }
    }
}
