package io.vidyut.mdm.billing.tariffs;

import java.time.LocalDate;
import java.util.List;

/**
 * One version of a tenant's tariff, as a tenant administrator submits it: in force from {@code effectiveFrom}
 * (a tenant-local day) until a later version's date, with a part per consumer category. {@code rounding} is how the
 * bill's total is rounded (default to the rupee).
 */
record Tariff(String name, LocalDate effectiveFrom, Rounding rounding, List<CategoryTariff> categories) {

    Tariff {
        if (rounding == null) rounding = Rounding.RUPEE;
        categories = categories == null ? List.of() : categories;
    }

    enum Rounding { RUPEE, PAISA }

    java.util.Optional<CategoryTariff> category(String code) {
        return categories.stream().filter(c -> c != null && code.equals(c.code())).findFirst();
    }
}
