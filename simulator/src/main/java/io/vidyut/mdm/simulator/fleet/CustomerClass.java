package io.vidyut.mdm.simulator.fleet;

import java.util.Locale;

/** The load shape family of a consumer, read from its tariff category. */
public enum CustomerClass {
    RESIDENTIAL, COMMERCIAL;

    /**
     * Indian tariff names vary by state ("LT-1 Domestic", "LT-2 Non-Domestic", "NDS", "Commercial"), so the
     * words decide rather than a code list.
     */
    public static CustomerClass ofTariff(String tariffCategory) {
        if (tariffCategory == null) {
            return RESIDENTIAL;
        }
        String t = tariffCategory.toUpperCase(Locale.ROOT);
        boolean nonDomestic = t.contains("NON-DOMESTIC") || t.contains("NON DOMESTIC") || t.contains("NONDOMESTIC")
                || t.matches(".*\\bNDS\\b.*");
        return nonDomestic || t.contains("COMMERCIAL") || t.contains("INDUSTRIAL") ? COMMERCIAL : RESIDENTIAL;
    }
}
