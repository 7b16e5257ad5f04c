package io.vidyut.mdm.dlms;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Encodes {@link DlmsData} as A-XDR: the inverse of {@link AxdrDecoder}. Lengths use the shortest form. */
public final class AxdrEncoder {
    private AxdrEncoder() {
    }

    public static byte[] encode(DlmsData value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        encode(value, out);
        return out.toByteArray();
    }

    public static void encode(DlmsData value, ByteArrayOutputStream out) {
        out.write(value.type().tag());
        switch (value.type()) {
            case NULL_DATA -> { }
            case ARRAY, STRUCTURE -> {
                writeLength(value.elements().size(), out);
                for (DlmsData element : value.elements()) {
                    encode(element, out);
                }
            }
            case BOOLEAN -> out.write(value.asBoolean() ? 0x01 : 0x00);
            case BIT_STRING -> {
                DlmsData.BitString bits = (DlmsData.BitString) value;
                writeLength(bits.bitLength(), out);
                out.writeBytes(bits.bits());
            }
            case DOUBLE_LONG -> writeBigEndian(((DlmsData.Integer32) value).value(), 4, out);
            case DOUBLE_LONG_UNSIGNED -> writeBigEndian(((DlmsData.Unsigned32) value).value(), 4, out);
            case OCTET_STRING -> writeSized(value.asBytes(), out);
            case VISIBLE_STRING -> writeSized(value.asString().getBytes(StandardCharsets.ISO_8859_1), out);
            case UTF8_STRING -> writeSized(value.asString().getBytes(StandardCharsets.UTF_8), out);
            case BCD -> out.write(((DlmsData.Bcd) value).value());
            case INTEGER -> out.write(((DlmsData.Integer8) value).value());
            case LONG -> writeBigEndian(((DlmsData.Integer16) value).value(), 2, out);
            case UNSIGNED -> out.write(((DlmsData.Unsigned8) value).value());
            case LONG_UNSIGNED -> writeBigEndian(((DlmsData.Unsigned16) value).value(), 2, out);
            case LONG64 -> writeBigEndian(((DlmsData.Integer64) value).value(), 8, out);
            case LONG64_UNSIGNED -> writeBigEndian(((DlmsData.Unsigned64) value).value(), 8, out);
            case ENUM -> out.write(((DlmsData.Enumerated) value).value());
            case FLOAT32 -> writeBigEndian(Float.floatToRawIntBits(((DlmsData.Float32) value).value()), 4, out);
            case FLOAT64 -> writeBigEndian(Double.doubleToRawLongBits(((DlmsData.Float64) value).value()), 8, out);
            case DATE_TIME -> out.writeBytes(((DlmsData.DateTime) value).value().toBytes());
            case DATE -> out.writeBytes(((DlmsData.Date) value).value().toBytes());
            case TIME -> out.writeBytes(((DlmsData.Time) value).value().toBytes());
        }
    }

    /** A-XDR length: one byte below 0x80, else 0x80|N followed by the N big-endian length bytes. */
    public static byte[] encodeLength(int length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(5);
        writeLength(length, out);
        return out.toByteArray();
    }

    static void writeLength(int length, ByteArrayOutputStream out) {
        Checks.inRange("length", length, 0, Integer.MAX_VALUE);
        if (length < 0x80) {
            out.write(length);
            return;
        }
        int lengthBytes = length <= 0xFF ? 1 : length <= 0xFFFF ? 2 : length <= 0xFF_FFFF ? 3 : 4;
        out.write(0x80 | lengthBytes);
        writeBigEndian(length, lengthBytes, out);
    }

    private static void writeSized(byte[] content, ByteArrayOutputStream out) {
        writeLength(content.length, out);
        out.writeBytes(content);
    }

    static void writeBigEndian(long value, int size, ByteArrayOutputStream out) {
        for (int shift = (size - 1) * 8; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift));
        }
    }
}
