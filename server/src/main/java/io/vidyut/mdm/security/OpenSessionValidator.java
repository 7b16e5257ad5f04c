package io.vidyut.mdm.security;

import java.util.UUID;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

/** Our tokens work only while the sign-in session they name is open: sign-out and user changes end them at once. */
final class OpenSessionValidator implements OAuth2TokenValidator<Jwt> {
    private final Sessions sessions;

    OpenSessionValidator(Sessions sessions) {
        this.sessions = sessions;
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        String session = token.getClaimAsString(TokenClaims.SESSION);
        if (session == null) return refused("The token names no sign-in session");
        UUID sessionId;
        try {
            sessionId = UUID.fromString(session);
        } catch (IllegalArgumentException e) {
            return refused("The token's session is not a session id");
        }
        String tenant = token.getClaimAsString(TokenClaims.TENANT_ID);
        UUID tenantId = tenant == null ? null : UUID.fromString(tenant);
        return sessions.isOpen(tenantId, sessionId) ? OAuth2TokenValidatorResult.success()
                : refused("The sign-in session has ended; sign in again");
    }

    private static OAuth2TokenValidatorResult refused(String why) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, why, null));
    }
}
