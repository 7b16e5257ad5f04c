package io.vidyut.mdm.simulator.transport;

import io.vidyut.mdm.simulator.payload.Payload;

/** Carries payloads to the MDM. Implementations are thread-safe and retry what is worth retrying. */
public interface Transport extends AutoCloseable {
    Delivery deliver(Payload payload);

    @Override
    default void close() {
    }
}
