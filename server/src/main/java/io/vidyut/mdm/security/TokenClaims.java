package io.vidyut.mdm.security;

import io.vidyut.mdm.tenancy.Tenant;
import io.vidyut.mdm.tenancy.TenantDirectory;
import io.vidyut.mdm.tenancy.TenantScope;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * What our tokens say: {@code tenant} (code), {@code tenant_id}, {@code roles}. Tokens of an
 * external OIDC issuer may carry only the tenant code; its id is then looked up once and cached.
 */
@Component
class TokenClaims {
    static final String TENANT = "tenant";
    static final String TENANT_ID = "tenant_id";
    static final String ROLES = "roles";
    /** The sign-in session the token belongs to: it stops working when that session ends. */
    static final String SESSION = "sid";

    private final TenantDirectory tenants;
    private final Map<String, UUID> tenantIds = new ConcurrentHashMap<>();

    TokenClaims(TenantDirectory tenants) {
        this.tenants = tenants;
    }

    Collection<GrantedAuthority> authorities(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(ROLES);
        if (roles == null) return List.of();
        return roles.stream()
                .filter(role -> !Role.HES.name().equals(role))
                .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                .toList();
    }

    TenantScope scope(Jwt jwt) {
        boolean platform = authorities(jwt).stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + Role.PLATFORM_ADMIN.name()));
        String code = jwt.getClaimAsString(TENANT);
        if (code == null) {
            return platform ? TenantScope.platformScope() : null;
        }
        String id = jwt.getClaimAsString(TENANT_ID);
        UUID tenantId = id != null ? UUID.fromString(id) : tenantIds.computeIfAbsent(code, this::lookup);
        return tenantId == null ? null : new TenantScope(tenantId, code, platform);
    }

    private UUID lookup(String code) {
        return tenants.findByCode(code)
                .map(Tenant::id).orElse(null);
    }
}
