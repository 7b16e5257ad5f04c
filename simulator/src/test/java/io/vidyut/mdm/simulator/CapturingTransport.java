package io.vidyut.mdm.simulator;

import io.vidyut.mdm.simulator.payload.Payload;
import io.vidyut.mdm.simulator.transport.Delivery;
import io.vidyut.mdm.simulator.transport.Transport;
import java.util.ArrayList;
import java.util.List;

/** Keeps every payload and accepts all of it, as a receiver that never fails. */
public final class CapturingTransport implements Transport {
    private final List<Payload> payloads = new ArrayList<>();

    @Override
    public synchronized Delivery deliver(Payload payload) {
        payloads.add(payload);
        return new Delivery(true, false, payload.valueCount(), 0, 1, 202, null);
    }

    public synchronized List<Payload> payloads() {
        return List.copyOf(payloads);
    }
}
