package io.vidyut.mdm.common;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.tags.Tag;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document: our title, how to authenticate (in Markdown, which Swagger UI renders: a bare
 * {@code <token>} would be read as an HTML tag and vanish), the groups in the order a newcomer needs them, and
 * snake_case schemas as on the wire.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {
    static final String BEARER = "bearer";
    static final String API_KEY = "hesApiKey";
    static final String DESCRIPTION = """
            Multi-tenant Meter Data Management for DISCOMs.

            **People** sign in with `POST /api/v1/auth/token` (`{"username", "password"}`) and send             `Authorization: Bearer <access_token>` on every call. Access tokens live 15 minutes; trade the             `refresh_token` at `POST /api/v1/auth/refresh` for the next pair (each refresh token works once), and             sign out with `POST /api/v1/auth/logout`. In this page: sign in, copy `access_token`, press *Authorize*.

            **HES systems** send `X-API-Key: <key>` (or present a registered client certificate over mutual TLS)             from an address in their vendor's IP allowlist. Pushes answer `202` once durably accepted, `200` for a             batch seen before, `422` when nothing in them could be stored, and `429`/`503` with `Retry-After` when             they must come back later.

            **Errors** are RFC 9457 problems (`application/problem+json`) with a `type`, a `detail` and, for             invalid input, one entry per field in `errors`. Times are ISO-8601 with an offset; JSON is snake_case.
            """;
    /** Sign-in first, then what an HES integrator and an operator meet, in that order. */
    static final List<String> TAG_ORDER = List.of("Sign-in", "HES vendors", "Ingestion", "Meter data", "VEE", "Events",
            "Alarms", "Commands", "Meters", "Network", "Consumers", "Billing", "Reports", "Event feed", "Webhooks", "Users", "Audit trail",
            "Tenants");

    @Bean
    OpenAPI vidyutOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Vidyut MDM API").version("v1")
                        .description(DESCRIPTION))
                .tags(TAG_ORDER.stream().map(name -> new Tag().name(name)).toList())
                .components(new Components()
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .bearerFormat("JWT"))
                        .addSecuritySchemes(API_KEY, new SecurityScheme().type(SecurityScheme.Type.APIKEY)
                                .in(SecurityScheme.In.HEADER).name("X-API-Key")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER))
                .addSecurityItem(new SecurityRequirement().addList(API_KEY));
    }

    /** swagger-core describes models with its own (Jackson 2) mapper: give it our naming. */
    @Bean
    ModelResolver snakeCaseModelResolver() {
        return new ModelResolver(Json.mapper().copy().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE));
    }
}
