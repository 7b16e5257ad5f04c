package io.vidyut.mdm.dlms;

import java.nio.ByteBuffer;

/**
 * A cursor over a ByteBuffer whose reads fail with {@link DlmsDecodingException} carrying the offset. Offsets
 * are reported relative to {@code origin} (the buffer position where the caller's input starts).
 */
final class AxdrReader {
    /** Four length bytes (0x84) cover any length a meter sends; a longer prefix is treated as corrupt. */
    private static final int MAX_LENGTH_BYTES = 4;

    private final ByteBuffer buffer;
    private final int origin;

    AxdrReader(ByteBuffer buffer) {
        this.buffer = buffer;
        this.origin = buffer.position();
    }

    int offset() {
        return buffer.position() - origin;
    }

    int remaining() {
        return buffer.remaining();
    }

    DlmsDecodingException error(int offset, String reason) {
        return new DlmsDecodingException(offset, reason);
    }

    DlmsDecodingException error(String reason) {
        return error(offset(), reason);
    }

    private void require(int count, String what) {
        if (buffer.remaining() < count) {
            throw error("truncated " + what + ": needs " + count + " byte" + (count == 1 ? "" : "s")
                    + ", " + buffer.remaining() + " left");
        }
    }

    int peekUnsigned8() {
        return buffer.get(buffer.position()) & 0xFF;
    }

    int readUnsigned8(String what) {
        require(1, what);
        return buffer.get() & 0xFF;
    }

    int readUnsigned16(String what) {
        return (int) readBigEndian(2, what);
    }

    int readInt32(String what) {
        return (int) readBigEndian(4, what);
    }

    long readInt64(String what) {
        return readBigEndian(8, what);
    }

    /** Byte by byte, so a caller's little-endian ByteBuffer order cannot leak in. */
    private long readBigEndian(int size, String what) {
        require(size, what);
        long value = 0;
        for (int i = 0; i < size; i++) {
            value = (value << 8) | (buffer.get() & 0xFF);
        }
        return value;
    }

    byte[] readBytes(int count, String what) {
        require(count, what);
        byte[] bytes = new byte[count];
        buffer.get(bytes);
        return bytes;
    }

    /**
     * A-XDR variable-length integer: one byte below 0x80, else 0x80|N followed by N big-endian bytes.
     * Checked against the bytes left (at {@code unitsPerByte} counted units per byte) before anything is
     * allocated, so a corrupt length cannot trigger a huge allocation.
     */
    int readLength(String what, int unitsPerByte) {
        int start = offset();
        int first = readUnsigned8(what);
        long length;
        if (first < 0x80) {
            length = first;
        } else {
            int lengthBytes = first & 0x7F;
            if (lengthBytes == 0) {
                throw error(start, "indefinite length 0x80 is not allowed in A-XDR (" + what + ")");
            }
            if (lengthBytes > MAX_LENGTH_BYTES) {
                throw error(start, what + " prefix 0x" + hex(first) + " announces " + lengthBytes
                        + " length bytes; at most " + MAX_LENGTH_BYTES + " are supported");
            }
            require(lengthBytes, what);
            length = 0;
            for (int i = 0; i < lengthBytes; i++) {
                length = (length << 8) | (buffer.get() & 0xFF);
            }
        }
        long needed = (length + unitsPerByte - 1) / unitsPerByte;
        if (needed > buffer.remaining() || length > Integer.MAX_VALUE - 7) {
            throw error(start, what + " " + length + " needs " + needed + " byte" + (needed == 1 ? "" : "s")
                    + ", only " + buffer.remaining() + " left");
        }
        return (int) length;
    }

    static String hex(int value) {
        return String.format("%02X", value);
    }
}
