package io.vidyut.mdm.tenancy;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.common.Roles;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Tenants", description = "DISCOMs on the platform")
class TenantController {
    private static final String STATE = "Indian state or union territory served, as GET /platform/states names it";
    private final TenantService tenants;

    TenantController(TenantService tenants) {
        this.tenants = tenants;
    }

    record CreateTenant(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,31}") String code,
                        @NotBlank String name, String timeZone,
                        @Schema(description = STATE, example = "Haryana") String state) {}

    record UpdateTenant(String name, String timeZone,
                        @Schema(description = STATE, example = "Haryana") String state,
                        Map<String, Object> settings) {}

    @GetMapping("/platform/tenants")
    @Roles.PlatformAdmin
    @Operation(summary = "List tenants")
    List<Tenant> list() {
        return tenants.list();
    }

    @PostMapping("/platform/tenants")
    @ResponseStatus(HttpStatus.CREATED)
    @Roles.PlatformAdmin
    @Operation(summary = "Create a tenant (DISCOM)")
    Tenant create(@Valid @RequestBody CreateTenant request) {
        return tenants.create(new TenantDirectory.NewTenant(request.code(), request.name(), request.timeZone(),
                request.state()));
    }

    @GetMapping("/platform/states")
    @Roles.PlatformAdmin
    @Operation(summary = "India's states and union territories, the values a tenant's state may take")
    List<IndianState> states() {
        return IndianState.ALL;
    }

    @GetMapping("/platform/tenants/{code}")
    @Roles.PlatformAdmin
    @Operation(summary = "Get a tenant")
    Tenant get(@PathVariable String code) {
        return tenants.get(code);
    }

    @PutMapping("/platform/tenants/{code}")
    @Roles.PlatformAdmin
    @Operation(summary = "Update a tenant's name, time zone, state or settings")
    Tenant update(@PathVariable String code, @RequestBody UpdateTenant request) {
        return tenants.update(code, new TenantService.Changes(request.name(), request.timeZone(), request.state(),
                request.settings()));
    }

    @GetMapping("/tenant")
    @Roles.SignedIn
    @Operation(summary = "The caller's own tenant")
    Tenant mine() {
        TenantContext.requireTenantId();
        String code = TenantContext.current().orElseThrow().tenantCode();
        return tenants.get(code);
    }
}
