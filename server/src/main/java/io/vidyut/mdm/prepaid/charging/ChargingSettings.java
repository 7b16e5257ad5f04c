package io.vidyut.mdm.prepaid.charging;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How prepaid accounts are charged ({@code mdm.prepaid.charging.*}): how often the sweep looks for days to charge, how
 * many hours after a tenant-local midnight the day before is charged (late data has that long to arrive first), and
 * how many charged days back a changed day is re-priced by adjustment, and how many chunks of accounts are charged at once.
 */
@Validated
@ConfigurationProperties("mdm.prepaid.charging")
record ChargingSettings(Duration sweep, @Min(0) @Max(23) Integer settleHours, @Min(1) @Max(92) Integer recheckDays,
                        @Min(1) @Max(16) Integer workers) {
    ChargingSettings {
        if (sweep == null) sweep = Duration.ofMinutes(15);
        if (settleHours == null) settleHours = 2;
        if (recheckDays == null) recheckDays = 7;
        if (workers == null) workers = 2;
        if (sweep.isNegative() || sweep.isZero()) throw new IllegalArgumentException("mdm.prepaid.charging.sweep must be positive");
    }
}
