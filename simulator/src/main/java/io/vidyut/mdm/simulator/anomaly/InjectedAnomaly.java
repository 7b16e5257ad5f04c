package io.vidyut.mdm.simulator.anomaly;

import java.time.Instant;
import java.util.Map;

/**
 * One injected anomaly as logged for VEE tests: which meter, which intervals (by interval end, UTC, as the meter
 * should have stamped them) and what was done.
 *
 * @param serial null for a batch-level anomaly (a duplicate batch)
 */
public record InjectedAnomaly(AnomalyKind kind, String vendor, String meterId, String serial, Instant from,
                             Instant to, int intervals, Map<String, Object> detail) {
    public InjectedAnomaly {
        detail = Map.copyOf(detail);
    }
}
