package io.vidyut.mdm.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.common.NotFoundException;
import io.vidyut.mdm.common.Problems;
import io.vidyut.mdm.common.Roles;
import io.vidyut.mdm.tenancy.Tenant;
import io.vidyut.mdm.tenancy.TenantDirectory;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sign-in: a password gives a session with a short-lived access token and a refresh token; the refresh token is
 * traded for the next pair (each only once); sign-out ends the session at once.
 */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Sign-in")
class AuthController {
    private static final Logger log = LoggerFactory.getLogger(AuthController.class);
    private final UserService users;
    private final TokenService tokens;
    private final TenantDirectory tenants;
    private final Sessions sessions;
    private final SignInGuard guard;
    private final SignInAudit audit;

    AuthController(UserService users, TokenService tokens, TenantDirectory tenants, Sessions sessions, SignInGuard guard,
                   SignInAudit audit) {
        this.users = users;
        this.tokens = tokens;
        this.tenants = tenants;
        this.sessions = sessions;
        this.guard = guard;
        this.audit = audit;
    }

    record Credentials(@Schema(example = "demo.operator") @NotBlank String username,
                       @Schema(example = "vidyut-demo-pass") @NotBlank String password) {}

    record Refresh(@Schema(description = "The refresh_token of the last sign-in or refresh") @NotBlank String refreshToken) {}

    record SwitchTenant(@Schema(example = "demo") @NotBlank String tenant) {}

    @PostMapping("/token")
    @Roles.Anyone
    @Operation(summary = "Sign in: an access token (minutes) and a refresh token (the session, hours)",
            description = "Failed sign-ins are limited per address, and an account is locked for a "
                    + "while after several wrong passwords in a row (429 with Retry-After).")
    ResponseEntity<?> token(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
        String address = request.getRemoteAddr();
        guard.check(credentials.username(), address);
        var signedIn = users.verify(credentials.username(), credentials.password());
        if (signedIn.isEmpty()) {
            boolean locked = guard.failed(credentials.username(), address);
            log.warn("Sign-in failed for '{}' from {}{}", credentials.username(), address, locked ? "; account locked" : "");
            audit.failed(credentials.username(), locked);
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Problems.of(HttpStatus.UNAUTHORIZED,
                    "invalid-credentials", "Sign-in failed", "Unknown username, wrong password or disabled account"));
        }
        guard.succeeded(credentials.username());
        UserService.SignedIn user = signedIn.get();
        Sessions.Started session = sessions.start(user.username(), address);
        audit.succeeded(user, session.sessionId());
        log.info("Signed in: '{}' ({}) from {}", user.username(), user.tenantCode() == null ? "platform" : user.tenantCode(),
                address);
        return ResponseEntity.ok(tokens.issue(user.username(), user.tenantId(), user.tenantCode(), roleNames(user),
                session.sessionId(), session.refreshToken(), session.expiresAt()));
    }

    @PostMapping("/refresh")
    @Roles.Anyone
    @Operation(summary = "Trade a refresh token for a new access token and the next refresh token",
            description = "The refresh token is the credential. Each refresh token works once: "
                    + "one presented a second time ends its session.")
    ResponseEntity<?> refresh(@Valid @RequestBody Refresh refresh, HttpServletRequest request) {
        guard.check("refresh:" + request.getRemoteAddr(), request.getRemoteAddr());
        var refreshed = sessions.refresh(refresh.refreshToken());
        if (refreshed.isEmpty()) {
            guard.failed("refresh:" + request.getRemoteAddr(), request.getRemoteAddr());
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).body(Problems.of(HttpStatus.UNAUTHORIZED,
                    "invalid-refresh-token", "Session ended", "The refresh token is unknown, used before, or its session "
                            + "ended; sign in again"));
        }
        Sessions.Refreshed session = refreshed.get();
        UserService.SignedIn user = session.user();
        if (session.actingTenantId() != null) {
            return ResponseEntity.ok(tokens.issue(user.username(), session.actingTenantId(), session.actingTenantCode(),
                    SWITCHED_ROLES, session.sessionId(), session.refreshToken(), session.expiresAt()));
        }
        return ResponseEntity.ok(tokens.issue(user.username(), user.tenantId(), user.tenantCode(), roleNames(user),
                session.sessionId(), session.refreshToken(), session.expiresAt()));
    }

    @PostMapping("/logout")
    @Roles.SignedIn
    @Operation(summary = "Sign out: ends the session of the token (it and its refresh token stop working at once)")
    ResponseEntity<Void> logout(@AuthenticationPrincipal Jwt token) {
        String session = token.getClaimAsString(TokenClaims.SESSION);
        if (session != null) sessions.end(UUID.fromString(session), "signed out");
        if (session != null) audit.signedOut(UUID.fromString(session));
        log.info("Signed out: '{}'", token.getSubject());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/switch-tenant")
    @Roles.PlatformAdmin
    @Operation(summary = "Platform admin: a token that acts inside one tenant as its administrator",
            description = "The session stays in that tenant when its tokens are refreshed.")
    TokenService.IssuedToken switchTenant(@Valid @RequestBody SwitchTenant request, @AuthenticationPrincipal Jwt token) {
        Tenant tenant = tenants.findByCode(request.tenant())
                .orElseThrow(() -> new NotFoundException("Tenant", request.tenant()));
        UUID session = UUID.fromString(token.getClaimAsString(TokenClaims.SESSION));
        sessions.actIn(session, tenant.id());
        audit.switchedTenant(tenant.code());
        return tokens.issue(token.getSubject(), tenant.id(), tenant.code(), SWITCHED_ROLES, session, null, null);
    }

    @ExceptionHandler(SignInGuard.Throttled.class)
    ResponseEntity<ProblemDetail> throttled(SignInGuard.Throttled throttled) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(throttled.retryAfterSeconds()))
                .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "sign-in-throttled", "Too many failed sign-ins",
                        throttled.getMessage()));
    }

    private static final List<String> SWITCHED_ROLES = List.of(Role.PLATFORM_ADMIN.name(), Role.TENANT_ADMIN.name());

    private static List<String> roleNames(UserService.SignedIn user) {
        return user.roles().stream().map(Role::name).sorted().toList();
    }
}
