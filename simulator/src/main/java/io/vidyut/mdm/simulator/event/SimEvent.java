package io.vidyut.mdm.simulator.event;

import io.vidyut.mdm.simulator.fleet.SimMeter;
import java.time.Instant;

/** One event a meter logs, with its IS 15959 event code (101 power failure, 201 magnet influence, …). */
public record SimEvent(SimMeter meter, Instant at, int code) {
}
