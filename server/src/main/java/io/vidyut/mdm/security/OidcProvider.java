package io.vidyut.mdm.security;

import java.time.Instant;
import java.util.UUID;

/**
 * A tenant's OIDC identity provider: where its staff sign in (issuer, found by discovery), the MDM's client there,
 * and the ID token claim that holds the MDM username. The client secret stays sealed until a code is exchanged.
 */
record OidcProvider(UUID tenantId, String displayName, String issuerUri, String clientId, String sealedClientSecret,
                    String usernameClaim, Instant updatedAt) {
    static final String DEFAULT_USERNAME_CLAIM = "preferred_username";
}
