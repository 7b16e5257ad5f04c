package io.vidyut.mdm.meters;

import jakarta.validation.constraints.Positive;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** The meter registry ({@code mdm.meters.*}): how many serial lookups ingestion keeps in memory. */
@Validated
@ConfigurationProperties("mdm.meters")
record MetersProperties(@Positive Long directoryCacheSize) {
    MetersProperties {
        if (directoryCacheSize == null) directoryCacheSize = 2_000_000L;
    }
}
