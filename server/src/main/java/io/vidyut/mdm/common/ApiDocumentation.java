package io.vidyut.mdm.common;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document: our title, both ways to authenticate, and snake_case schemas as on the wire. */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {
    static final String BEARER = "bearer";
    static final String API_KEY = "hesApiKey";

    @Bean
    OpenAPI vidyutOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Vidyut MDM API").version("v1")
                        .description("Multi-tenant Meter Data Management. People sign in at POST /api/v1/auth/token and send "
                                + "'Authorization: Bearer <token>'; HES systems send 'X-API-Key'. Errors are RFC 9457 problems."))
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
