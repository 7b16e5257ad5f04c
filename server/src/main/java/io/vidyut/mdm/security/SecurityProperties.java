package io.vidyut.mdm.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Token signing: an HMAC secret (generated under the data directory when not given; give the same
 * one to every instance), or an external OIDC issuer whose tokens carry {@code tenant} and {@code roles}; how long
 * an access token and a sign-in session live; the bearer token a Prometheus scraper presents; the address people
 * reach the server at (for single sign-on's redirect back; empty: taken from each request).
 */
@ConfigurationProperties("mdm.security")
public record SecurityProperties(String jwtSecret, Duration tokenTtl, Duration sessionTtl, String oidcIssuerUri,
                                 String adminPassword, String metricsToken, String publicUrl) {
    public SecurityProperties {
        // short-lived access tokens; the session (its refresh token) lasts a working day
        if (tokenTtl == null) tokenTtl = Duration.ofMinutes(15);
        if (sessionTtl == null) sessionTtl = Duration.ofHours(12);
        if (publicUrl == null) publicUrl = "";
    }
}
