package io.vidyut.mdm.hes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.common.NotFoundException;
import io.vidyut.mdm.common.Roles;
import io.vidyut.mdm.hes.mapping.PayloadMapping;
import java.util.List;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/hes-vendors/{id}/mapping")
@Tag(name = "HES vendors")
class VendorMappingController {
    private final VendorMappingService mappings;

    VendorMappingController(VendorMappingService mappings) {
        this.mappings = mappings;
    }

    @GetMapping
    @Roles.Readers
    @Operation(summary = "The vendor's payload mapping in force")
    VendorMappingService.VersionedMapping current(@PathVariable UUID id, Authentication caller) {
        return forCaller(mappings.current(id).orElseThrow(() -> new NotFoundException("Payload mapping of vendor", id)),
                caller);
    }

    @PutMapping
    @Roles.TenantAdmin
    @Operation(summary = "Save a new version of the vendor's payload mapping (validated; in force at once)",
            description = "A secret sent back as ******** keeps the previous version's value.")
    VendorMappingService.VersionedMapping save(@PathVariable UUID id, @RequestBody PayloadMapping mapping,
                                               Authentication caller) {
        return mappings.save(id, mapping, caller.getName());
    }

    @GetMapping("/versions")
    @Roles.Readers
    @Operation(summary = "Every version of the vendor's mapping, newest first")
    List<VendorMappingService.VersionSummary> versions(@PathVariable UUID id) {
        return mappings.versions(id);
    }

    @GetMapping("/versions/{version}")
    @Roles.Readers
    @Operation(summary = "One version of the vendor's mapping")
    VendorMappingService.VersionedMapping version(@PathVariable UUID id, @PathVariable int version,
                                                  Authentication caller) {
        mappings.versions(id);
        return forCaller(mappings.version(id, version), caller);
    }

    /** Broker passwords and HES API keys are for tenant administrators' eyes only. */
    private static VendorMappingService.VersionedMapping forCaller(VendorMappingService.VersionedMapping mapping,
                                                                   Authentication caller) {
        boolean admin = caller.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_TENANT_ADMIN"));
        return admin ? mapping : new VendorMappingService.VersionedMapping(mapping.vendorId(), mapping.version(),
                mapping.mapping().masked(), mapping.createdAt(), mapping.createdBy());
    }
}
