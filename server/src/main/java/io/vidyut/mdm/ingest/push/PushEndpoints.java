package io.vidyut.mdm.ingest.push;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The HES push endpoints pass {@link PushLimits} before their bodies are read. */
@Configuration(proxyBeanMethods = false)
class PushEndpoints implements WebMvcConfigurer {
    static final String READINGS = "/api/v1/meters/readings";
    static final String EVENTS = "/api/v1/meters/events";

    private final PushLimits limits;

    PushEndpoints(PushLimits limits) {
        this.limits = limits;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(limits).addPathPatterns(READINGS, EVENTS);
    }
}
