package io.vidyut.mdm.security;

import io.vidyut.mdm.tenancy.Tenant;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * OIDC sign-ins under way (table oidc_sign_in): what the redirect to the provider promised (nonce, PKCE verifier,
 * redirect URI), found again by the state the provider sends back, once, within ten minutes. In the database, so any
 * instance can take the answer.
 */
@Component
class OidcSignInStates {
    static final Duration LIFETIME = Duration.ofMinutes(10);
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;

    OidcSignInStates(JdbcClient jdbc, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    record Pending(UUID tenantId, String tenantCode, String nonce, String codeVerifier, String redirectUri) {}

    void keep(Tenant tenant, String state, String nonce, String codeVerifier, String redirectUri) {
        Timestamp now = Timestamp.from(clock.instant());
        TenantContext.runAs(TenantScope.of(tenant.id(), tenant.code()), () -> transactions.executeWithoutResult(status -> {
            // abandoned sign-ins of this tenant go as new ones come
            jdbc.sql("delete from oidc_sign_in where expires_at <= ?").param(now).update();
            jdbc.sql("insert into oidc_sign_in (state_hash, tenant_id, nonce, code_verifier, redirect_uri, expires_at) "
                            + "values (?, ?, ?, ?, ?, ?)")
                    .params(hash(state), tenant.id(), nonce, codeVerifier, redirectUri,
                            Timestamp.from(clock.instant().plus(LIFETIME)))
                    .update();
        }));
    }

    /** The sign-in this state names, taken (a second answer with the same state finds nothing); empty when unknown or expired. */
    Optional<Pending> take(String state) {
        if (state == null || state.isBlank() || state.length() > 200) return Optional.empty();
        return jdbc.sql("select * from mdm_take_oidc_sign_in(?, ?)")
                .params(hash(state), Timestamp.from(clock.instant()))
                .query((rs, n) -> new Pending(rs.getObject("tenant_id", UUID.class), rs.getString("tenant_code"),
                        rs.getString("nonce"), rs.getString("code_verifier"), rs.getString("redirect_uri")))
                .optional();
    }

    private static byte[] hash(String state) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
