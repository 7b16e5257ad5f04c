package io.vidyut.mdm.billing.tariffs;

import static io.vidyut.mdm.billing.tariffs.TariffFixtures.daySlots;
import static io.vidyut.mdm.billing.tariffs.TariffFixtures.domestic;
import static io.vidyut.mdm.billing.tariffs.TariffFixtures.seasonal;
import static io.vidyut.mdm.billing.tariffs.TariffFixtures.slab;
import static io.vidyut.mdm.billing.tariffs.TariffFixtures.slot;
import static org.assertj.core.api.Assertions.assertThat;

import io.vidyut.mdm.billing.tariffs.CategoryTariff.ConsumerClass;
import io.vidyut.mdm.billing.tariffs.CategoryTariff.SlotKind;
import io.vidyut.mdm.billing.tariffs.CategoryTariff.TodSlot;
import io.vidyut.mdm.common.FieldErrorsException.FieldError;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a tariff version must be: slabs in order, slots covering each month's day exactly once, the Rules 2023. */
class TariffValidatorTest {
    static final LocalDate TODAY = LocalDate.of(2026, 3, 15);

    static TariffValidator.Check check(CategoryTariff... categories) {
        return TariffValidator.check(new Tariff("FY 2026-27", LocalDate.of(2026, 4, 1), null, List.of(categories)), TODAY);
    }

    static CategoryTariff slotted(ConsumerClass consumerClass, List<TodSlot> slots) {
        return TariffFixtures.withSlots(domestic(), consumerClass, slots);
    }

    static List<String> messages(TariffValidator.Check check) {
        return check.errors().stream().map(e -> e.field() + ": " + e.message()).toList();
    }

    @Test
    void a_tariff_with_slots_covering_the_day_once_and_lawful_multipliers_passes_without_warnings() {
        TariffValidator.Check check = check(slotted(ConsumerClass.COMMERCIAL, daySlots("1.20", "0.80")),
                TariffFixtures.withCode(TariffFixtures.withSlots(domestic(), ConsumerClass.AGRICULTURAL, List.of()), "LT-4"));
        assertThat(check.errors()).isEmpty();
        assertThat(check.warnings()).isEmpty();
    }

    @Test
    void a_gap_in_the_day_is_an_error_naming_the_hours_and_months() {
        var check = check(slotted(ConsumerClass.DOMESTIC, List.of(slot("NORMAL", SlotKind.NORMAL, "00:00", "06:00", "1"),
                slot("PEAK", SlotKind.PEAK, "07:00", "00:00", "1.10"))));
        assertThat(check.errors()).containsExactly(new FieldError("categories[0].tod_slots", "all year: 06:00–07:00 is in no slot"));
        var acrossMidnight = check(slotted(ConsumerClass.DOMESTIC, List.of(slot("NORMAL", SlotKind.NORMAL, "06:00", "22:00", "1"))));
        assertThat(messages(acrossMidnight)).containsExactly("categories[0].tod_slots: all year: 22:00–06:00 is in no slot");
    }

    @Test
    void overlaps_and_uncovered_months_are_judged_per_season() {
        var overlapInWinter = check(slotted(ConsumerClass.DOMESTIC, List.of(
                seasonal("NORMAL", SlotKind.NORMAL, "00:00", "18:00", 4, 9, "1"),
                seasonal("PEAK", SlotKind.PEAK, "18:00", "00:00", 4, 9, "1.10"),
                seasonal("NORMAL", SlotKind.NORMAL, "00:00", "19:00", 10, 3, "1"),
                seasonal("PEAK", SlotKind.PEAK, "18:00", "00:00", 10, 3, "1.10"))));
        assertThat(messages(overlapInWinter))
                .containsExactly("categories[0].tod_slots: Jan–Mar, Oct–Dec: 18:00–19:00 is in more than one slot");

        var summerOnly = check(slotted(ConsumerClass.DOMESTIC, List.of(
                seasonal("NORMAL", SlotKind.NORMAL, "00:00", "18:00", 4, 9, "1"),
                seasonal("PEAK", SlotKind.PEAK, "18:00", "00:00", 4, 9, "1.10"))));
        assertThat(messages(summerOnly)).containsExactly("categories[0].tod_slots: Jan–Mar, Oct–Dec: 00:00–24:00 is in no slot");
    }

    @Test
    void seasons_wrapping_past_december_with_their_own_zones_cover_the_year() {
        var check = check(slotted(ConsumerClass.INDUSTRIAL, List.of(
                seasonal("NORMAL", SlotKind.NORMAL, "23:00", "18:00", 4, 9, "1"),
                seasonal("PEAK_SUMMER", SlotKind.PEAK, "18:00", "23:00", 4, 9, "1.25"),
                seasonal("NORMAL", SlotKind.NORMAL, "22:00", "06:00", 10, 3, "1"),
                seasonal("OFF_PEAK", SlotKind.OFF_PEAK, "06:00", "17:45", 10, 3, "0.90"),
                seasonal("PEAK_WINTER", SlotKind.PEAK, "17:45", "22:00", 10, 3, "1.20"))));
        assertThat(check.errors()).isEmpty();
        var offPeakAbove = check(slotted(ConsumerClass.INDUSTRIAL, List.of(slot("OFF_PEAK", SlotKind.OFF_PEAK, "00:00", "00:00", "1.05"))));
        assertThat(messages(offPeakAbove)).containsExactly("categories[0].tod_slots[0].multiplier: off-peak at most 1 × normal");
    }

