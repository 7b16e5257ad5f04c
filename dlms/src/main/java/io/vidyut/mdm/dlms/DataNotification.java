package io.vidyut.mdm.dlms;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;

/**
 * The xDLMS DATA-NOTIFICATION APDU (tag 0x0F, IEC 62056-5-3) used by meters and HES to push data:
 * <pre>
 * Data-Notification ::= SEQUENCE {
 *   long-invoke-id-and-priority  Long-Invoke-Id-And-Priority,  -- Unsigned32
 *   date-time                    OCTET STRING,                 -- length 0 (absent) or 12
 *   notification-body            Notification-Body }           -- one Data
 * </pre>
 * In A-XDR the date-time is a plain (untagged) octet-string: {@code 00} when absent, {@code 0C} + 12 bytes when
 * present. Decoding also tolerates {@code 09 0C} + 12 bytes (a Data-tagged octet-string some meters send), and an
 * optional leading 8-byte {@link WrapperHeader}.
 *
 * @param dateTime the sending time, or {@code null} when absent
 */
public record DataNotification(long longInvokeIdAndPriority, CosemDateTime dateTime, DlmsData body) {
    public static final int TAG = 0x0F;
    private static final int GENERAL_GLO_CIPHERING = 0xDB;
    private static final int GENERAL_DED_CIPHERING = 0xDC;
    private static final int GENERAL_CIPHERING = 0xDD;

    public DataNotification {
        Checks.inRange("long-invoke-id-and-priority", longInvokeIdAndPriority, 0, 0xFFFF_FFFFL);
        Objects.requireNonNull(body, "body");
    }

    /** A notification with the given invoke-id (0..0xFFFFFF), normal priority, unconfirmed. */
    public static DataNotification of(int invokeId, CosemDateTime dateTime, DlmsData body) {
        Checks.inRange("invoke-id", invokeId, 0, 0xFF_FFFF);
        return new DataNotification(invokeId, dateTime, body);
    }

    public static DataNotification decode(byte[] bytes) {
        return decode(bytes, new AxdrDecoder());
    }

    /** Decodes a bare APDU or one preceded by the TCP/UDP wrapper; offsets count from the first input byte. */
    public static DataNotification decode(byte[] bytes, AxdrDecoder decoder) {
        AxdrReader reader = new AxdrReader(ByteBuffer.wrap(bytes));
        if (WrapperHeader.isPresent(bytes)) {
            WrapperHeader header = WrapperHeader.read(reader);
            if (header.length() != reader.remaining()) {
                throw reader.error(6, "wrapper length " + header.length() + " does not match the "
                        + reader.remaining() + " APDU bytes that follow");
            }
        }
        int tagOffset = reader.offset();
        int tag = reader.readUnsigned8("APDU tag");
        if (tag != TAG) {
            throw reader.error(tagOffset, "expected data-notification APDU tag 0x0F but found 0x"
                    + AxdrReader.hex(tag) + cipheringHint(tag));
        }
        long invokeIdAndPriority = reader.readInt32("long-invoke-id-and-priority") & 0xFFFF_FFFFL;
        CosemDateTime dateTime = readDateTime(reader);
        DlmsData body = decoder.read(reader);
        if (reader.remaining() > 0) {
            throw reader.error(reader.remaining() + " unexpected trailing byte(s) after the notification body");
        }
        return new DataNotification(invokeIdAndPriority, dateTime, body);
    }

    private static String cipheringHint(int tag) {
        return tag == GENERAL_GLO_CIPHERING || tag == GENERAL_DED_CIPHERING || tag == GENERAL_CIPHERING
                ? " (a ciphered APDU; decrypt it first)" : "";
    }

    private static CosemDateTime readDateTime(AxdrReader reader) {
        int start = reader.offset();
        int length = reader.readUnsigned8("date-time length");
        if (length == 0) {
            return null;
        }
        if (length == DlmsType.OCTET_STRING.tag() && reader.remaining() > 0
                && reader.peekUnsigned8() == CosemDateTime.SIZE) {
            reader.readUnsigned8("date-time length");
            length = CosemDateTime.SIZE;
        }
        if (length != CosemDateTime.SIZE) {
            throw reader.error(start, "date-time octet-string must have length 0 (absent) or 12, found "
                    + length + " (0x" + AxdrReader.hex(length) + ")");
        }
        return CosemDateTime.fromBytes(reader.readBytes(CosemDateTime.SIZE, "date-time"));
    }

    /** The bare APDU. */
    public byte[] encode() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(TAG);
        AxdrEncoder.writeBigEndian(longInvokeIdAndPriority, 4, out);
        if (dateTime == null) {
            out.write(0x00);
        } else {
            out.write(CosemDateTime.SIZE);
            out.writeBytes(dateTime.toBytes());
        }
        AxdrEncoder.encode(body, out);
        return out.toByteArray();
    }

    /** The APDU behind the TCP/UDP wrapper header. */
    public byte[] encodeWrapped(int sourceWPort, int destinationWPort) {
        byte[] apdu = encode();
        byte[] header = WrapperHeader.forApdu(sourceWPort, destinationWPort, apdu.length).toBytes();
        ByteArrayOutputStream out = new ByteArrayOutputStream(header.length + apdu.length);
        out.writeBytes(header);
        out.writeBytes(apdu);
        return out.toByteArray();
    }

    public Optional<CosemDateTime> optionalDateTime() {
        return Optional.ofNullable(dateTime);
    }

    /** Bits 0..23 of long-invoke-id-and-priority. */
    public int invokeId() {
        return (int) (longInvokeIdAndPriority & 0xFF_FFFF);
    }

    /** Bit 28. */
    public boolean isSelfDescriptive() {
        return bit(28);
    }

    /** Bit 29: break on error (else continue on error). */
    public boolean isBreakOnError() {
        return bit(29);
    }

    /** Bit 30: confirmed service class. */
    public boolean isConfirmed() {
        return bit(30);
    }

    /** Bit 31: high priority. */
    public boolean isHighPriority() {
        return bit(31);
    }

    private boolean bit(int index) {
        return (longInvokeIdAndPriority & (1L << index)) != 0;
    }
}
