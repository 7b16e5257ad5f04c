package io.vidyut.mdm.billing.cycles;

import io.vidyut.mdm.billing.tariffs.Determinants;
import io.vidyut.mdm.billing.tariffs.TariffBook;
import io.vidyut.mdm.billing.tariffs.Tariffs;
import java.math.BigDecimal;

/** Stored determinants priced by the tariff: what the consumer app and prepaid will show as the bill of a period. */
final class BillOfDeterminants {
    private BillOfDeterminants() {}

    static Tariffs.Preview preview(TariffBook tariffs, CycleDeterminants d) {
        return tariffs.preview(d.category(), d.lastDay(), priced(d));
    }

    /** What the tariff prices of the determinants: export nets off import only for a net-metered consumer. */
    static Determinants priced(CycleDeterminants d) {
        boolean net = d.netMetering() != null;
        return new Determinants(d.days(),
                d.zones().stream().map(z -> new Determinants.ZoneEnergy(z.zone(), z.kwhImport(), z.kvahImport())).toList(),
                net ? d.energy().kwhExport() : BigDecimal.ZERO, net ? d.energy().kvahExport() : BigDecimal.ZERO,
                d.demand().mdKw(), d.demand().mdKva(), d.demand().sanctionedLoadKw());
    }
}
