package io.vidyut.mdm.security;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.common.NotFoundException;
import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.common.Roles;
import io.vidyut.mdm.tenancy.Tenant;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantDirectory;
import io.vidyut.mdm.tenancy.TenantScope;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Users", description = "People who sign in, and their roles")
class UserController {
    private final UserService users;
    private final TenantDirectory tenants;

    UserController(UserService users, TenantDirectory tenants) {
        this.users = users;
        this.tenants = tenants;
    }

    /** A directory user ({@code auth_source} DIRECTORY) comes without a password: they sign in with their directory's. */
    record CreateUser(@NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{3,64}") String username,
                      String password, String displayName, @NotEmpty Set<Role> roles, AuthSource authSource) {}

    record UpdateUser(String displayName, Set<Role> roles, Boolean enabled, String password) {}

    @GetMapping("/users/me")
    @Roles.SignedIn
    @Operation(summary = "The signed-in user")
    UserAccount me(Authentication caller) {
        return users.byUsername(caller.getName());
    }

    @GetMapping("/users")
    @Roles.TenantAdmin
    @Operation(summary = "List the tenant's users")
    Page<UserAccount> list(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return users.list(new PageRequest(page, size));
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    @Roles.TenantAdmin
    @Operation(summary = "Create a user in the caller's tenant", description = "A user with "
            + "auth_source DIRECTORY has no password here and signs in by a bind to the tenant's LDAP / Active Directory "
            + "(settings.ldap).")
    UserAccount create(@Valid @RequestBody CreateUser request) {
        return users.create(new UserDirectory.NewUser(request.username(), request.password(),
                request.displayName(), request.roles(), request.authSource()));
    }

    @GetMapping("/users/{id}")
    @Roles.TenantAdmin
    @Operation(summary = "Get a user")
    UserAccount get(@PathVariable UUID id) {
        TenantContext.requireTenantId();
        return users.get(id);
    }

    @PutMapping("/users/{id}")
    @Roles.TenantAdmin
    @Operation(summary = "Change a user's name, roles, password or enabled flag")
    UserAccount update(@PathVariable UUID id, @RequestBody UpdateUser request) {
        TenantContext.requireTenantId();
        return users.update(id, request.displayName(), request.roles(), request.enabled(), request.password());
    }

    @PostMapping("/platform/tenants/{code}/admins")
    @ResponseStatus(HttpStatus.CREATED)
    @Roles.PlatformAdmin
    @Operation(summary = "Create a tenant administrator for a tenant")
    UserAccount createTenantAdmin(@PathVariable String code, @Valid @RequestBody CreateUser request) {
        Tenant tenant = tenants.findByCode(code)
                .orElseThrow(() -> new NotFoundException("Tenant", code));
        Set<Role> roles = EnumSet.of(Role.TENANT_ADMIN);
        roles.addAll(request.roles());
        return TenantContext.callAs(TenantScope.of(tenant.id(), tenant.code()), () -> users.create(
                new UserDirectory.NewUser(request.username(), request.password(), request.displayName(), roles,
                        request.authSource())));
    }
}
