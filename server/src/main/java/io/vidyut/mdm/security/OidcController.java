package io.vidyut.mdm.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.common.NotFoundException;
import io.vidyut.mdm.common.Problems;
import io.vidyut.mdm.common.Roles;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Single sign-on through a tenant's OIDC provider, for the dashboard: the sign-in page asks which providers a tenant
 * offers, sends the browser to {@code start}, and the provider sends it back to {@code callback}, which starts a
 * normal session and hands its tokens to the dashboard in the URL fragment (never sent to any server, nor logged).
 */
@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Sign-in")
class OidcController {
    static final String CALLBACK_PATH = "/api/v1/auth/oidc/callback";
    /** Where the dashboard takes the outcome from: {@code /#/signed-in?access_token=…} or {@code ?error=…}. */
    static final String DASHBOARD = "/#/signed-in?";
    private static final Logger log = LoggerFactory.getLogger(OidcController.class);
    private final OidcSignIn oidc;
    private final Sessions sessions;
    private final TokenService tokens;
    private final SignInGuard guard;
    private final String publicUrl;
    private final SignInAudit audit;

    OidcController(OidcSignIn oidc, Sessions sessions, TokenService tokens, SignInGuard guard,
                   SecurityProperties properties, SignInAudit audit) {
        String publicUrl = properties.publicUrl();
        this.oidc = oidc;
        this.sessions = sessions;
        this.tokens = tokens;
        this.guard = guard;
        this.audit = audit;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    record Provider(String kind, String name, String start) {}

    record Providers(List<Provider> providers) {}

    @GetMapping("/providers")
    @Roles.Anyone
    @Operation(summary = "The single sign-on a tenant offers on its sign-in page",
            description = "Only display names and where to start; an unknown tenant offers none, "
                    + "like one without single sign-on.")
    Providers providers(@RequestParam String tenant) {
        return new Providers(oidc.offeredBy(tenant)
                .map(name -> List.of(new Provider("oidc", name, "/api/v1/auth/oidc/" + tenant + "/start")))
                .orElse(List.of()));
    }

    @GetMapping("/oidc/{tenant}/start")
    @Roles.Anyone
    @Operation(summary = "Start signing in through the tenant's OIDC provider (browser redirect)",
            description = "Answers 302 to the provider's authorization endpoint (code flow with PKCE "
                    + "S256, state and nonce kept by the server for 10 minutes); 404 when the tenant offers none.")
    ResponseEntity<?> start(@PathVariable String tenant) {
        try {
            URI provider = oidc.start(tenant, redirectUri());
            return ResponseEntity.status(HttpStatus.FOUND).location(provider).build();
        } catch (OidcSignIn.Refused refused) {
            if ("no-provider".equals(refused.code())) throw new NotFoundException("OIDC provider of tenant", tenant);
            log.warn("OIDC sign-in for {} not started: {}", tenant, refused.getMessage());
            return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(Problems.of(HttpStatus.BAD_GATEWAY,
                    "provider-unavailable", "The sign-in provider did not answer", "Try again later, or sign in with a password"));
        }
    }

    @GetMapping("/oidc/callback")
    @Roles.Anyone
    @Operation(summary = "The OIDC provider's answer (browser redirect back from the provider)",
            description = "The state and code are the credential. Starts a session for the tenant user "
                    + "the ID token names and answers 302 to the dashboard with the tokens in the URL fragment "
                    + "(/#/signed-in?access_token=…&refresh_token=…&refresh_expires_in=…), or with ?error=… when refused: "
                    + "unknown or reused state, code refused, ID token not valid, or no such user in the tenant.")
    ResponseEntity<Void> callback(@RequestParam(required = false) String code, @RequestParam(required = false) String state,
                                  @RequestParam(required = false) String error, HttpServletRequest request) {
        String address = request.getRemoteAddr();
        try {
            // the address's failures only: a refused answer names no account whose password could be guessed
            guard.check("oidc:" + address, address);
        } catch (SignInGuard.Throttled throttled) {
            return toDashboard(Map.of("error", "throttled"));
        }
        try {
            if (error != null) {
                // the person cancelled, or the provider refused them; the state is spent either way
                oidc.abandon(state);
                throw new OidcSignIn.Refused("provider-refused", "the provider answered " + error);
            }
            UserService.SignedIn user = oidc.finish(code, state);
            Sessions.Started session = sessions.start(user.username(), address);
            log.info("Signed in through OIDC: '{}' ({}) from {}", user.username(), user.tenantCode(), address);
            audit.succeeded(user, session.sessionId());
            TokenService.IssuedToken issued = tokens.issue(user.username(), user.tenantId(), user.tenantCode(),
                    user.roles().stream().map(Role::name).sorted().toList(), session.sessionId(), session.refreshToken(),
                    session.expiresAt());
            return toDashboard(Map.of("access_token", issued.accessToken(), "expires_in", String.valueOf(issued.expiresIn()),
                    "refresh_token", issued.refreshToken(), "refresh_expires_in", String.valueOf(issued.refreshExpiresIn())));
        } catch (OidcSignIn.Refused refused) {
            guard.failedFrom(address);
            log.warn("OIDC sign-in refused from {}: {}", address, refused.getMessage());
            return toDashboard(Map.of("error", refused.code()));
        }
    }

    private String redirectUri() {
        String base = publicUrl.isEmpty() ? ServletUriComponentsBuilder.fromCurrentContextPath().toUriString() : publicUrl;
        return base + CALLBACK_PATH;
    }

    private static ResponseEntity<Void> toDashboard(Map<String, String> outcome) {
        String fragment = outcome.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, DASHBOARD + fragment)
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }
}
