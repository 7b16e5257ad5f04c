package io.vidyut.mdm.security;

import io.vidyut.mdm.tenancy.Tenant;
import io.vidyut.mdm.tenancy.TenantDirectory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.endpoint.OAuth2AuthorizationCodeGrantRequest;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.endpoint.OAuth2AccessTokenResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/**
 * The OIDC authorization-code flow with PKCE (S256), state and nonce. {@link #start} sends the browser to the
 * tenant's provider; {@link #finish} takes the provider's answer: the state must name a sign-in begun here (once),
 * the code is exchanged at the token endpoint with the client secret and PKCE verifier, and the ID token must verify
 * (provider's keys, issuer, audience, expiry by the server's clock, nonce). The username claim must name an enabled
 * user of that same tenant: the provider vouches for who the person is, never creates anyone.
 */
@Component
class OidcSignIn {
    private static final Logger log = LoggerFactory.getLogger(OidcSignIn.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private final TenantDirectory tenants;
    private final OidcProviders providers;
    private final OidcClients clients;
    private final OidcSignInStates states;
    private final UserService users;
    private final RestClientAuthorizationCodeTokenResponseClient tokenEndpoint = new RestClientAuthorizationCodeTokenResponseClient();

    OidcSignIn(TenantDirectory tenants, OidcProviders providers, OidcClients clients, OidcSignInStates states,
               UserService users) {
        this.tenants = tenants;
        this.providers = providers;
        this.clients = clients;
        this.states = states;
        this.users = users;
    }

    /** Why a sign-in through the provider did not happen; the code goes to the dashboard, the detail to the log. */
    static final class Refused extends RuntimeException {
        private final String code;

        Refused(String code, String detail) {
            super(detail, null, false, false);
            this.code = code;
        }

        String code() {
            return code;
        }
    }

    /** The provider's display name for a tenant's sign-in page; empty when the tenant (or its provider) is unknown. */
    Optional<String> offeredBy(String tenantCode) {
        return tenants.findByCode(tenantCode).flatMap(providers::of).map(OidcProvider::displayName);
    }

    /** Where to send the browser: the provider's authorization endpoint, with this sign-in's state kept here. */
    URI start(String tenantCode, String redirectUri) {
        Tenant tenant = tenants.findByCode(tenantCode)
                .orElseThrow(() -> new Refused("no-provider", "no tenant " + tenantCode));
        OidcProvider provider = providers.of(tenant)
                .orElseThrow(() -> new Refused("no-provider", "tenant " + tenantCode + " has no OIDC provider"));
        ClientRegistration registration = client(provider).registration();
        String state = random();
        String nonce = random();
        String verifier = random();
        states.keep(tenant, state, nonce, verifier, redirectUri);
        return URI.create(request(registration, redirectUri, state, nonce, verifier).getAuthorizationRequestUri());
    }

    /** The user the provider's answer signs in; throws {@link Refused} when it does not. */
    UserService.SignedIn finish(String code, String state) {
        OidcSignInStates.Pending pending = states.take(state)
                .orElseThrow(() -> new Refused("unknown-state", "the state is unknown, used before or expired"));
        if (code == null || code.isBlank()) throw new Refused("no-code", "the provider sent no code");
        Tenant tenant = tenants.findById(pending.tenantId())
                .orElseThrow(() -> new Refused("no-provider", "the tenant is gone"));
        OidcProvider provider = providers.of(tenant)
                .orElseThrow(() -> new Refused("no-provider", "the tenant's provider was removed"));
        OidcClients.Client client = client(provider);
        OAuth2AuthorizationRequest request = request(client.registration(), pending.redirectUri(), state,
                pending.nonce(), pending.codeVerifier());
        OAuth2AuthorizationResponse response = OAuth2AuthorizationResponse.success(code)
                .redirectUri(pending.redirectUri()).state(state).build();
        Jwt idToken = idToken(client, request, response);
        if (!constantTimeEquals(pending.nonce(), idToken.getClaimAsString(OidcParameterNames.NONCE))) {
            throw new Refused("invalid-id-token", "the ID token's nonce is not this sign-in's");
        }
        String username = idToken.getClaimAsString(provider.usernameClaim());
        return users.vouchedFor(username, tenant.id()).orElseThrow(() -> new Refused("unknown-user",
                "the provider's user '" + username + "' (claim " + provider.usernameClaim() + ") is no enabled user of "
                        + tenant.code()));
    }

    /** The provider answered with an error (the person cancelled, or was refused): the sign-in is spent. */
    void abandon(String state) {
        states.take(state);
    }

    private Jwt idToken(OidcClients.Client client, OAuth2AuthorizationRequest request, OAuth2AuthorizationResponse response) {
        OAuth2AccessTokenResponse tokens;
        try {
            tokens = tokenEndpoint.getTokenResponse(new OAuth2AuthorizationCodeGrantRequest(client.registration(),
                    new OAuth2AuthorizationExchange(request, response)));
        } catch (OAuth2AuthorizationException | OAuth2AuthenticationException e) {
            throw new Refused("code-refused", "the token endpoint refused the code: " + e.getMessage());
        }
        Object idToken = tokens.getAdditionalParameters().get(OidcParameterNames.ID_TOKEN);
        if (!(idToken instanceof String value)) throw new Refused("invalid-id-token", "the provider sent no ID token");
        try {
            return client.idTokens().decode(value);
        } catch (JwtException e) {
            throw new Refused("invalid-id-token", "the ID token did not verify: " + e.getMessage());
        }
    }

    private OidcClients.Client client(OidcProvider provider) {
        try {
            return clients.of(provider);
        } catch (RuntimeException e) {
            log.warn("The OIDC provider {} could not be discovered: {}", provider.issuerUri(), e.toString());
            throw new Refused("provider-unavailable", "the provider could not be discovered: " + e.getMessage());
        }
    }

    private static OAuth2AuthorizationRequest request(ClientRegistration registration, String redirectUri, String state,
                                                      String nonce, String verifier) {
        return OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(registration.getProviderDetails().getAuthorizationUri())
                .clientId(registration.getClientId())
                .redirectUri(redirectUri)
                .scopes(registration.getScopes())
                .state(state)
                .additionalParameters(Map.of(PkceParameterNames.CODE_CHALLENGE, challenge(verifier),
                        PkceParameterNames.CODE_CHALLENGE_METHOD, "S256", OidcParameterNames.NONCE, nonce))
                .attributes(Map.of(PkceParameterNames.CODE_VERIFIER, verifier, OidcParameterNames.NONCE, nonce))
                .build();
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static boolean constantTimeEquals(String expected, String actual) {
        return actual != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                actual.getBytes(StandardCharsets.UTF_8));
    }
}
