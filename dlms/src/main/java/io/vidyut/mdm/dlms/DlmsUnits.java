package io.vidyut.mdm.dlms;

import java.util.Map;

/**
 * Unit codes of the scaler_unit {@code unit} enum (Blue Book, IEC 62056-6-2 "Enumerated values for
 * physical units"). Values are the base SI-style unit; the scaler gives the power of ten (kWh = Wh with
 * scaler 3). Code 0 is not assigned by the Blue Book; this codec uses it for "no scaler_unit given".
 */
public final class DlmsUnits {
    private DlmsUnits() {
    }

    public static final int NONE_GIVEN = 0;
    public static final int YEAR = 1;
    public static final int MONTH = 2;
    public static final int WEEK = 3;
    public static final int DAY = 4;
    public static final int HOUR = 5;
    public static final int MINUTE = 6;
    public static final int SECOND = 7;
    public static final int DEGREE = 8;
    public static final int DEGREE_CELSIUS = 9;
    public static final int CURRENCY = 10;
    public static final int WATT = 27;
    public static final int VOLT_AMPERE = 28;
    public static final int VAR = 29;
    public static final int WATT_HOUR = 30;
    public static final int VOLT_AMPERE_HOUR = 31;
    public static final int VAR_HOUR = 32;
    public static final int AMPERE = 33;
    public static final int COULOMB = 34;
    public static final int VOLT = 35;
    public static final int OHM = 38;
    public static final int HERTZ = 44;
    public static final int ACTIVE_METER_CONSTANT = 45;
    public static final int REACTIVE_METER_CONSTANT = 46;
    public static final int APPARENT_METER_CONSTANT = 47;
    public static final int VOLT_SQUARED_HOUR = 48;
    public static final int AMPERE_SQUARED_HOUR = 49;
    public static final int KELVIN = 52;
    public static final int PERCENT = 56;
    public static final int AMPERE_HOUR = 57;
    public static final int DBM = 70;
    public static final int OTHER = 254;
    /** "count": no unit, unitless (e.g. event codes, power-factor in some meters). */
    public static final int COUNT = 255;

    private static final Map<Integer, String> SYMBOLS = Map.ofEntries(
            Map.entry(YEAR, "a"), Map.entry(MONTH, "mo"), Map.entry(WEEK, "wk"), Map.entry(DAY, "d"),
            Map.entry(HOUR, "h"), Map.entry(MINUTE, "min"), Map.entry(SECOND, "s"), Map.entry(DEGREE, "°"),
            Map.entry(DEGREE_CELSIUS, "°C"), Map.entry(CURRENCY, "currency"), Map.entry(WATT, "W"),
            Map.entry(VOLT_AMPERE, "VA"), Map.entry(VAR, "var"), Map.entry(WATT_HOUR, "Wh"),
            Map.entry(VOLT_AMPERE_HOUR, "VAh"), Map.entry(VAR_HOUR, "varh"), Map.entry(AMPERE, "A"),
            Map.entry(COULOMB, "C"), Map.entry(VOLT, "V"), Map.entry(OHM, "Ω"), Map.entry(HERTZ, "Hz"),
            Map.entry(ACTIVE_METER_CONSTANT, "1/(Wh)"), Map.entry(REACTIVE_METER_CONSTANT, "1/(varh)"),
            Map.entry(APPARENT_METER_CONSTANT, "1/(VAh)"), Map.entry(VOLT_SQUARED_HOUR, "V²h"),
            Map.entry(AMPERE_SQUARED_HOUR, "A²h"), Map.entry(KELVIN, "K"), Map.entry(PERCENT, "%"),
            Map.entry(AMPERE_HOUR, "Ah"), Map.entry(DBM, "dBm"), Map.entry(OTHER, "other"),
            Map.entry(COUNT, "count"));

    /** A short symbol such as {@code Wh}, or {@code unit(n)} for codes not listed here. */
    public static String symbol(int unitCode) {
        return SYMBOLS.getOrDefault(unitCode, unitCode == NONE_GIVEN ? "" : "unit(" + unitCode + ")");
    }
}
