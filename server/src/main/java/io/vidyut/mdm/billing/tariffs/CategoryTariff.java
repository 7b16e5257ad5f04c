package io.vidyut.mdm.billing.tariffs;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.LocalTime;
import java.util.List;

/**
 * What one consumer category (the consumers' {@code tariff_category}, e.g. {@code LT-1}) pays. Energy is billed in
 * {@code billingUnit} over telescopic {@code slabs} (monthly limits), adjusted per time-of-day zone by its slots'
 * multiplier; sanctioned load and maximum demand are in {@code loadUnit}. Monthly amounts (fixed, demand, minimum
 * charges, slab limits, free units) are pro-rated over a period's days / 30. An empty {@code todSlots} is a flat
 * tariff.
 *
 * @param consumerClass what the Electricity (Rights of Consumers) Amendment Rules 2023 hold the ToD multipliers to
 * @param dutyPercent electricity duty, % of the energy charges (after ToD and subsidy)
 * @param freeUnits units per month the category does not pay energy charges for (a subsidy), from the first slab
 */
record CategoryTariff(String code, String description, ConsumerClass consumerClass, BillingUnit billingUnit,
                      LoadUnit loadUnit, List<Slab> slabs, List<TodSlot> todSlots, Charge fixedCharge,
                      DemandCharge demandCharge, BigDecimal dutyPercent, List<Tax> taxes, BigDecimal freeUnits,
                      Charge minimumCharge) {

    CategoryTariff {
        if (billingUnit == null) billingUnit = BillingUnit.KWH;
        if (loadUnit == null) loadUnit = LoadUnit.KW;
        slabs = slabs == null ? List.of() : slabs;
        todSlots = todSlots == null ? List.of() : todSlots;
        taxes = taxes == null ? List.of() : taxes;
        if (dutyPercent == null) dutyPercent = BigDecimal.ZERO;
        if (freeUnits == null) freeUnits = BigDecimal.ZERO;
    }

    enum ConsumerClass {
        DOMESTIC, COMMERCIAL, INDUSTRIAL, AGRICULTURAL, OTHER;

        private static final BigDecimal BUSINESS_PEAK = new BigDecimal("1.20");
        private static final BigDecimal OTHER_PEAK = new BigDecimal("1.10");

        /** Rules 2023: peak at least 1.20 × normal for commercial and industrial consumers, 1.10 × for the others. */
        BigDecimal minimumPeakMultiplier() {
            return this == COMMERCIAL || this == INDUSTRIAL ? BUSINESS_PEAK : OTHER_PEAK;
        }
    }

    enum BillingUnit {
        KWH("kWh"), KVAH("kVAh");

        final String symbol;

        BillingUnit(String symbol) {
            this.symbol = symbol;
        }
    }

    enum LoadUnit {
        KW("kW"), KVA("kVA");

        final String symbol;

        LoadUnit(String symbol) {
            this.symbol = symbol;
        }
    }

    /** Up to {@code upTo} units a month (the previous slab's limit excluded), at {@code rate} ₹/unit; the last is open. */
    record Slab(BigDecimal upTo, BigDecimal rate) {}

    /**
     * A time-of-day slot: {@code from} (included) to {@code to} (excluded, IST wall clock; {@code to} at or before
     * {@code from} runs past midnight) in the months {@code fromMonth}–{@code toMonth} (both included, may wrap
     * past December; absent for all year). Slots of one {@code zone} share its kind and multiplier: determinants
     * report energy per zone.
     */
    record TodSlot(String zone, SlotKind kind, @JsonFormat(pattern = "HH:mm") LocalTime from,
                   @JsonFormat(pattern = "HH:mm") LocalTime to, Integer fromMonth, Integer toMonth,
                   BigDecimal multiplier) {

        boolean allYear() {
            return fromMonth == null && toMonth == null;
        }

        boolean inMonth(int month) {
            if (allYear()) return true;
            return fromMonth <= toMonth ? month >= fromMonth && month <= toMonth : month >= fromMonth || month <= toMonth;
        }
    }

    enum SlotKind { NORMAL, PEAK, OFF_PEAK, SOLAR }

    /** A monthly charge: {@code rate} ₹ per kW/kVA of sanctioned load, or per connection. */
    record Charge(ChargeBasis basis, BigDecimal rate) {}

    enum ChargeBasis { PER_LOAD_UNIT, PER_CONNECTION }

    /**
     * ₹ {@code rate} a month per kW/kVA of billed maximum demand: the recorded MD, but at least {@code floorPercent}
     * of the sanctioned load.
     */
    record DemandCharge(BigDecimal rate, BigDecimal floorPercent) {}

    /** A tax on the bill: {@code percent} of the charges before duty and taxes, or {@code perUnit} ₹ per billed unit. */
    record Tax(String code, BigDecimal percent, BigDecimal perUnit) {}
}
