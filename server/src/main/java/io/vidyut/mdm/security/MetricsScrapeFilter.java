package io.vidyut.mdm.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A Prometheus scraper presents the operator's scrape token ({@code MDM_METRICS_TOKEN}) as a bearer token on
 * {@code GET /actuator/prometheus} and gets the METRICS role, nothing else; without a configured token only platform
 * administrators read the metrics. The token is not a JWT, so the JWT filter is told to leave such a request alone.
 */
final class MetricsScrapeFilter extends OncePerRequestFilter {
    static final String PATH = "/actuator/prometheus";
    static final String ROLE = "METRICS";
    private final byte[] expected;

    MetricsScrapeFilter(String token) {
        this.expected = token == null || token.isBlank() ? null : ("Bearer " + token.strip()).getBytes(StandardCharsets.UTF_8);
    }

    boolean isScrape(HttpServletRequest request) {
        if (expected == null || !"GET".equals(request.getMethod()) || !PATH.equals(request.getRequestURI())) return false;
        String header = request.getHeader("Authorization");
        return header != null && MessageDigest.isEqual(expected, header.getBytes(StandardCharsets.UTF_8));
    }

    /** The JWT filter's token source, blind to scrape requests (whose token is not a JWT). */
    BearerTokenResolver jwtTokens() {
        DefaultBearerTokenResolver jwt = new DefaultBearerTokenResolver();
        return request -> isScrape(request) ? null : jwt.resolve(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isScrape(request)) {
            SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                    "metrics-scraper", null, List.of(new SimpleGrantedAuthority("ROLE_" + ROLE))));
        }
        chain.doFilter(request, response);
    }
}
