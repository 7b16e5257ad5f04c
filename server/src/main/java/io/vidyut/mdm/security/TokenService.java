package io.vidyut.mdm.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;

/** Issues signed access tokens for signed-in users. */
class TokenService {
    static final String ISSUER = "vidyut-mdm";
    private final JwtEncoder encoder;
    private final SecurityProperties properties;
    private final Clock clock;

    TokenService(JwtEncoder encoder, SecurityProperties properties, Clock clock) {
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    /** What sign-in answers: a short-lived access token and the refresh token that gets the next one. */
    record IssuedToken(String accessToken, String tokenType, long expiresIn, String refreshToken, Long refreshExpiresIn,
                       String tenant, List<String> roles) {}

    /**
     * An access token of a session, with the session's refresh token (valid until {@code sessionEnds}); without one
     * ({@code refreshToken} null) the caller keeps the refresh token it has.
     */
    IssuedToken issue(String username, UUID tenantId, String tenantCode, Collection<String> roles, UUID sessionId,
                      String refreshToken, Instant sessionEnds) {
        Instant now = clock.instant();
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
                .issuer(ISSUER)
                .subject(username)
                .issuedAt(now)
                .expiresAt(now.plus(properties.tokenTtl()))
                .claim(TokenClaims.ROLES, List.copyOf(roles))
                .claim(TokenClaims.SESSION, sessionId.toString());
        if (tenantId != null) {
            claims.claim(TokenClaims.TENANT, tenantCode).claim(TokenClaims.TENANT_ID, tenantId.toString());
        }
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(),
                claims.build())).getTokenValue();
        // whole seconds left, rounded up: the session began a few milliseconds before this token
        Long refreshExpiresIn = refreshToken == null ? null
                : Math.max(0, (sessionEnds.toEpochMilli() - now.toEpochMilli() + 999) / 1000);
        return new IssuedToken(token, "Bearer", properties.tokenTtl().toSeconds(), refreshToken, refreshExpiresIn,
                tenantCode, List.copyOf(roles));
    }
}
