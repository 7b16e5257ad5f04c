package io.vidyut.mdm.billing.tariffs;

import static io.vidyut.mdm.billing.tariffs.TariffFixtures.d;
import static io.vidyut.mdm.billing.tariffs.TariffFixtures.daySlots;
import static io.vidyut.mdm.billing.tariffs.TariffFixtures.domestic;
import static io.vidyut.mdm.billing.tariffs.TariffFixtures.flat;
import static io.vidyut.mdm.billing.tariffs.TariffFixtures.slab;
import static io.vidyut.mdm.billing.tariffs.TariffFixtures.zone;
import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.billing.tariffs.BillPreview.Component;
import io.vidyut.mdm.billing.tariffs.BillPreview.Line;
import io.vidyut.mdm.billing.tariffs.CategoryTariff.BillingUnit;
import io.vidyut.mdm.billing.tariffs.CategoryTariff.Charge;
import io.vidyut.mdm.billing.tariffs.CategoryTariff.ChargeBasis;
import io.vidyut.mdm.billing.tariffs.CategoryTariff.ConsumerClass;
import io.vidyut.mdm.billing.tariffs.CategoryTariff.DemandCharge;
import io.vidyut.mdm.billing.tariffs.CategoryTariff.LoadUnit;
import io.vidyut.mdm.billing.tariffs.CategoryTariff.Tax;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The charge calculation, one rule at a time, in exact rupees. */
class ChargeCalculatorTest {

    static BillPreview bill(CategoryTariff category, Determinants determinants) {
        return ChargeCalculator.calculate(category, Tariff.Rounding.PAISA, determinants);
    }

    static List<BigDecimal> amounts(BillPreview bill, Component component) {
        return bill.lines().stream().filter(l -> l.component() == component).map(Line::amount).toList();
    }

    @Test
    void telescopic_slabs_charge_each_slab_at_its_own_rate() {
        BillPreview bill = bill(domestic(), flat("250", 30));
        assertThat(amounts(bill, Component.ENERGY)).containsExactly(d("300.00"), d("450.00"), d("300.00"));
        assertThat(bill.lines()).extracting(Line::quantity).containsExactly(d("100.000"), d("100.000"), d("50.000"));
        assertThat(bill.total()).isEqualTo(d("1050.00"));
    }

    @Test
    void units_on_a_slab_limit_stay_in_that_slab_and_one_more_unit_starts_the_next() {
        assertThat(amounts(bill(domestic(), flat("100", 30)), Component.ENERGY)).containsExactly(d("300.00"));
        assertThat(amounts(bill(domestic(), flat("100.5", 30)), Component.ENERGY)).containsExactly(d("300.00"), d("2.25"));
        assertThat(amounts(bill(domestic(), flat("0", 30)), Component.ENERGY)).isEmpty();
        assertThat(bill(domestic(), flat("0", 30)).total()).isEqualTo(d("0.00"));
    }

    @Test
    void slab_limits_are_pro_rated_by_days_over_thirty() {
        BillPreview bill = bill(domestic(), flat("250", 31));
        // limits 100 × 31/30 = 103.333 and 200 × 31/30 = 206.667
        assertThat(bill.lines()).extracting(Line::quantity).containsExactly(d("103.333"), d("103.334"), d("43.333"));
        assertThat(amounts(bill, Component.ENERGY)).containsExactly(d("310.00"), d("465.00"), d("260.00"));
        assertThat(bill(domestic(), flat("250", 15)).lines()).extracting(Line::quantity)
                .containsExactly(d("50.000"), d("50.000"), d("150.000"));
    }

