package io.vidyut.mdm.dlms;

import java.io.ByteArrayOutputStream;

/**
 * The 8-byte DLMS/COSEM transport wrapper used over TCP and UDP (IEC 62056-9-7 / Green Book "wrapper"):
 * version (0x0001), source wPort, destination wPort, length of the APDU that follows; all uint16 big-endian.
 */
public record WrapperHeader(int version, int sourceWPort, int destinationWPort, int length) {
    public static final int SIZE = 8;
    public static final int VERSION = 0x0001;

    public WrapperHeader {
        Checks.inRange("wrapper version", version, 0, 0xFFFF);
        Checks.inRange("source wPort", sourceWPort, 0, 0xFFFF);
        Checks.inRange("destination wPort", destinationWPort, 0, 0xFFFF);
        Checks.inRange("wrapper length", length, 0, 0xFFFF);
    }

    public static WrapperHeader forApdu(int sourceWPort, int destinationWPort, int apduLength) {
        return new WrapperHeader(VERSION, sourceWPort, destinationWPort, apduLength);
    }

    /** True when the input starts with the wrapper version 0x0001 (no xDLMS APDU tag is 0x00). */
    public static boolean isPresent(byte[] bytes) {
        return bytes.length >= 2 && bytes[0] == 0x00 && bytes[1] == 0x01;
    }

    static WrapperHeader read(AxdrReader reader) {
        return new WrapperHeader(reader.readUnsigned16("wrapper version"),
                reader.readUnsigned16("wrapper source wPort"),
                reader.readUnsigned16("wrapper destination wPort"),
                reader.readUnsigned16("wrapper length"));
    }

    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(SIZE);
        AxdrEncoder.writeBigEndian(version, 2, out);
        AxdrEncoder.writeBigEndian(sourceWPort, 2, out);
        AxdrEncoder.writeBigEndian(destinationWPort, 2, out);
        AxdrEncoder.writeBigEndian(length, 2, out);
        return out.toByteArray();
    }
}
