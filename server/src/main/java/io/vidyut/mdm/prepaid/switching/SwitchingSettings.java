package io.vidyut.mdm.prepaid.switching;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How prepaid supply is switched ({@code mdm.prepaid.switching.*}): how often accounts in negative balance are looked
 * at and due disconnections sent, how many accounts one sweep decides at most, and how many times a failed
 * reconnection is sent again before it waits for a person.
 */
@Validated
@ConfigurationProperties("mdm.prepaid.switching")
record SwitchingSettings(Duration sweep, @Min(1) @Max(100_000) Integer mostPerSweep, @Min(1) @Max(20) Integer reconnectAttempts) {
    SwitchingSettings {
        if (sweep == null) sweep = Duration.ofMinutes(1);
        if (mostPerSweep == null) mostPerSweep = 5000;
        if (reconnectAttempts == null) reconnectAttempts = 5;
        if (sweep.isNegative() || sweep.isZero()) throw new IllegalArgumentException("mdm.prepaid.switching.sweep must be positive");
    }
}