    @Test
    void peak_hours_are_surcharged_and_solar_hours_rebated_on_the_average_energy_rate() {
        CategoryTariff commercial = TariffFixtures.withSlots(TariffFixtures.withSlabs(domestic(), List.of(slab(null, "8.00"))),
                ConsumerClass.COMMERCIAL, daySlots("1.20", "0.80"));
        BillPreview bill = bill(commercial, new Determinants(30, List.of(zone("NORMAL", "700"), zone("PEAK", "100"),
                zone("SOLAR", "200")), null, null, null, null, null));
        assertThat(amounts(bill, Component.ENERGY)).containsExactly(d("8000.00"));
        // 8000 × 200/1000 × (0.80 − 1) and 8000 × 100/1000 × (1.20 − 1): normal hours have no line
        assertThat(amounts(bill, Component.TOD)).containsExactly(d("-320.00"), d("160.00"));
        assertThat(bill.total()).isEqualTo(d("7840.00"));
    }

    @Test
    void tod_on_telescopic_slabs_uses_the_bill_s_average_rate() {
        CategoryTariff category = TariffFixtures.withSlots(domestic(), ConsumerClass.DOMESTIC, daySlots("1.10", "0.80"));
        BillPreview bill = bill(category, new Determinants(30, List.of(zone("NORMAL", "150"), zone("PEAK", "100")),
                null, null, null, null, null));
        // energy 1050.00 over 250 units: peak 1050 × 100/250 × 0.10 = 42.00
        assertThat(amounts(bill, Component.TOD)).containsExactly(d("42.00"));
        assertThat(bill.total()).isEqualTo(d("1092.00"));
    }

    @Test
    void a_kvah_category_bills_the_kvah_and_ignores_the_kwh() {
        CategoryTariff kvah = TariffFixtures.withUnits(domestic(), BillingUnit.KVAH, LoadUnit.KVA);
        BillPreview bill = bill(kvah, new Determinants(30, List.of(new Determinants.ZoneEnergy("ALL", d("180"), d("200"))),
                d("50"), d("10"), null, null, null));
        assertThat(bill.billingUnit()).isEqualTo("kVAh");
        assertThat(bill.billedUnits()).isEqualTo(d("190.000"));
        assertThat(bill.total()).isEqualTo(d("705.00")); // 300 + 90 × 4.50
    }

    @Test
    void net_metering_bills_import_less_export_and_never_below_zero() {
        Determinants exporting = new Determinants(30, List.of(zone("ALL", "300")), d("120"), null, null, null, null);
        assertThat(bill(domestic(), exporting).billedUnits()).isEqualTo(d("180.000"));
        assertThat(bill(domestic(), exporting).total()).isEqualTo(d("660.00"));

        BillPreview surplus = bill(domestic(), new Determinants(30, List.of(zone("ALL", "300")), d("400"), null, null, null, null));
        assertThat(surplus.billedUnits()).isEqualTo(d("0.000"));
        assertThat(surplus.surplusExport()).isEqualTo(d("100.000"));
        assertThat(surplus.lines()).isEmpty();
        assertThat(surplus.total()).isEqualTo(d("0.00"));
    }

    @Test
    void demand_is_billed_on_recorded_md_but_at_least_the_floor_share_of_sanctioned_load() {
        CategoryTariff ht = TariffFixtures.withCharges(TariffFixtures.withUnits(domestic(), BillingUnit.KVAH, LoadUnit.KVA),
                null, new DemandCharge(d("300"), d("75")), null);
        BillPreview low = bill(ht, new Determinants(30, List.of(), null, null, d("90"), d("60"), d("100")));
        assertThat(low.billedDemand()).isEqualTo(d("75.000"));
        assertThat(amounts(low, Component.DEMAND)).containsExactly(d("22500.00"));

        // above the sanctioned load the actual MD is billed (Rules 2023)
        BillPreview high = bill(ht, new Determinants(30, List.of(), null, null, d("90"), d("120.5"), d("100")));
        assertThat(high.billedDemand()).isEqualTo(d("120.500"));
        assertThat(amounts(high, Component.DEMAND)).containsExactly(d("36150.00"));
        assertThat(amounts(bill(ht, new Determinants(15, List.of(), null, null, null, d("120.5"), d("100"))), Component.DEMAND))
                .containsExactly(d("18075.00"));
    }

