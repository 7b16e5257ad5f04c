package io.vidyut.mdm.simulator.anomaly;

/** The data faults the simulator can inject, each something the MDM's VEE must notice (PRODUCT §4.3). */
public enum AnomalyKind {
    /** Intervals never sent (1–8 in a row). */
    GAP,
    /** Interval energy ×10. */
    SPIKE,
    /** A whole batch sent twice. */
    DUPLICATE,
    /** The cumulative kWh register passes 99999.999 and restarts from 0. */
    ROLLOVER,
    /** A consumer without net metering records export (a reversed connection), 4–16 intervals. */
    REVERSE_ENERGY,
    /** A meter-day stamped 7 minutes off. */
    CLOCK_DRIFT,
    /** 4–16 intervals of a meter-day held back and sent 2–8 hours later. */
    LATE
}
