package io.vidyut.mdm.billing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Consumers' tenant-local days priced from billing-grade data by the tariff version in force on the day, monthly
 * amounts pro-rated to one day (docs/billing.md): what prepaid charges each day. Call inside a transaction of the
 * tenant, at most {@link #MOST_CONSUMERS} consumers a call.
 */
public interface DayCharges {
    int MOST_CONSUMERS = 300;

    /** Each consumer's day, in the order asked; a day no tariff prices comes back unpriced with the reason. */
    List<DayCharge> price(List<UUID> consumerIds, LocalDate day);

    /**
     * The data version each consumer's days from {@code first} to {@code last} would be priced from now
     * ({@link DayCharge#dataVersion}), read in one query without loading any interval: a charged day whose version
     * moved is to be priced again. Consumers without data have version 0 on each day.
     */
    Map<UUID, Map<LocalDate, Long>> dataVersions(List<UUID> consumerIds, LocalDate first, LocalDate last);

    /**
     * One consumer's day: imported kWh, the import intervals present of those expected, why the data falls short of
     * billing grade (held back by VEE, too estimated, missing), and the charges by component (debits positive, a
     * subsidy negative) with the tariff version that made them.
     */
    record DayCharge(UUID consumerId, LocalDate day, long dataVersion, BigDecimal kwhImport, long intervals, long expected,
                     List<String> shortfalls, UUID tariffId, Integer tariffVersion, List<ChargeLine> lines, BigDecimal total) {
        public boolean priced() {
            return tariffId != null;
        }
    }

    /** A charge of the day: ENERGY, TOD, SUBSIDY, FIXED, DEMAND, MINIMUM_CHARGE, DUTY, TAX or ROUNDING. */
    record ChargeLine(String component, String description, BigDecimal amount) {}
}
