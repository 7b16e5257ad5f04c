package io.vidyut.mdm.simulator.payload;

import java.util.UUID;

/**
 * One message for the MDM, ready to send.
 *
 * @param kind       meter readings or meter events (they go to different MDM endpoints)
 * @param valueCount readings carried (each OBIS value of each interval, registers included; DLMS clocks not), or
 *                   events carried
 * @param batchId    the vendor's batch id if the format has one (vendor A), else null
 * @param mqttTopic  where vendor B publishes it over MQTT, else null
 */
public record Payload(String vendorCode, WireFormat format, Kind kind, String contentType, byte[] body, int valueCount,
                      String batchId, String mqttTopic) {

    public enum Kind { READINGS, EVENTS }

    /** A stable identity of the content: the batch id, else a name-based UUID of the bytes. */
    public String identity() {
        return batchId != null ? batchId : UUID.nameUUIDFromBytes(body).toString();
    }
}
