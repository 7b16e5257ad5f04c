package io.vidyut.mdm.demo;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.common.Roles;
import io.vidyut.mdm.tenancy.TenantContext;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * What the demo's simulated HES is doing, for the overview of a demo server (absent from any other). Only the demo
 * tenant's users learn about its fleet; any other tenant on a demo server sees no back-fill.
 */
@RestController
@ConditionalOnBooleanProperty("mdm.demo.enabled")
@ConditionalOnClass(name = DemoSimulatorMissing.SIMULATOR)
@Tag(name = "Demo")
class DemoController {
    private final DemoTraffic traffic;

    DemoController(DemoTraffic traffic) {
        this.traffic = traffic;
    }

    @GetMapping("/api/v1/demo/backfill")
    @Roles.SignedIn
    @Operation(summary = "The demo back-fill's progress: days, meters, percent, time left",
            description = "Only on a server started with bin/mdm demo (404 elsewhere).")
    DemoBackfill backfill() {
        boolean demoTenant = TenantContext.current().map(scope -> DemoCredentials.TENANT.equals(scope.tenantCode()))
                .orElse(false);
        if (!demoTenant) return DemoBackfill.NONE;
        return traffic.backfillProgress().map(DemoBackfill::of)
                .orElse(traffic.backfillStarting() ? DemoBackfill.STARTING : DemoBackfill.NONE);
    }
}
