package io.vidyut.mdm.simulator.payload;

import java.time.Instant;

/** The cumulative kWh import register (1.0.1.8.0.255) captured at local midnight. */
public record RegisterReading(Instant at, double importKwh) {
    public RegisterReading withAt(Instant newAt) {
        return new RegisterReading(newAt, importKwh);
    }
}
