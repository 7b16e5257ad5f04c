package io.vidyut.mdm.simulator.payload;

import java.util.Locale;

/** The three vendors' wire formats; see the README for each layout. */
public enum WireFormat {
    /** Vendor A: REST JSON, dotted OBIS, kWh, IST offsets, interval end; many meters per batch. */
    HPL_JSON,
    /** Vendor B: JSON with IEC OBIS notation, Wh with scalers, epoch seconds, interval start; one meter-interval. */
    VOLTA_JSON,
    /** Vendor C: DLMS DATA-NOTIFICATION with an IS 15959 block load profile; one meter per notification. */
    KIRAN_DLMS;

    /** By vendor code for the demo vendors, else by the vendor's protocol (REST, MQTT, DLMS). */
    public static WireFormat forVendor(String code, String protocol) {
        switch (code.toUpperCase(Locale.ROOT)) {
            case "HPL":
                return HPL_JSON;
            case "VOLTA":
                return VOLTA_JSON;
            case "KIRAN":
                return KIRAN_DLMS;
            default:
                break;
        }
        String p = protocol == null ? "" : protocol.toUpperCase(Locale.ROOT);
        return switch (p) {
            case "MQTT" -> VOLTA_JSON;
            case "DLMS" -> KIRAN_DLMS;
            default -> HPL_JSON;
        };
    }
}