    @Test
    void fixed_charges_are_per_load_unit_or_per_connection_and_pro_rated() {
        CategoryTariff perKw = TariffFixtures.withCharges(domestic(), new Charge(ChargeBasis.PER_LOAD_UNIT, d("110")), null, null);
        Determinants fiveKw = new Determinants(31, List.of(), null, null, null, null, d("5"));
        assertThat(amounts(bill(perKw, fiveKw), Component.FIXED)).containsExactly(d("568.33")); // 5 × 110 × 31/30
        CategoryTariff perConnection = TariffFixtures.withCharges(domestic(), new Charge(ChargeBasis.PER_CONNECTION, d("60")), null, null);
        assertThat(amounts(bill(perConnection, fiveKw), Component.FIXED)).containsExactly(d("62.00"));
    }

    @Test
    void free_units_are_a_subsidy_of_their_slab_charge_never_more_than_the_energy_charge() {
        CategoryTariff free = TariffFixtures.withLevies(domestic(), null, List.of(), "50");
        BillPreview bill = bill(free, flat("150", 30));
        assertThat(amounts(bill, Component.SUBSIDY)).containsExactly(d("-150.00"));
        assertThat(bill.total()).isEqualTo(d("375.00"));

        BillPreview within = bill(free, flat("40", 30));
        assertThat(amounts(within, Component.SUBSIDY)).containsExactly(d("-120.00"));
        assertThat(within.total()).isEqualTo(d("0.00"));
        // pro-rated: 50 × 15/30 = 25 free units
        assertThat(amounts(bill(free, flat("40", 15)), Component.SUBSIDY)).containsExactly(d("-75.00"));
    }

    @Test
    void a_bill_below_the_minimum_charge_is_topped_up_to_it() {
        CategoryTariff minimum = TariffFixtures.withCharges(domestic(), new Charge(ChargeBasis.PER_CONNECTION, d("50")), null,
                new Charge(ChargeBasis.PER_CONNECTION, d("200")));
        BillPreview low = bill(minimum, flat("10", 30));
        assertThat(amounts(low, Component.MINIMUM_CHARGE)).containsExactly(d("120.00")); // 200 − (30 + 50)
        assertThat(low.total()).isEqualTo(d("200.00"));
        assertThat(amounts(bill(minimum, flat("100", 30)), Component.MINIMUM_CHARGE)).isEmpty();
    }

    @Test
    void duty_is_a_share_of_the_energy_charges_and_taxes_of_the_charges_or_per_unit() {
        CategoryTariff levied = TariffFixtures.withLevies(TariffFixtures.withCharges(domestic(),
                        new Charge(ChargeBasis.PER_CONNECTION, d("100")), null, null), "16",
                List.of(new Tax("TOSE", null, d("0.1804")), new Tax("CESS", d("2"), null)), null);
        BillPreview bill = bill(levied, flat("250", 30));
        assertThat(amounts(bill, Component.DUTY)).containsExactly(d("168.00")); // 16 % of 1050
        assertThat(amounts(bill, Component.TAX)).containsExactly(d("45.10"), d("23.00")); // 250 × 0.1804; 2 % of 1150
        assertThat(bill.total()).isEqualTo(d("1386.10"));
    }

    @Test
    void the_total_is_rounded_to_the_rupee_with_a_line_for_the_difference() {
        CategoryTariff odd = TariffFixtures.withSlabs(domestic(), List.of(slab(null, "3.33")));
        BillPreview up = ChargeCalculator.calculate(odd, Tariff.Rounding.RUPEE, flat("10.5", 30)); // 34.965 → 34.97
        assertThat(amounts(up, Component.ROUNDING)).containsExactly(d("0.03"));
        assertThat(up.total()).isEqualTo(d("35.00"));
        BillPreview down = ChargeCalculator.calculate(odd, Tariff.Rounding.RUPEE, flat("10.35", 30)); // 34.4655 → 34.47
        assertThat(amounts(down, Component.ROUNDING)).containsExactly(d("-0.47"));
        assertThat(down.total()).isEqualTo(d("34.00"));
        assertThat(ChargeCalculator.calculate(odd, Tariff.Rounding.PAISA, flat("10.5", 30)).total()).isEqualTo(d("34.97"));
    }

