package io.vidyut.mdm.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.vidyut.mdm.testing.IntegrationTest;
import io.vidyut.mdm.testing.TestTenant;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * A token is good only until its expiry, judged by the server's clock, and a token that names no expiry or no
 * open sign-in session is refused even when it carries the server's own signature.
 */
class TokenLifetimeTest extends IntegrationTest {
    @Autowired SecretKey signingKey;

    TestTenant tenant;
    String session;

    @BeforeEach
    void tenantWithASignedInOperator() {
        tenant = newTenant();
        String token = api.signIn(tenant.code() + ".operator", PASSWORD);
        String claims = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        session = tools.jackson.databind.json.JsonMapper.builder().build().readTree(claims).get("sid").asString();
    }

    @Test
    void a_correctly_signed_token_of_an_open_session_is_accepted_and_one_naming_no_session_is_not() {
        assertThat(api.get("/api/v1/tenant", signed(clock.instant().plus(Duration.ofMinutes(5)))).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/tenant", signed(clock.instant().plus(Duration.ofMinutes(5)), null)).status())
                .isEqualTo(401);
    }

    @Test
    void a_correctly_signed_token_without_an_expiry_is_refused() {
        assertThat(api.get("/api/v1/tenant", signed(null)).status()).isEqualTo(401);
    }

    @Test
    void expiry_is_judged_by_the_servers_clock() {
        // the server's clock is not the wall clock (IntegrationTest.CLOCK_START): these would fail the other way round
        assertThat(api.get("/api/v1/tenant", signed(clock.instant().plus(Duration.ofMinutes(5)))).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/tenant", signed(clock.instant().minus(Duration.ofMinutes(5)))).status()).isEqualTo(401);
    }

    private String signed(Instant expiresAt) {
        return signed(expiresAt, session);
    }

    /** A token for the tenant's operator, signed with the server's key, expiring at {@code expiresAt} (null: never). */
    private String signed(Instant expiresAt, String sessionId) {
        JwtClaimsSet.Builder claims = JwtClaimsSet.builder().issuer(TokenService.ISSUER).subject(tenant.code() + ".operator")
                .issuedAt(clock.instant().minus(Duration.ofMinutes(10))).claim(TokenClaims.ROLES, List.of("OPERATOR"))
                .claim(TokenClaims.TENANT, tenant.code()).claim(TokenClaims.TENANT_ID, tenant.id().toString());
        if (expiresAt != null) claims.expiresAt(expiresAt);
        if (sessionId != null) claims.claim(TokenClaims.SESSION, sessionId);
        return new NimbusJwtEncoder(new ImmutableSecret<>(signingKey))
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims.build())).getTokenValue();
    }
}
