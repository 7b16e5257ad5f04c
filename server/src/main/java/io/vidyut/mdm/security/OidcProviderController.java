package io.vidyut.mdm.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.common.NotFoundException;
import io.vidyut.mdm.common.Roles;
import io.vidyut.mdm.tenancy.Tenant;
import io.vidyut.mdm.tenancy.TenantDirectory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The platform administrator sets a tenant's OIDC provider (its client secret is stored sealed, never shown). */
@RestController
@RequestMapping("/api/v1/platform/tenants/{code}/oidc")
@Tag(name = "Sign-in")
class OidcProviderController {
    private final OidcProviders providers;
    private final TenantDirectory tenants;

    OidcProviderController(OidcProviders providers, TenantDirectory tenants) {
        this.providers = providers;
        this.tenants = tenants;
    }

    @GetMapping
    @Roles.PlatformAdmin
    @Operation(summary = "A tenant's OIDC provider for staff single sign-on", description = ""
            + "The client secret is shown as ********; redirect_path is what to register at the provider, after the "
            + "MDM's public address (MDM_PUBLIC_URL).")
    OidcProviders.View get(@PathVariable String code) {
        Tenant tenant = tenant(code);
        return providers.of(tenant).map(OidcProviders::view)
                .orElseThrow(() -> new NotFoundException("OIDC provider of tenant", code));
    }

    @PutMapping
    @Roles.PlatformAdmin
    @Operation(summary = "Set a tenant's OIDC provider for staff single sign-on", description = ""
            + "issuer_uri (discovered at /.well-known/openid-configuration), client_id, client_secret (stored sealed; "
            + "******** or absent keeps the stored one), display_name (on the sign-in button), username_claim (the ID "
            + "token claim naming the MDM user, preferred_username unless given).")
    OidcProviders.View put(@PathVariable String code, @RequestBody OidcProviders.Settings settings) {
        return providers.save(tenant(code), settings);
    }

    @DeleteMapping
    @Roles.PlatformAdmin
    @Operation(summary = "Remove a tenant's OIDC provider", description = "Sessions already "
            + "started through it go on until they end.")
    ResponseEntity<Void> delete(@PathVariable String code) {
        if (!providers.remove(tenant(code))) throw new NotFoundException("OIDC provider of tenant", code);
        return ResponseEntity.noContent().build();
    }

    private Tenant tenant(String code) {
        return tenants.findByCode(code).orElseThrow(() -> new NotFoundException("Tenant", code));
    }
}
