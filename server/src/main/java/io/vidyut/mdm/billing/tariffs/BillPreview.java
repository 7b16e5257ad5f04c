package io.vidyut.mdm.billing.tariffs;

import java.math.BigDecimal;
import java.util.List;

/**
 * A bill's charges by component, in rupees (each line to the paisa), and their total. Units are in the category's
 * billing unit: {@code billedUnits} is import less export, never below zero; export beyond import is
 * {@code surplusExport} (banking it is not done here).
 */
public record BillPreview(String category, String billingUnit, int days, BigDecimal importedUnits, BigDecimal exportedUnits,
                   BigDecimal billedUnits, BigDecimal surplusExport, BigDecimal billedDemand, List<Line> lines,
                   BigDecimal total) {

    public enum Component { ENERGY, TOD, SUBSIDY, FIXED, DEMAND, MINIMUM_CHARGE, DUTY, TAX, ROUNDING }

    /**
     * One charge: {@code quantity} (units, kW/kVA, connections) at {@code rate} ₹ each, pro-rated where the
     * description says so; ToD lines have the average energy rate's share as rate.
     */
    public record Line(Component component, String description, BigDecimal quantity, BigDecimal rate, BigDecimal amount) {}

    BigDecimal sum(Component component) {
        return lines.stream().filter(l -> l.component() == component).map(Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
