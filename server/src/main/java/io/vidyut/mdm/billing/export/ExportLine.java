package io.vidyut.mdm.billing.export;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One consumer's billing determinants for one cycle, as exported. Null is an absent value (exported blank). Energy in
 * kWh/kVAh, demand in kW/kVA, as the determinants computed them; timestamps keep the offset they are given with.
 *
 * @param meterSerials    the meters of the period, {@code A;B} when one replaced the other
 * @param version         1 for the first export of the cycle, higher for a revision of it
 * @param kwhByZone       kWh imported per ToD zone, in the tariff's zone order
 * @param estimatedShare  the share of the period's energy that was estimated, as the determinants give it
 * @param loadRevision    whether the maximum demand calls for a revision of the sanctioned load
 */
public record ExportLine(String accountNo, String meterSerials, LocalDate periodFrom, LocalDate periodTo, int version,
                         String status, BigDecimal kwhImport, BigDecimal kwhExport, BigDecimal kvahImport,
                         BigDecimal kvahExport, Map<String, BigDecimal> kwhByZone, BigDecimal mdKw, OffsetDateTime mdKwAt,
                         BigDecimal mdKva, OffsetDateTime mdKvaAt, BigDecimal powerFactor, BigDecimal openingKwh,
                         BigDecimal closingKwh, BigDecimal estimatedShare, BigDecimal bankedKwh, boolean loadRevision) {
    public ExportLine {
        // a copy keeps the caller's order (a LinkedHashMap's) and cannot change under the export
        kwhByZone = kwhByZone == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(kwhByZone));
    }
}
