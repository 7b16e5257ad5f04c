package io.vidyut.mdm.security;

import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.MDC;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/** Puts the authenticated caller's tenant (from the token or API key, never the body) on the request's thread. */
class TenantContextFilter extends OncePerRequestFilter {
    private final TokenClaims claims;

    TenantContextFilter(TokenClaims claims) {
        this.claims = claims;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        TenantScope scope = scopeOf(SecurityContextHolder.getContext().getAuthentication());
        if (scope == null) {
            chain.doFilter(request, response);
            return;
        }
        TenantContext.set(scope);
        MDC.put("tenant", scope.platform() && scope.tenantCode() == null ? "platform" : scope.tenantCode());
        try {
            chain.doFilter(request, response);
        } finally {
            TenantContext.clear();
            MDC.remove("tenant");
        }
    }

    private TenantScope scopeOf(Authentication authentication) {
        if (authentication == null) return null;
        if (authentication.getPrincipal() instanceof MachineClient client) {
            return TenantScope.of(client.tenantId(), client.tenantCode());
        }
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return claims.scope(jwt.getToken());
        }
        return null;
    }
}
