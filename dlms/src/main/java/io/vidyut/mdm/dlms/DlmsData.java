package io.vidyut.mdm.dlms;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * A value of the A-XDR {@code Data} CHOICE as sent by meters (IEC 62056-6-2). Record names state the Java
 * width rather than the DLMS name, because DLMS "long" is 16 bits and "integer" 8; {@link #type()} gives the
 * DLMS type and tag.
 */
public sealed interface DlmsData {

    DlmsType type();

    // ---- factories ----

    static NullData nullData() {
        return NullData.INSTANCE;
    }

    static Structure structure(DlmsData... elements) {
        return new Structure(List.of(elements));
    }

    static Array array(DlmsData... elements) {
        return new Array(List.of(elements));
    }

    static OctetString octetString(byte[] value) {
        return new OctetString(value);
    }

    static VisibleString visibleString(String value) {
        return new VisibleString(value);
    }

    // ---- helpers; each fails with IllegalStateException naming the actual type ----

    default boolean isNull() {
        return this instanceof NullData;
    }

    /** The exact integer value of a numeric type; floats must be integral, long64-unsigned must fit. */
    default long asLong() {
        if (this instanceof Numeric numeric) {
            return numeric.longValue();
        }
        throw mismatch("a numeric value");
    }

    default BigDecimal asBigDecimal() {
        if (this instanceof Numeric numeric) {
            return numeric.decimalValue();
        }
        throw mismatch("a numeric value");
    }

    default boolean asBoolean() {
        if (this instanceof Bool bool) {
            return bool.value();
        }
        throw mismatch("boolean");
    }

    /** The content of an octet-string (a copy). */
    default byte[] asBytes() {
        if (this instanceof OctetString octets) {
            return octets.value();
        }
        throw mismatch("octet-string");
    }

    default String asString() {
        if (this instanceof VisibleString s) {
            return s.value();
        }
        if (this instanceof Utf8String s) {
            return s.value();
        }
        throw mismatch("visible-string or utf8-string");
    }

    /** Elements of an array or structure. */
    default List<DlmsData> elements() {
        throw mismatch("array or structure");
    }

    /** A date-time, or an octet-string of 12 bytes (IS 15959 profiles carry the clock that way). */
    default CosemDateTime asDateTime() {
        if (this instanceof DateTime dateTime) {
            return dateTime.value();
        }
        if (this instanceof OctetString octets && octets.length() == CosemDateTime.SIZE) {
            return CosemDateTime.fromBytes(octets.value());
        }
        throw mismatch("date-time or octet-string(12)");
    }

    private IllegalStateException mismatch(String expected) {
        String actual = this instanceof OctetString o ? "octet-string(" + o.length() + ")" : type().dlmsName();
        return new IllegalStateException("expected " + expected + " but was " + actual);
    }

    /** Integer, enum and floating-point types. */
    sealed interface Numeric extends DlmsData {
        BigDecimal decimalValue();

        default long longValue() {
            return decimalValue().longValueExact();
        }
    }

    // ---- the types ----

    record NullData() implements DlmsData {
        static final NullData INSTANCE = new NullData();

        public DlmsType type() {
            return DlmsType.NULL_DATA;
        }
    }

    record Array(List<DlmsData> elements) implements DlmsData {
        public Array {
            elements = List.copyOf(elements);
        }

        public DlmsType type() {
            return DlmsType.ARRAY;
        }
    }

    record Structure(List<DlmsData> elements) implements DlmsData {
        public Structure {
            elements = List.copyOf(elements);
        }

        public DlmsType type() {
            return DlmsType.STRUCTURE;
        }
    }

    /** boolean(3): decoded true for any non-zero byte, encoded as 0x01. */
    record Bool(boolean value) implements DlmsData {
        public DlmsType type() {
            return DlmsType.BOOLEAN;
        }
    }

    /** bit-string(4): {@code bitLength} bits, first bit in the most significant bit of the first byte. */
    record BitString(int bitLength, byte[] bits) implements DlmsData {
        public BitString {
            Objects.requireNonNull(bits, "bits");
            Checks.inRange("bit length", bitLength, 0, Integer.MAX_VALUE - 7);
            if (bits.length != (bitLength + 7) / 8) {
                throw new IllegalArgumentException(bitLength + " bits need " + (bitLength + 7) / 8
                        + " bytes, got " + bits.length);
            }
            bits = bits.clone();
        }

        @Override
        public byte[] bits() {
            return bits.clone();
        }

        public boolean bit(int index) {
            Objects.checkIndex(index, bitLength);
            return (bits[index / 8] & (0x80 >>> (index % 8))) != 0;
        }

        public DlmsType type() {
            return DlmsType.BIT_STRING;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BitString other && bitLength == other.bitLength && Arrays.equals(bits, other.bits);
        }

        @Override
        public int hashCode() {
            return 31 * bitLength + Arrays.hashCode(bits);
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("BitString[");
            for (int i = 0; i < bitLength; i++) {
                text.append(bit(i) ? '1' : '0');
            }
            return text.append(']').toString();
        }
    }

    /** double-long(5). */
    record Integer32(int value) implements Numeric {
        public BigDecimal decimalValue() {
            return BigDecimal.valueOf(value);
        }

        public DlmsType type() {
            return DlmsType.DOUBLE_LONG;
        }
    }

    /** double-long-unsigned(6). */
    record Unsigned32(long value) implements Numeric {
        public Unsigned32 {
            Checks.inRange("double-long-unsigned", value, 0, 0xFFFF_FFFFL);
        }

        public BigDecimal decimalValue() {
            return BigDecimal.valueOf(value);
        }

        public DlmsType type() {
            return DlmsType.DOUBLE_LONG_UNSIGNED;
        }
    }

    record OctetString(byte[] value) implements DlmsData {
        public OctetString {
            value = Objects.requireNonNull(value, "value").clone();
        }

        @Override
        public byte[] value() {
            return value.clone();
        }

        public int length() {
            return value.length;
        }

        public DlmsType type() {
            return DlmsType.OCTET_STRING;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof OctetString other && Arrays.equals(value, other.value);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return "OctetString[" + HexFormat.of().withUpperCase().formatHex(value) + "]";
        }
    }

    /**
     * visible-string(10). Bytes map 1:1 to chars (ISO-8859-1) so that meters padding with 0x00 or sending
     * non-ASCII bytes still round-trip.
     */
    record VisibleString(String value) implements DlmsData {
        public VisibleString {
            Objects.requireNonNull(value, "value");
            if (!StandardCharsets.ISO_8859_1.newEncoder().canEncode(value)) {
                throw new IllegalArgumentException("visible-string holds single-byte characters only: " + value);
            }
        }

        public DlmsType type() {
            return DlmsType.VISIBLE_STRING;
        }
    }

    record Utf8String(String value) implements DlmsData {
        public Utf8String {
            Objects.requireNonNull(value, "value");
        }

        public DlmsType type() {
            return DlmsType.UTF8_STRING;
        }
    }

    /** bcd(13): one byte, kept raw (0..255); its digit meaning is up to the object definition. */
    record Bcd(int value) implements DlmsData {
        public Bcd {
            Checks.inRange("bcd", value, 0, 0xFF);
        }

        public DlmsType type() {
            return DlmsType.BCD;
        }
    }

    /** integer(15). */
    record Integer8(int value) implements Numeric {
        public Integer8 {
            Checks.inRange("integer", value, Byte.MIN_VALUE, Byte.MAX_VALUE);
        }

        public BigDecimal decimalValue() {
            return BigDecimal.valueOf(value);
        }

        public DlmsType type() {
            return DlmsType.INTEGER;
        }
    }

    /** long(16). */
    record Integer16(int value) implements Numeric {
        public Integer16 {
            Checks.inRange("long", value, Short.MIN_VALUE, Short.MAX_VALUE);
        }

        public BigDecimal decimalValue() {
            return BigDecimal.valueOf(value);
        }

        public DlmsType type() {
            return DlmsType.LONG;
        }
    }

    /** unsigned(17). */
    record Unsigned8(int value) implements Numeric {
        public Unsigned8 {
            Checks.inRange("unsigned", value, 0, 0xFF);
        }

        public BigDecimal decimalValue() {
            return BigDecimal.valueOf(value);
        }

        public DlmsType type() {
            return DlmsType.UNSIGNED;
        }
    }

    /** long-unsigned(18). */
    record Unsigned16(int value) implements Numeric {
        public Unsigned16 {
            Checks.inRange("long-unsigned", value, 0, 0xFFFF);
        }

        public BigDecimal decimalValue() {
            return BigDecimal.valueOf(value);
        }

        public DlmsType type() {
            return DlmsType.LONG_UNSIGNED;
        }
    }

    /** long64(20). */
    record Integer64(long value) implements Numeric {
        public BigDecimal decimalValue() {
            return BigDecimal.valueOf(value);
        }

        public DlmsType type() {
            return DlmsType.LONG64;
        }
    }

    /** long64-unsigned(21); {@code value} holds the 64-bit pattern, read it with {@link #toBigInteger()}. */
    record Unsigned64(long value) implements Numeric {
        public static Unsigned64 of(BigInteger value) {
            if (value.signum() < 0 || value.bitLength() > 64) {
                throw new IllegalArgumentException("long64-unsigned " + value + " is outside 0..2^64-1");
            }
            return new Unsigned64(value.longValue());
        }

        public BigInteger toBigInteger() {
            return new BigInteger(Long.toUnsignedString(value));
        }

        public BigDecimal decimalValue() {
            return new BigDecimal(toBigInteger());
        }

        public DlmsType type() {
            return DlmsType.LONG64_UNSIGNED;
        }

        @Override
        public String toString() {
            return "Unsigned64[value=" + Long.toUnsignedString(value) + "]";
        }
    }

    /** enum(22). */
    record Enumerated(int value) implements Numeric {
        public Enumerated {
            Checks.inRange("enum", value, 0, 0xFF);
        }

        public BigDecimal decimalValue() {
            return BigDecimal.valueOf(value);
        }

        public DlmsType type() {
            return DlmsType.ENUM;
        }
    }

    /** float32(23), IEEE 754 single precision, big-endian. */
    record Float32(float value) implements Numeric {
        public BigDecimal decimalValue() {
            if (!Float.isFinite(value)) {
                throw new ArithmeticException("float32 " + value + " has no decimal value");
            }
            return new BigDecimal(Float.toString(value));
        }

        public DlmsType type() {
            return DlmsType.FLOAT32;
        }
    }

    /** float64(24), IEEE 754 double precision, big-endian. */
    record Float64(double value) implements Numeric {
        public BigDecimal decimalValue() {
            if (!Double.isFinite(value)) {
                throw new ArithmeticException("float64 " + value + " has no decimal value");
            }
            return BigDecimal.valueOf(value);
        }

        public DlmsType type() {
            return DlmsType.FLOAT64;
        }
    }

    record DateTime(CosemDateTime value) implements DlmsData {
        public DateTime {
            Objects.requireNonNull(value, "value");
        }

        public DlmsType type() {
            return DlmsType.DATE_TIME;
        }
    }

    record Date(CosemDate value) implements DlmsData {
        public Date {
            Objects.requireNonNull(value, "value");
        }

        public DlmsType type() {
            return DlmsType.DATE;
        }
    }

    record Time(CosemTime value) implements DlmsData {
        public Time {
            Objects.requireNonNull(value, "value");
        }

        public DlmsType type() {
            return DlmsType.TIME;
        }
    }
}
