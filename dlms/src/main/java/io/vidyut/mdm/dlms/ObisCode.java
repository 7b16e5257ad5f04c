package io.vidyut.mdm.dlms;

import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An OBIS code (IEC 62056-6-1): six value groups A.B.C.D.E.F, each 0..255, carried in COSEM as the 6-byte
 * octet-string logical name. {@link #toString()} is the dotted form {@code 1.0.1.8.0.255}.
 */
public record ObisCode(int a, int b, int c, int d, int e, int f) {
    public static final ObisCode CLOCK = new ObisCode(0, 0, 1, 0, 0, 255);
    public static final ObisCode BLOCK_LOAD_PROFILE = new ObisCode(1, 0, 99, 1, 0, 255);
    public static final ObisCode DAILY_LOAD_PROFILE = new ObisCode(1, 0, 99, 2, 0, 255);
    public static final ObisCode BILLING_PROFILE = new ObisCode(1, 0, 98, 1, 0, 255);

    private static final Pattern IEC = Pattern.compile("(\\d+)-(\\d+):(\\d+)\\.(\\d+)\\.(\\d+)(?:[*.](\\d+))?");
    private static final Pattern DOTTED = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)\\.(\\d+)\\.(\\d+)(?:\\.(\\d+))?");
    private static final Pattern HEX = Pattern.compile("[0-9A-Fa-f]{12}");
    private static final String GROUPS = "ABCDEF";

    public ObisCode {
        int[] values = {a, b, c, d, e, f};
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] > 255) {
                throw new IllegalArgumentException("OBIS group " + GROUPS.charAt(i) + " value " + values[i]
                        + " is outside 0..255");
            }
        }
    }

    /** IS 15959 event profile n (0 = voltage … 6 = control): 0.0.99.98.n.255. */
    public static ObisCode eventProfile(int n) {
        Checks.inRange("event profile number", n, 0, 6);
        return new ObisCode(0, 0, 99, 98, n, 255);
    }

    /**
     * Parses {@code 1.0.1.8.0.255}, {@code 1.0.1.8.0}, {@code 1-0:1.8.0*255}, {@code 1-0:1.8.0} (F defaults to
     * 255 when omitted) and 12-digit hexadecimal {@code 0100010800FF}. Surrounding whitespace is ignored.
     */
    public static ObisCode parse(String text) {
        if (text == null) {
            throw new IllegalArgumentException("OBIS code is null");
        }
        String s = text.strip();
        if (s.isEmpty()) {
            throw new IllegalArgumentException("OBIS code is empty");
        }
        if (HEX.matcher(s).matches()) {
            return fromBytes(HexFormat.of().parseHex(s));
        }
        Matcher m = IEC.matcher(s);
        if (!m.matches()) {
            m = DOTTED.matcher(s);
        }
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not an OBIS code; expected A.B.C.D.E.F, A.B.C.D.E,"
                    + " A-B:C.D.E*F, A-B:C.D.E or 12 hex digits");
        }
        int[] v = new int[6];
        for (int i = 0; i < 6; i++) {
            String group = m.group(i + 1);
            v[i] = group == null ? 255 : groupValue(text, GROUPS.charAt(i), group);
        }
        return new ObisCode(v[0], v[1], v[2], v[3], v[4], v[5]);
    }

    private static int groupValue(String text, char group, String digits) {
        int value = digits.length() > 3 ? Integer.MAX_VALUE : Integer.parseInt(digits);
        if (value > 255) {
            throw new IllegalArgumentException("OBIS group " + group + " value " + digits + " in '" + text
                    + "' is outside 0..255");
        }
        return value;
    }

    public static ObisCode fromBytes(byte[] bytes) {
        if (bytes == null || bytes.length != 6) {
            throw new IllegalArgumentException("an OBIS logical name is 6 bytes, got "
                    + (bytes == null ? "null" : bytes.length + ": " + HexFormat.of().withUpperCase().formatHex(bytes)));
        }
        return new ObisCode(bytes[0] & 0xFF, bytes[1] & 0xFF, bytes[2] & 0xFF,
                bytes[3] & 0xFF, bytes[4] & 0xFF, bytes[5] & 0xFF);
    }

    /** From the logical-name attribute: an octet-string of 6 bytes. */
    public static ObisCode fromData(DlmsData data) {
        if (!(data instanceof DlmsData.OctetString octets)) {
            throw new IllegalArgumentException("an OBIS logical name is an octet-string, got " + data.type());
        }
        return fromBytes(octets.value());
    }

    public byte[] toBytes() {
        return new byte[] {(byte) a, (byte) b, (byte) c, (byte) d, (byte) e, (byte) f};
    }

    public DlmsData.OctetString toData() {
        return new DlmsData.OctetString(toBytes());
    }

    /** IEC 62056-6-1 reduced form, e.g. {@code 1-0:1.8.0*255}. */
    public String toIecString() {
        return a + "-" + b + ":" + c + "." + d + "." + e + "*" + f;
    }

    public String toHex() {
        return HexFormat.of().withUpperCase().formatHex(toBytes());
    }

    @Override
    public String toString() {
        return a + "." + b + "." + c + "." + d + "." + e + "." + f;
    }
}
