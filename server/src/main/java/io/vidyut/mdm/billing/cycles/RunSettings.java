package io.vidyut.mdm.billing.cycles;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** How billing runs are carried out ({@code mdm.billing.runs.*}): how many chunks of a run are computed at once. */
@Validated
@ConfigurationProperties("mdm.billing.runs")
record RunSettings(@Positive Integer workers) {
    RunSettings {
        if (workers == null) workers = 2;
    }
}
