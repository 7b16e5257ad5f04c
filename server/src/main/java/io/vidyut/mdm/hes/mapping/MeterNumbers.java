package io.vidyut.mdm.hes.mapping;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Numbers as a meter can send them, checked before any arithmetic touches them. A decimal's cost in
 * {@link BigDecimal} grows with its exponent, not its length: {@code 1e60000000} is ten characters
 * that take most of a minute to round. No meter value needs more than {@value #MAX_DIGITS}
 * significant digits, a magnitude of 10^{@value #MAX_INTEGER_DIGITS} or a step finer than
 * 10^-{@value #MAX_FRACTION_DIGITS}, and a DLMS scaler is an int8 of which meters use a handful of
 * values; anything beyond is refused as a reason for the row's rejection ({@link NumberFormatException}).
 */
final class MeterNumbers {
    static final int MAX_DIGITS = 30;
    static final int MAX_INTEGER_DIGITS = 15;
    static final int MAX_FRACTION_DIGITS = 20;
    static final int MAX_SCALER = 9;
    /** ASCII digits only: {@code new BigDecimal} also takes "١٢٣" and "１２３" as 123, which no HES means. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    /** Longest text worth reading as a number: digits, sign, point and an exponent. */
    private static final int MAX_TEXT = MAX_DIGITS + 8;

    private MeterNumbers() {}

    /** The decimal a text holds, trimmed; refused when it is not plain ASCII decimal notation or out of bounds. */
    static BigDecimal parse(String text) {
        String trimmed = text.strip();
        if (!DECIMAL.matcher(trimmed).matches()) throw new NumberFormatException("not a number: " + ForeignText.echo(text));
        try {
            if (trimmed.length() > MAX_TEXT) throw new NumberFormatException("longer than " + MAX_TEXT + " characters");
            return bounded(new BigDecimal(trimmed));
        } catch (NumberFormatException e) {
            throw new NumberFormatException(ForeignText.echo(trimmed) + " is out of range: " + e.getMessage());
        }
    }

    /** The decimal itself when a meter could have sent it; reads only its precision and scale. */
    static BigDecimal bounded(BigDecimal value) {
        if (value.precision() > MAX_DIGITS) {
            throw new NumberFormatException("more than " + MAX_DIGITS + " significant digits");
        }
        if (value.signum() != 0 && value.precision() - value.scale() > MAX_INTEGER_DIGITS
                || value.signum() == 0 && value.scale() < 0) {
            throw new NumberFormatException("magnitude beyond 1e" + MAX_INTEGER_DIGITS);
        }
        if (value.scale() > MAX_FRACTION_DIGITS) {
            throw new NumberFormatException("more than " + MAX_FRACTION_DIGITS + " decimal places");
        }
        return value;
    }

    /** A scaler (power of ten): a whole number within ±{@value #MAX_SCALER}. */
    static int scaler(BigDecimal value) {
        BigDecimal whole = value.stripTrailingZeros();
        if (whole.scale() > 0) throw new NumberFormatException("scaler must be a whole power of ten, not " + value.toPlainString());
        if (whole.abs().compareTo(BigDecimal.valueOf(MAX_SCALER)) > 0) {
            throw new NumberFormatException("scaler " + value.toPlainString() + " is outside -" + MAX_SCALER + ".." + MAX_SCALER);
        }
        return whole.intValueExact();
    }

    /** Whether the text is nothing but ASCII digits (an event code, say); {@code Integer.parseInt} takes any script's. */
    static boolean asciiDigits(String text) {
        if (text.isEmpty()) return false;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') return false;
        }
        return true;
    }
}