    @Test
    void an_ht_industrial_bill_puts_kvah_tod_demand_and_duty_together() {
        CategoryTariff ht = TariffFixtures.withLevies(TariffFixtures.withCharges(TariffFixtures.withSlots(
                        TariffFixtures.withUnits(TariffFixtures.withSlabs(domestic(), List.of(slab(null, "7.00"))),
                                BillingUnit.KVAH, LoadUnit.KVA), ConsumerClass.INDUSTRIAL, daySlots("1.20", "0.80")),
                null, new DemandCharge(d("400"), d("85")), new Charge(ChargeBasis.PER_LOAD_UNIT, d("100"))), "5", List.of(), null);
        Determinants determinants = new Determinants(30, List.of(new Determinants.ZoneEnergy("NORMAL", d("9000"), d("10000")),
                new Determinants.ZoneEnergy("PEAK", d("4500"), d("5000")), new Determinants.ZoneEnergy("SOLAR", d("4500"), d("5000"))),
                null, null, d("380"), d("400"), d("500"));
        BillPreview bill = ChargeCalculator.calculate(ht, Tariff.Rounding.RUPEE, determinants);
        assertThat(amounts(bill, Component.ENERGY)).containsExactly(d("140000.00")); // 20000 kVAh × 7
        assertThat(amounts(bill, Component.TOD)).containsExactly(d("-7000.00"), d("7000.00"));
        assertThat(bill.billedDemand()).isEqualTo(d("425.000")); // 85 % of 500 kVA above the recorded 400
        assertThat(amounts(bill, Component.DEMAND)).containsExactly(d("170000.00"));
        assertThat(amounts(bill, Component.MINIMUM_CHARGE)).isEmpty(); // 50000 is well below
        assertThat(amounts(bill, Component.DUTY)).containsExactly(d("7000.00"));
        assertThat(bill.total()).isEqualTo(d("317000.00"));
    }

    @Test
    void the_worked_example_of_docs_billing_md() {
        CategoryTariff lt1 = TariffFixtures.withLevies(TariffFixtures.withCharges(TariffFixtures.withSlots(
                        TariffFixtures.withSlabs(domestic(), List.of(slab("100", "3.00"), slab("300", "4.50"), slab(null, "6.50"))),
                        ConsumerClass.DOMESTIC, daySlots("1.10", "0.80")),
                new Charge(ChargeBasis.PER_LOAD_UNIT, d("50")), null, null), "16", List.of(), null);
        Determinants determinants = new Determinants(31, List.of(zone("NORMAL", "180"), zone("PEAK", "90"), zone("SOLAR", "80")),
                d("20"), null, null, null, d("3"));
        BillPreview bill = ChargeCalculator.calculate(lt1, Tariff.Rounding.RUPEE, determinants);
        assertThat(bill.billedUnits()).isEqualTo(d("330.000"));
        assertThat(amounts(bill, Component.ENERGY)).containsExactly(d("310.00"), d("930.00"), d("130.00"));
        assertThat(amounts(bill, Component.TOD)).containsExactly(d("-62.63"), d("35.23"));
        assertThat(amounts(bill, Component.FIXED)).containsExactly(d("155.00"));
        assertThat(amounts(bill, Component.DUTY)).containsExactly(d("214.82"));
        assertThat(amounts(bill, Component.ROUNDING)).containsExactly(d("-0.42"));
        assertThat(bill.total()).isEqualTo(d("1712.00"));
    }
}
