package io.vidyut.mdm.ui;

import java.io.IOException;
import java.util.List;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.PathResourceResolver;

/**
 * Serves the web dashboard (module {@code web}, packaged under {@code META-INF/resources/}) at
 * {@code /}. A path that is no file and looks like a client-side route ({@code /meters/123}) gets
 * {@code index.html}, so a reload or a shared link opens the right screen; the API, actuator and
 * OpenAPI paths never do, and a missing asset stays a 404.
 */
@Configuration(proxyBeanMethods = false)
class SinglePageAppConfiguration implements WebMvcConfigurer {
    static final String UI_LOCATION = "classpath:/META-INF/resources/";
    private static final List<String> SERVER_PREFIXES = List.of("api/", "actuator", "v3/api-docs", "swagger-ui", "assets/");

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        registry.addResourceHandler("/**")
                .addResourceLocations(UI_LOCATION, "classpath:/static/")
                .resourceChain(true)
                .addResolver(new ClientRouteResolver());
    }

    /** The file when there is one; index.html for client-side routes; nothing otherwise. */
    static final class ClientRouteResolver extends PathResourceResolver {
        private final Resource index = new ClassPathResource("META-INF/resources/index.html");

        @Override
        protected Resource getResource(String resourcePath, Resource location) throws IOException {
            Resource file = super.getResource(resourcePath, location);
            if (file != null) return file;
            return isClientRoute(resourcePath) && index.exists() ? index : null;
        }

        static boolean isClientRoute(String path) {
            if (SERVER_PREFIXES.stream().anyMatch(path::startsWith)) return false;
            String last = path.substring(path.lastIndexOf('/') + 1);
            return !last.contains(".");
        }
    }
}
