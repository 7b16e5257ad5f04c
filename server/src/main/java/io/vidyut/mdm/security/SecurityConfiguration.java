package io.vidyut.mdm.security;

import com.nimbusds.jose.jwk.source.ImmutableSecret;
import io.vidyut.mdm.database.DataDirectory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import javax.crypto.SecretKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoders;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Stateless API security: JWT bearer tokens for people, X-API-Key for HES machines. Every
 * {@code /api/v1} operation needs an authenticated caller (sign-in aside) and states its roles with
 * {@code @PreAuthorize}.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self'; "
            + "manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    SecurityFilterChain api(HttpSecurity http, TokenClaims claims, List<MachineClientAuthenticator> authenticators,
                            ProblemWriter problems, JwtDecoder decoder, SecurityProperties properties,
                            List<SelfAuthenticatedEndpoints> selfAuthenticated) throws Exception {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(claims::authorities);
        MetricsScrapeFilter scrapes = new MetricsScrapeFilter(properties.metricsToken());
        Set<String> signedPosts = selfAuthenticated.stream().flatMap(e -> e.postPaths().stream()).collect(Collectors.toSet());
        http
            .csrf(csrf -> csrf.disable())
            .headers(headers -> headers
                // the dashboard loads only its own files; MUI writes its styles inline
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                // sent on HTTPS requests only (TLS at the server or a proxy that says so)
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(365L * 24 * 3600)))
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .authorizeHttpRequests(auth -> auth
                .requestMatchers(HttpMethod.POST, "/api/v1/auth/token", "/api/v1/auth/refresh").permitAll()
                // single sign-on: the sign-in page's choices, and the browser's round trip through the provider
                .requestMatchers(HttpMethod.GET, "/api/v1/auth/providers", "/api/v1/auth/oidc/*/start",
                        OidcController.CALLBACK_PATH).permitAll()
                // outside systems that sign their bodies: the owning module checks the signature
                .requestMatchers(request -> HttpMethod.POST.matches(request.getMethod())
                        && signedPosts.contains(request.getRequestURI().substring(request.getContextPath().length()))).permitAll()
                .requestMatchers("/api/**").authenticated()
                // the web dashboard's files: the sign-in page itself must load without a token
                .requestMatchers(HttpMethod.GET, "/", "/index.html", "/assets/**", "/favicon.svg").permitAll()
                .requestMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll()
                .requestMatchers(MetricsScrapeFilter.PATH).hasAnyRole(MetricsScrapeFilter.ROLE, Role.PLATFORM_ADMIN.name())
                .requestMatchers("/actuator/**").hasRole(Role.PLATFORM_ADMIN.name())
                .anyRequest().permitAll())
            .oauth2ResourceServer(o -> o
                .bearerTokenResolver(scrapes.jwtTokens())
                .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(converter))
                .authenticationEntryPoint((request, response, e) -> problems.write(response, HttpStatus.UNAUTHORIZED,
                        "unauthenticated", "Authentication required", "Sign in and send 'Authorization: Bearer <token>'"
                                + " (HES clients send X-API-Key)")))
            .exceptionHandling(e -> e
                .authenticationEntryPoint((request, response, ex) -> problems.write(response, HttpStatus.UNAUTHORIZED,
                        "unauthenticated", "Authentication required", "Sign in and send 'Authorization: Bearer <token>'"
                                + " (HES clients send X-API-Key)"))
                .accessDeniedHandler((request, response, ex) -> problems.write(response, HttpStatus.FORBIDDEN,
                        "forbidden", "Forbidden", "Your role does not allow this operation")))
            .addFilterBefore(new RequestIdFilter(), SecurityContextHolderFilter.class)
            .addFilterBefore(new ApiKeyAuthenticationFilter(authenticators, problems), BearerTokenAuthenticationFilter.class)
            .addFilterBefore(scrapes, BearerTokenAuthenticationFilter.class)
            .addFilterAfter(new TenantContextFilter(claims), BearerTokenAuthenticationFilter.class);
        return http.build();
    }

    @Bean
    SecretKey tokenSigningKey(SecurityProperties properties, DataDirectory dataDirectory) {
        return JwtSecret.load(properties.jwtSecret(), dataDirectory.path());
    }

    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties, SecretKey key, Clock clock, Sessions sessions) {
        if (properties.oidcIssuerUri() != null && !properties.oidcIssuerUri().isBlank()) {
            return JwtDecoders.fromIssuerLocation(properties.oidcIssuerUri());
        }
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        JwtTimestampValidator lifetime = new JwtTimestampValidator();
        lifetime.setClock(clock); // the clock that issued the token judges its expiry
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(lifetime, new JwtIssuerValidator(TokenService.ISSUER),
                // a token without an expiry would be good for ever
                new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
                new OpenSessionValidator(sessions)));
        return decoder;
    }

    @Bean
    JwtEncoder jwtEncoder(SecretKey key) {
        return new NimbusJwtEncoder(new ImmutableSecret<>(key));
    }

    @Bean
    TokenService tokenService(JwtEncoder encoder, SecurityProperties properties, Clock clock) {
        return new TokenService(encoder, properties, clock);
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        // new hashes: bcrypt over SHA-256 (no 72-byte limit); older {bcrypt} hashes still verify
        return new DelegatingPasswordEncoder(PrehashedBcrypt.ID,
                Map.of(PrehashedBcrypt.ID, new PrehashedBcrypt(), "bcrypt", PrehashedBcrypt.plainBcrypt()));
    }
}
