package io.vidyut.mdm.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.vidyut.mdm.secrets.SecretBox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenDecoderFactory;
import org.springframework.security.oauth2.client.oidc.authentication.OidcIdTokenValidator;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.stereotype.Component;

/**
 * The MDM as a client of each tenant's provider: its endpoints found by OIDC discovery, and an ID token decoder that
 * checks the signature against the provider's published keys (JWKS) and issuer, audience, authorized party, expiry
 * and issue time against the server's clock. Kept for an hour per tenant and provider version, so a sign-in does not
 * fetch the discovery document and keys every time, and a changed provider is used at once.
 */
@Component
class OidcClients {
    private final SecretBox secrets;
    private final Clock clock;
    private final Cache<ClientKey, Client> clients = Caffeine.newBuilder().expireAfterWrite(Duration.ofHours(1))
            .maximumSize(10_000).build();

    /** One tenant's provider as saved at one instant. */
    record ClientKey(UUID tenantId, Instant updatedAt) {}

    record Client(ClientRegistration registration, JwtDecoder idTokens) {}

    OidcClients(SecretBox secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    /** Throws when the provider cannot be discovered (not reachable, or its metadata names another issuer). */
    Client of(OidcProvider provider) {
        return clients.get(new ClientKey(provider.tenantId(), provider.updatedAt()), key -> discover(provider));
    }

    private Client discover(OidcProvider provider) {
        ClientRegistration registration = ClientRegistrations.fromIssuerLocation(provider.issuerUri())
                .registrationId(provider.tenantId() + "@" + provider.updatedAt())
                .clientId(provider.clientId())
                .clientSecret(secrets.open(provider.sealedClientSecret()))
                // the redirect is named per request (OidcSignIn keeps the one it sent); the builder wants one here
                .redirectUri("{baseUrl}" + OidcController.CALLBACK_PATH)
                .scope("openid", "profile", "email")
                .build();
        OidcIdTokenDecoderFactory decoders = new OidcIdTokenDecoderFactory();
        decoders.setJwtValidatorFactory(client -> {
            JwtTimestampValidator lifetime = new JwtTimestampValidator();
            lifetime.setClock(clock);
            OidcIdTokenValidator idToken = new OidcIdTokenValidator(client);
            idToken.setClock(clock);
            return new DelegatingOAuth2TokenValidator<>(lifetime, idToken);
        });
        return new Client(registration, decoders.createDecoder(registration));
    }
}
