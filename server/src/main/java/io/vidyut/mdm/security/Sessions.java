package io.vidyut.mdm.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sign-in sessions: started by a password sign-in, kept going by trading refresh tokens (each usable once; one used
 * twice ends its session, as only a thief would have the old one), ended by sign-out or by a change to the user.
 * Whether a session is still open is asked on every request and remembered for a few seconds per instance.
 */
@Component
class Sessions {
    /** How long an instance trusts its last answer about a session; another instance's sign-out takes this long. */
    static final Duration OPEN_CHECK_TTL = Duration.ofSeconds(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    record Started(UUID sessionId, String refreshToken, Instant expiresAt) {}

    /**
     * What a refresh token was traded for: the next refresh token, who the session is, and the tenant a platform
     * administrator's session was switched into (null: none).
     */
    record Refreshed(UUID sessionId, String refreshToken, Instant expiresAt, UserService.SignedIn user,
                     UUID actingTenantId, String actingTenantCode) {}

    /** Keyed by tenant too (platform sessions by none): nothing one tenant looks up is ever answered from another's. */
    record SessionKey(UUID tenantId, UUID sessionId) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Duration lifetime;
    private final Cache<SessionKey, Boolean> open = Caffeine.newBuilder().expireAfterWrite(OPEN_CHECK_TTL)
            .maximumSize(100_000).build();

    Sessions(JdbcClient jdbc, Clock clock, SecurityProperties properties) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.lifetime = properties.sessionTtl();
    }

    Started start(String username, String address) {
        UUID id = UUID.randomUUID();
        String refreshToken = newToken();
        Instant now = clock.instant();
        Instant expires = now.plus(lifetime);
        jdbc.sql("select mdm_start_session(?, ?, ?, ?, ?, ?)")
                .params(id, username, hash(refreshToken), address, Timestamp.from(now), Timestamp.from(expires))
                .query((rs, n) -> 1).single();
        return new Started(id, refreshToken, expires);
    }

    /** The next refresh token and the session's user; empty when the token is unknown, ended or used before. */
    Optional<Refreshed> refresh(String refreshToken) {
        if (refreshToken == null || refreshToken.isBlank() || refreshToken.length() > 200) return Optional.empty();
        String next = newToken();
        return jdbc.sql("select * from mdm_refresh_session(?, ?, ?)")
                .params(hash(refreshToken), hash(next), Timestamp.from(clock.instant()))
                .query((rs, n) -> {
                    if (!"ROTATED".equals(rs.getString("outcome"))) {
                        if ("REUSED".equals(rs.getString("outcome"))) open.invalidateAll();
                        return Optional.<Refreshed>empty();
                    }
                    return Optional.of(new Refreshed(rs.getObject("session_id", UUID.class), next,
                            rs.getTimestamp("expires_at").toInstant(), new UserService.SignedIn(rs.getString("username"), rs.getObject("tenant_id", UUID.class),
                                    rs.getString("tenant_code"), roles((String[]) rs.getArray("roles").getArray())),
                            rs.getObject("acting_tenant_id", UUID.class), rs.getString("acting_tenant_code")));
                }).single();
    }

    boolean isOpen(UUID tenantId, UUID sessionId) {
        return open.get(new SessionKey(tenantId, sessionId), key -> jdbc.sql("select mdm_session_open(?, ?)")
                .params(sessionId, Timestamp.from(clock.instant())).query(Boolean.class).single());
    }

    /** A platform administrator's session now acts in this tenant (its refreshed tokens too). */
    void actIn(UUID sessionId, UUID tenantId) {
        jdbc.sql("select mdm_session_act_in(?, ?)").params(sessionId, tenantId).query((rs, n) -> 1).single();
    }

    /** Signs one session out (the caller's own). */
    void end(UUID sessionId, String reason) {
        jdbc.sql("select mdm_end_session(?, ?, ?)").params(sessionId, Timestamp.from(clock.instant()), reason)
                .query(Boolean.class).single();
        open.invalidateAll();
    }

    /** Ends every open session of a user of the current tenant (in the caller's transaction). */
    void endAllOf(UUID userId, String reason) {
        jdbc.sql("update user_session set ended_at = ?, end_reason = ? where user_id = ? and ended_at is null")
                .params(Timestamp.from(clock.instant()), reason, userId).update();
        open.invalidateAll();
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static Set<Role> roles(String[] names) {
        return Arrays.stream(names).map(Role::valueOf).collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }
}
