package io.vidyut.mdm.billing.systems;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.billing.systems.BillingSystem.BillingSystemChange;
import io.vidyut.mdm.billing.systems.BillingSystem.BillingSystemSecret;
import io.vidyut.mdm.billing.systems.BillingSystem.NewBillingSystem;
import io.vidyut.mdm.common.Roles;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/billing/systems")
@Tag(name = "Billing", description = "Billing-grade (VEE-processed) data, locked periods and corrections")
class BillingSystemController {
    private final BillingSystems systems;

    BillingSystemController(BillingSystems systems) {
        this.systems = systems;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Roles.TenantAdmin
    @Operation(summary = "Add a billing system, with the secret it signs webhook requests with",
            description = "The secret is shown in this answer only; it is stored sealed. 422 with field errors, 409 for a "
                    + "code the tenant already has. See docs/billing.md.")
    BillingSystemSecret create(@RequestBody NewBillingSystem body, Authentication caller) {
        return systems.create(body, caller.getName());
    }

    @GetMapping
    @Roles.Readers
    @Operation(summary = "The tenant's billing systems, by code (without secrets)")
    List<BillingSystem> list() {
        return systems.list();
    }

    @GetMapping("/{code}")
    @Roles.Readers
    @Operation(summary = "One billing system (without secrets)")
    BillingSystem get(@PathVariable String code) {
        return systems.get(code);
    }

    @PutMapping("/{code}")
    @Roles.TenantAdmin
    @Operation(summary = "Change a billing system's name, billing window or delivery",
            description = "What is left out keeps its value; a delivery replaces the stored one, except that an SFTP "
                    + "delivery without a password keeps the stored password.")
    BillingSystem update(@PathVariable String code, @RequestBody BillingSystemChange body) {
        return systems.update(code, body);
    }

    @PostMapping("/{code}/rotate-secret")
    @Roles.TenantAdmin
    @Operation(summary = "Make a new signing secret, shown in this answer only",
            description = "The secret it replaces is still accepted until the next rotation, so the billing system can "
                    + "switch over without a gap; the one before that is refused from now on.")
    BillingSystemSecret rotateSecret(@PathVariable String code) {
        return systems.rotateSecret(code);
    }
}
