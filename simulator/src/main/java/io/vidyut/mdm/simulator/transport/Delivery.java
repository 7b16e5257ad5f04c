package io.vidyut.mdm.simulator.transport;

/**
 * How one payload fared.
 *
 * @param delivered      the MDM (or the broker, over MQTT) took it: HTTP 2xx or MQTT PUBACK
 * @param duplicate      the MDM answered 200: it already had this batch
 * @param valuesAccepted from the MDM's receipt (0 over MQTT, where the broker answers)
 * @param valuesRejected from the MDM's receipt
 * @param attempts       tries made, 1 when no retry was needed
 * @param error          why it was not delivered, else null
 */
public record Delivery(boolean delivered, boolean duplicate, long valuesAccepted, long valuesRejected, int attempts,
                       int status, String error) {

    public static Delivery failed(int status, int attempts, String error) {
        return new Delivery(false, false, 0, 0, attempts, status, error);
    }
}
