/**
 * Tariffs and the charges they make: each tenant's tariff versions with effective dates ({@link
 * io.vidyut.mdm.billing.tariffs.TariffStore}), the checks a version must pass ({@link
 * io.vidyut.mdm.billing.tariffs.TariffValidator}, {@link io.vidyut.mdm.billing.tariffs.SlotCoverage}) and the bill
 * preview, a pure calculation from a category and billing determinants ({@link
 * io.vidyut.mdm.billing.tariffs.ChargeCalculator}). Money is BigDecimal rupees, every charge line rounded to the
 * paisa. Internal to the billing module. See docs/billing.md.
 */
package io.vidyut.mdm.billing.tariffs;
