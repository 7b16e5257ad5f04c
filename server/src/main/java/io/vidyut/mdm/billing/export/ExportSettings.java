package io.vidyut.mdm.billing.export;

import jakarta.validation.constraints.Positive;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * How billing exports are delivered ({@code mdm.billing.export.*}): the one directory drop folders must lie under
 * (none: drop-folder exports are refused), the most lines a batch and bytes a file or push body may have, how long
 * connecting to an SFTP or REST target and then one whole upload or call may take, and whether SFTP hosts and push
 * URLs may be private addresses (refused otherwise, as for webhooks: SSRF guard).
 */
@Validated
@ConfigurationProperties("mdm.billing.export")
record ExportSettings(Path dropRoot, @Positive Integer maxLines, @Positive Long maxBytes, Duration connectTimeout,
                      Duration timeout, Boolean allowPrivateTargets) {
    ExportSettings {
        if (maxLines == null) maxLines = 100_000;
        if (maxBytes == null) maxBytes = 64L * 1024 * 1024;
        if (connectTimeout == null) connectTimeout = Duration.ofSeconds(10);
        if (timeout == null) timeout = Duration.ofSeconds(60);
        if (allowPrivateTargets == null) allowPrivateTargets = false;
    }
}
