package io.vidyut.mdm.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.common.NotFoundException;
import io.vidyut.mdm.common.Problems;
import io.vidyut.mdm.tenancy.Tenant;
import io.vidyut.mdm.tenancy.TenantDirectory;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.EnumSet;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/auth")
@Tag(name = "Sign-in")
class AuthController {
    private final UserService users;
    private final TokenService tokens;
    private final TenantDirectory tenants;

    AuthController(UserService users, TokenService tokens, TenantDirectory tenants) {
        this.users = users;
        this.tokens = tokens;
        this.tenants = tenants;
    }

    record Credentials(@NotBlank String username, @NotBlank String password) {}

    record SwitchTenant(@NotBlank String tenant) {}

    @PostMapping("/token")
    @Operation(summary = "Sign in and receive a JWT access token", description = "Roles: anonymous")
    ResponseEntity<?> token(@Valid @RequestBody Credentials credentials) {
        return users.verify(credentials.username(), credentials.password())
                .<ResponseEntity<?>>map(user -> ResponseEntity.ok(tokens.issue(user.username(), user.tenantId(),
                        user.tenantCode(), user.roles().stream().map(Role::name).sorted().toList())))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                        .body(Problems.of(HttpStatus.UNAUTHORIZED, "invalid-credentials",
                                "Sign-in failed", "Unknown username, wrong password or disabled account")));
    }

    @PostMapping("/switch-tenant")
    @PreAuthorize("hasRole('PLATFORM_ADMIN')")
    @Operation(summary = "Platform admin: a token that acts inside one tenant as its administrator",
            description = "Roles: PLATFORM_ADMIN")
    TokenService.IssuedToken switchTenant(@Valid @RequestBody SwitchTenant request, Authentication caller) {
        Tenant tenant = tenants.findByCode(request.tenant())
                .orElseThrow(() -> new NotFoundException("Tenant", request.tenant()));
        return tokens.issue(caller.getName(), tenant.id(), tenant.code(),
                List.of(Role.PLATFORM_ADMIN.name(), Role.TENANT_ADMIN.name()));
    }
}
