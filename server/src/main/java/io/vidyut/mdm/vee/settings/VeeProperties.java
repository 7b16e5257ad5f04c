package io.vidyut.mdm.vee.settings;

import jakarta.validation.constraints.Positive;
import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How VEE runs in this deployment ({@code mdm.vee.*}); what it checks is each tenant's {@link VeeSettings}.
 *
 * @param enabled            validation and scheduled estimation run ({@code MDM_VEE_ENABLED}; off for A/B benchmarks)
 * @param estimationDelay    how long after start the first scheduled gap estimation runs
 * @param estimationInterval the time between the end of one scheduled gap estimation and the start of the next
 * @param countFlushMs       milliseconds between flushes of the in-memory validation counts to the table
 */
@Validated
@ConfigurationProperties("mdm.vee")
public record VeeProperties(Boolean enabled, @DurationMin(seconds = 0) Duration estimationDelay,
                            @DurationMin(seconds = 1) Duration estimationInterval, @Positive Long countFlushMs) {
    public VeeProperties {
        if (enabled == null) enabled = true;
        if (estimationDelay == null) estimationDelay = Duration.ofMinutes(1);
        if (estimationInterval == null) estimationInterval = Duration.ofMinutes(5);
        if (countFlushMs == null) countFlushMs = 5_000L;
    }
}
