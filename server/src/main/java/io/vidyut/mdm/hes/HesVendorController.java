package io.vidyut.mdm.hes;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.common.Roles;
import io.vidyut.mdm.security.MachineClient;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
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
@Tag(name = "HES vendors", description = "Head-end systems feeding the MDM, their API keys and IP allowlists")
class HesVendorController {
    private final HesVendorService vendors;

    HesVendorController(HesVendorService vendors) {
        this.vendors = vendors;
    }

    record CreateVendor(@NotBlank String code, @NotBlank String name, @NotNull HesProtocol protocol,
                        List<String> ipAllowlist) {}

    record UpdateVendor(String name, HesProtocol protocol, List<String> ipAllowlist) {}

    record NewKey(UUID vendorId, String apiKey, String note) {}

    @GetMapping("/hes-vendors")
    @Roles.Readers
    @Operation(summary = "List HES vendors")
    Page<HesVendor> list(@RequestParam(required = false) HesProtocol protocol,
                         @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return vendors.list(protocol == null ? null : protocol.name(), new PageRequest(page, size));
    }

    @PostMapping("/hes-vendors")
    @ResponseStatus(HttpStatus.CREATED)
    @Roles.TenantAdmin
    @Operation(summary = "Register an HES vendor; the response shows its first API key once")
    HesVendorService.VendorWithKey create(@Valid @RequestBody CreateVendor request) {
        return vendors.create(new HesVendorService.NewVendor(request.code(), request.name(), request.protocol(),
                request.ipAllowlist()));
    }

    @GetMapping("/hes-vendors/{id}")
    @Roles.Readers
    @Operation(summary = "Get an HES vendor")
    HesVendor get(@PathVariable UUID id) {
        return vendors.get(id);
    }

    @PutMapping("/hes-vendors/{id}")
    @Roles.TenantAdmin
    @Operation(summary = "Change an HES vendor's name, protocol or IP allowlist")
    HesVendor update(@PathVariable UUID id, @RequestBody UpdateVendor request) {
        return vendors.update(id, request.name(), request.protocol(), request.ipAllowlist());
    }

    @DeleteMapping("/hes-vendors/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Roles.TenantAdmin
    @Operation(summary = "Remove an HES vendor with no meters")
    void delete(@PathVariable UUID id) {
        vendors.delete(id);
    }

    @PostMapping("/hes-vendors/{id}/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    @Roles.TenantAdmin
    @Operation(summary = "Issue a new API key (shown once); optionally revoke the others")
    NewKey rotate(@PathVariable UUID id, @RequestParam(name = "revoke_others", defaultValue = "false") boolean revokeOthers) {
        return new NewKey(id, vendors.rotateKey(id, revokeOthers), "Store this key now: it is not shown again");
    }

    record ClientCertificate(String certificate) {}

    @PostMapping("/hes-vendors/{id}/client-certificates")
    @ResponseStatus(HttpStatus.CREATED)
    @Roles.TenantAdmin
    @Operation(summary = "Register a client certificate (PEM) the vendor's HES presents over mutual TLS instead of an API key",
            description = "The server must run with TLS and MDM_TLS_CLIENT_CA naming the CA that "
                    + "issued the certificate; the vendor's IP allowlist still applies. Listed and revoked with the "
                    + "vendor's API keys (prefix x509:).")
    HesVendorService.RegisteredCertificate addCertificate(@PathVariable UUID id, @RequestBody ClientCertificate request) {
        return vendors.addClientCertificate(id, request.certificate());
    }

    @DeleteMapping("/hes-vendors/{id}/api-keys/{keyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Roles.TenantAdmin
    @Operation(summary = "Revoke an API key or a client certificate")
    void revoke(@PathVariable UUID id, @PathVariable UUID keyId) {
        vendors.revokeKey(id, keyId);
    }

    @GetMapping("/hes/self")
    @Roles.Hes
    @Operation(summary = "For an HES: which vendor and tenant its API key stands for")
    MachineClient self(@AuthenticationPrincipal MachineClient client) {
        return client;
    }
}
