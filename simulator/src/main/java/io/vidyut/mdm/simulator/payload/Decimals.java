package io.vidyut.mdm.simulator.payload;

/** Fixed-point formatting without BigDecimal: the payload writers call it for every value. */
final class Decimals {
    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000};

    private Decimals() {
    }

    /** {@code value} rounded half-up to {@code places} decimals, plain notation, e.g. 0.123 or 231.4. */
    static String format(double value, int places) {
        return plain(Math.round(value * POWERS[places]), places);
    }

    /** The integer count of 10^scaler units closest to {@code value} (scaler ≤ 0), as DLMS and vendor B send. */
    static long scaled(double value, int scaler) {
        return Math.round(value * POWERS[-scaler]);
    }

    static String plain(long unscaled, int places) {
        if (places == 0) {
            return Long.toString(unscaled);
        }
        StringBuilder digits = new StringBuilder(Long.toString(Math.abs(unscaled)));
        while (digits.length() <= places) {
            digits.insert(0, '0');
        }
        digits.insert(digits.length() - places, '.');
        if (unscaled < 0) {
            digits.insert(0, '-');
        }
        return digits.toString();
    }
}
