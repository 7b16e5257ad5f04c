package io.vidyut.mdm.dlms;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes A-XDR encoded {@code Data} (tag byte, then the content per IEC 62056-6-2 / Green Book A-XDR rules).
 * Every failure is a {@link DlmsDecodingException} with the byte offset. Lengths and element counts are checked
 * against the input left before allocating, and nesting deeper than {@code maxDepth} is refused, so hostile
 * input cannot exhaust memory or the stack. Instances are immutable and thread-safe.
 */
public final class AxdrDecoder {
    /** Nested arrays/structures allowed; IS 15959 profile pushes use 3 (body, rows, row), 32 covers any real object. */
    public static final int DEFAULT_MAX_DEPTH = 32;

    private final int maxDepth;

    public AxdrDecoder() {
        this(DEFAULT_MAX_DEPTH);
    }

    public AxdrDecoder(int maxDepth) {
        this.maxDepth = Checks.inRange("max depth", maxDepth, 1, 1000);
    }

    /** Decodes exactly one value; trailing bytes are an error. */
    public DlmsData decode(byte[] bytes) {
        AxdrReader reader = new AxdrReader(ByteBuffer.wrap(bytes));
        DlmsData value = read(reader);
        if (reader.remaining() > 0) {
            throw reader.error(reader.remaining() + " unexpected trailing byte(s) after the " + value.type().dlmsName());
        }
        return value;
    }

    /**
     * Decodes one value starting at the buffer's position and leaves the position after it. Offsets in errors
     * are relative to the starting position.
     */
    public DlmsData decode(ByteBuffer buffer) {
        return read(new AxdrReader(buffer));
    }

    DlmsData read(AxdrReader reader) {
        return read(reader, 0);
    }

    /** {@code depth} is the number of arrays/structures enclosing this value. */
    private DlmsData read(AxdrReader reader, int depth) {
        int start = reader.offset();
        int tag = reader.readUnsigned8("data tag");
        DlmsType type = DlmsType.fromTag(tag);
        if (type == null) {
            throw reader.error(start, "unknown data tag 0x" + AxdrReader.hex(tag) + " (" + tag + ")");
        }
        return switch (type) {
            case NULL_DATA -> DlmsData.nullData();
            case ARRAY -> new DlmsData.Array(readElements(reader, depth, start, "array"));
            case STRUCTURE -> new DlmsData.Structure(readElements(reader, depth, start, "structure"));
            case BOOLEAN -> new DlmsData.Bool(reader.readUnsigned8("boolean") != 0);
            case BIT_STRING -> readBitString(reader);
            case DOUBLE_LONG -> new DlmsData.Integer32(reader.readInt32("double-long"));
            case DOUBLE_LONG_UNSIGNED -> new DlmsData.Unsigned32(reader.readInt32("double-long-unsigned") & 0xFFFF_FFFFL);
            case OCTET_STRING -> new DlmsData.OctetString(readSized(reader, "octet-string"));
            case VISIBLE_STRING -> new DlmsData.VisibleString(
                    new String(readSized(reader, "visible-string"), StandardCharsets.ISO_8859_1));
            case UTF8_STRING -> new DlmsData.Utf8String(
                    new String(readSized(reader, "utf8-string"), StandardCharsets.UTF_8));
            case BCD -> new DlmsData.Bcd(reader.readUnsigned8("bcd"));
            case INTEGER -> new DlmsData.Integer8((byte) reader.readUnsigned8("integer"));
            case LONG -> new DlmsData.Integer16((short) reader.readUnsigned16("long"));
            case UNSIGNED -> new DlmsData.Unsigned8(reader.readUnsigned8("unsigned"));
            case LONG_UNSIGNED -> new DlmsData.Unsigned16(reader.readUnsigned16("long-unsigned"));
            case LONG64 -> new DlmsData.Integer64(reader.readInt64("long64"));
            case LONG64_UNSIGNED -> new DlmsData.Unsigned64(reader.readInt64("long64-unsigned"));
            case ENUM -> new DlmsData.Enumerated(reader.readUnsigned8("enum"));
            case FLOAT32 -> new DlmsData.Float32(Float.intBitsToFloat(reader.readInt32("float32")));
            case FLOAT64 -> new DlmsData.Float64(Double.longBitsToDouble(reader.readInt64("float64")));
            case DATE_TIME -> new DlmsData.DateTime(
                    CosemDateTime.fromBytes(reader.readBytes(CosemDateTime.SIZE, "date-time")));
            case DATE -> new DlmsData.Date(CosemDate.fromBytes(reader.readBytes(CosemDate.SIZE, "date")));
            case TIME -> new DlmsData.Time(CosemTime.fromBytes(reader.readBytes(CosemTime.SIZE, "time")));
        };
    }

    private List<DlmsData> readElements(AxdrReader reader, int depth, int start, String what) {
        if (depth + 1 > maxDepth) {
            throw reader.error(start, what + " nested deeper than the limit of " + maxDepth + " levels");
        }
        // every element takes at least its tag byte, so readLength bounds the count by the input size
        int count = reader.readLength(what + " element count", 1);
        List<DlmsData> elements = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            elements.add(read(reader, depth + 1));
        }
        return elements;
    }

    private static byte[] readSized(AxdrReader reader, String what) {
        int length = reader.readLength(what + " length", 1);
        return reader.readBytes(length, what + " content");
    }

    private static DlmsData readBitString(AxdrReader reader) {
        int bitLength = reader.readLength("bit-string length", 8);
        return new DlmsData.BitString(bitLength, reader.readBytes((bitLength + 7) / 8, "bit-string content"));
    }
}
