package io.vidyut.mdm.billing.tariffs;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.common.Roles;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/billing/tariffs")
@Tag(name = "Billing", description = "Billing-grade (VEE-processed) data, locked periods and corrections")
class TariffController {
    private final Tariffs tariffs;

    TariffController(Tariffs tariffs) {
        this.tariffs = tariffs;
    }

    @GetMapping
    @Roles.Readers
    @Operation(summary = "The tenant's tariff versions, the latest effective first",
            description = "With 'on' (a date), only the version in force that day (none before the first).")
    List<Tariffs.Summary> list(@RequestParam(required = false) LocalDate on) {
        return tariffs.list(on);
    }

    @GetMapping("/{id}")
    @Roles.Readers
    @Operation(summary = "One tariff version with its categories, slots, slabs and charges, and the warnings it was accepted with")
    TariffStore.TariffVersion get(@PathVariable UUID id) {
        return tariffs.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Roles.TenantAdmin
    @Operation(summary = "Add a tariff version, in force from its effective_from",
            description = "Every problem is a field error (422): bounds, slab order, ToD slots covering each month's 24 h "
                    + "exactly once, the Rules 2023 multipliers. Lawful oddities come back as warnings. See docs/billing.md.")
    TariffStore.TariffVersion create(@RequestBody Tariff body, Authentication caller) {
        return tariffs.create(body, caller.getName());
    }

    @PostMapping("/preview")
    @Roles.Readers
    @Operation(summary = "The charges by component a category's consumer would be billed for the given determinants",
            description = "Under the version tariff_id, or the one in force on 'on' (default today, tenant-local).")
    Tariffs.Preview preview(@RequestBody Tariffs.PreviewRequest body) {
        return tariffs.preview(body);
    }
}
