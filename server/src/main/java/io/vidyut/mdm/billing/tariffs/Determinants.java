package io.vidyut.mdm.billing.tariffs;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a consumer's bill is computed from, for one period: imported energy per time-of-day zone (kWh and, for kVAh
 * billing, kVAh), exported energy (net metering), the recorded maximum demand, the sanctioned load (in the
 * category's load unit) and the period's days (30 is a month). Absent amounts are zero; the sanctioned load is
 * required where the category charges by it.
 */
public record Determinants(Integer days, List<ZoneEnergy> energy, BigDecimal exportKwh, BigDecimal exportKvah, BigDecimal mdKw,
                    BigDecimal mdKva, BigDecimal sanctionedLoad) {

    public Determinants {
        if (days == null) days = 30;
        energy = energy == null ? List.of() : energy;
        if (exportKwh == null) exportKwh = BigDecimal.ZERO;
        if (exportKvah == null) exportKvah = BigDecimal.ZERO;
        if (mdKw == null) mdKw = BigDecimal.ZERO;
        if (mdKva == null) mdKva = BigDecimal.ZERO;
    }

    /** Energy imported in a time-of-day zone of the category (any name for a flat tariff). */
    public record ZoneEnergy(String zone, BigDecimal kwh, BigDecimal kvah) {}

    BigDecimal imported(CategoryTariff.BillingUnit unit, ZoneEnergy zone) {
        BigDecimal value = unit == CategoryTariff.BillingUnit.KVAH ? zone.kvah() : zone.kwh();
        return value == null ? BigDecimal.ZERO : value;
    }

    BigDecimal exported(CategoryTariff.BillingUnit unit) {
        return unit == CategoryTariff.BillingUnit.KVAH ? exportKvah : exportKwh;
    }

    BigDecimal load() {
        return sanctionedLoad == null ? BigDecimal.ZERO : sanctionedLoad;
    }

    BigDecimal recordedDemand(CategoryTariff.LoadUnit unit) {
        return unit == CategoryTariff.LoadUnit.KVA ? mdKva : mdKw;
    }
}
