package io.vidyut.mdm.billing.cycles;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How billing runs are carried out ({@code mdm.billing.runs.*}): how many chunks of a run are computed at once, and how
 * often finished runs due to a billing system in its window are looked for ({@link AutomaticExports}).
 */
@Validated
@ConfigurationProperties("mdm.billing.runs")
record RunSettings(@Positive Integer workers, Duration exportSweep) {
    RunSettings {
        if (workers == null) workers = 2;
        if (exportSweep == null) exportSweep = Duration.ofMinutes(5);
        if (exportSweep.isNegative() || exportSweep.isZero()) throw new IllegalArgumentException("mdm.billing.runs.export-sweep must be positive");
    }
}