    @Test
    void slot_ends_are_quarter_hours_and_seasons_have_both_months() {
        var check = check(slotted(ConsumerClass.DOMESTIC, List.of(slot("NORMAL", SlotKind.NORMAL, "00:10", "00:00", "1"),
                new TodSlot("NORMAL", SlotKind.NORMAL, java.time.LocalTime.MIDNIGHT, java.time.LocalTime.NOON, 4, null,
                        TariffFixtures.d("1")))));
        assertThat(check.errors()).extracting(FieldError::field)
                .containsExactly("categories[0].tod_slots[0].from", "categories[0].tod_slots[1].from_month");
    }

    @Test
    void slabs_rise_and_only_the_last_is_open_ended() {
        var check = check(TariffFixtures.withSlabs(domestic(), List.of(slab("200", "3"), slab("100", "4"), slab(null, "5"),
                slab("500", "6"))));
        assertThat(check.errors()).extracting(FieldError::field).containsExactly("categories[0].slabs[1].up_to",
                "categories[0].slabs[2].up_to", "categories[0].slabs[3].up_to");
        assertThat(messages(check(TariffFixtures.withSlabs(domestic(), List.of()))))
                .containsExactly("categories[0].slabs: 1 to 20 slabs, the last without up_to");
        assertThat(check(TariffFixtures.withSlabs(domestic(), List.of(slab(null, "-1")))).errors())
                .extracting(FieldError::field).containsExactly("categories[0].slabs[0].rate");
    }

    @Test
    void peak_must_be_at_least_1_20_for_commercial_and_industrial_and_1_10_for_others() {
        assertThat(check(slotted(ConsumerClass.COMMERCIAL, daySlots("1.15", "0.80"))).errors()).extracting(FieldError::field)
                .containsExactly("categories[0].tod_slots[3].multiplier");
        assertThat(check(slotted(ConsumerClass.INDUSTRIAL, daySlots("1.19", "0.80"))).errors()).hasSize(1);
        assertThat(check(slotted(ConsumerClass.DOMESTIC, daySlots("1.15", "0.80"))).errors()).isEmpty();
        assertThat(check(slotted(ConsumerClass.DOMESTIC, daySlots("1.09", "0.80"))).errors()).singleElement()
                .satisfies(e -> assertThat(e.message()).contains("1.10", "Rules 2023"));
    }

    @Test
    void solar_hours_must_be_at_least_20_percent_below_normal_and_normal_is_the_base() {
        assertThat(messages(check(slotted(ConsumerClass.DOMESTIC, daySlots("1.10", "0.85")))))
                .singleElement().asString().startsWith("categories[0].tod_slots[1].multiplier: solar hours at least 20 % below");
        var normalAbove = check(slotted(ConsumerClass.DOMESTIC, List.of(slot("NORMAL", SlotKind.NORMAL, "00:00", "00:00", "1.05"))));
        assertThat(messages(normalAbove)).containsExactly("categories[0].tod_slots[0].multiplier: normal hours are the base rate: 1");
    }

    @Test
    void slots_of_one_zone_share_kind_and_multiplier() {
        var check = check(slotted(ConsumerClass.DOMESTIC, List.of(slot("PEAK", SlotKind.PEAK, "00:00", "12:00", "1.10"),
                slot("PEAK", SlotKind.PEAK, "12:00", "00:00", "1.25"))));
        assertThat(check.errors()).extracting(FieldError::field).containsExactly("categories[0].tod_slots[1].zone");
    }

    @Test
    void sizes_codes_and_amounts_are_bounded_and_every_problem_is_reported_at_once() {
        var tooMany = TariffValidator.check(new Tariff("T", LocalDate.of(2026, 4, 1), null,
                Collections.nCopies(TariffValidator.MAX_CATEGORIES + 1, domestic())), TODAY);
        assertThat(messages(tooMany)).containsExactly("categories: at most 50 categories");

        var several = TariffValidator.check(new Tariff(" ", null, null, List.of(domestic(),
                TariffFixtures.withLevies(domestic(), "120", List.of(new CategoryTariff.Tax("X".repeat(65), null, null)), "-5"))), TODAY);
        assertThat(several.errors()).extracting(FieldError::field).containsExactly("name", "effective_from", "categories[1].code",
                "categories[1].duty_percent", "categories[1].free_units", "categories[1].taxes[0].code", "categories[1].taxes[0]");
    }

    @Test
    void lawful_oddities_are_warnings_a_flat_non_agricultural_category_and_a_past_effective_date() {
        var check = TariffValidator.check(new Tariff("T", TODAY.minusDays(1), null, List.of(domestic())), TODAY);
        assertThat(check.errors()).isEmpty();
        assertThat(check.warnings()).hasSize(2);
        assertThat(check.warnings().get(0)).contains("in the past");
        assertThat(check.warnings().get(1)).contains("categories[0].tod_slots", "Rules 2023");
    }
}
