package io.vidyut.mdm.billing.cycles;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One consumer's billing determinants for one period, from billing-grade data only (VEE-passed, estimated or edited;
 * what an open blocking exception holds back is left out and counted). Energy in kWh/kVAh to 0.0001 (the store's
 * resolution, exact sums), demand in kW/kVA to 0.001. docs/billing.md defines every field.
 */
record CycleDeterminants(UUID consumerId, String accountNo, String category, LocalDate firstDay, LocalDate lastDay, int days,
                         Energy energy, List<TodZoneEnergy> zones, Demand demand, BigDecimal powerFactor, NetMetering netMetering,
                         List<MeterRead> meters, Coverage coverage, long dataVersion, List<Reason> exceptions) {

    record Energy(BigDecimal kwhImport, BigDecimal kwhExport, BigDecimal kvahImport, BigDecimal kvahExport) {}

    /** Energy of one time-of-day zone of the consumer's tariff category ({@code ALL_DAY} for a flat tariff). */
    record TodZoneEnergy(String zone, BigDecimal kwhImport, BigDecimal kvahImport, BigDecimal kwhExport) {}

    /**
     * Maximum demand over the integration period and the end of the period it was recorded in; whether it stood above
     * the sanctioned load, how many cycles of the financial year (April–March) did so counting this one, and whether
     * this is the third or later (the sanctioned load is to be revised, Rules 2023).
     */
    record Demand(int integrationMinutes, boolean sliding, BigDecimal mdKw, OffsetDateTime mdKwAt, BigDecimal mdKva,
                  OffsetDateTime mdKvaAt, BigDecimal sanctionedLoadKw, boolean exceedsLoad, int exceedancesInYear,
                  boolean loadRevision) {}

    /** Net metering: import less export; a surplus is banked and carried to the next cycle of the financial year. */
    record NetMetering(BigDecimal importKwh, BigDecimal exportKwh, BigDecimal netKwh, BigDecimal bankedOpeningKwh,
                       BigDecimal bankedUsedKwh, BigDecimal bankedClosingKwh, BigDecimal billedKwh) {}

    /**
     * One meter's import register at the period's edges and the sum check: {@code intervalKwh} is the sum of its
     * intervals between the two reads; {@code difference} = register difference − interval sum.
     */
    record MeterRead(UUID meterId, String serial, boolean inService, BigDecimal openingKwh, OffsetDateTime openingAt,
                     BigDecimal closingKwh, OffsetDateTime closingAt, BigDecimal registerKwh, BigDecimal intervalKwh,
                     BigDecimal difference) {}

    /**
     * The period's import intervals: {@code expected} at the interval length, of which {@code actual},
     * {@code estimated} and {@code edited} are present (edited wins over estimated), {@code withheld} held back by VEE,
     * {@code missing} absent; shares of expected.
     */
    record Coverage(int intervalMinutes, long expected, long actual, long estimated, long edited, long withheld, long missing,
                    BigDecimal estimatedShare, BigDecimal missingShare) {}

    /** Why a cycle is held in the billing exception queue. */
    record Reason(String code, String message) {}

    boolean held() {
        return !exceptions.isEmpty();
    }
}
