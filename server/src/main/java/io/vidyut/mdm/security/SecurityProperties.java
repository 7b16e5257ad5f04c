package io.vidyut.mdm.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token signing: an HMAC secret (generated under the data directory when not given; give the same
 * one to every instance), or an external OIDC issuer whose tokens carry {@code tenant} and {@code roles}.
 */
@ConfigurationProperties("mdm.security")
public record SecurityProperties(String jwtSecret, Duration tokenTtl, String oidcIssuerUri, String adminPassword) {
    public SecurityProperties {
        if (tokenTtl == null) tokenTtl = Duration.ofHours(8);
    }
}
