package io.vidyut.mdm.vee.settings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.common.Roles;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/vee/settings")
@Tag(name = "VEE", description = "Validation, estimation and editing of meter data")
class VeeSettingsController {
    private final VeeSettingsService settings;

    VeeSettingsController(VeeSettingsService settings) {
        this.settings = settings;
    }

    @GetMapping
    @Roles.Readers
    @Operation(summary = "The VEE settings in force: DEFAULT and every meter class that has its own",
            description = "Version 0 is the built-in defaults.")
    List<VeeSettingsService.Versioned> current() {
        return settings.current();
    }

    @PutMapping("/{meter_class}")
    @Roles.TenantAdmin
    @Operation(summary = "Save the settings of DEFAULT or a meter class (CONSUMER, DT, FEEDER, BOUNDARY) as a new version",
            description = "Absent fields take the built-in defaults; inconsistent settings are refused with field errors.")
    VeeSettingsService.Versioned save(@PathVariable("meter_class") String meterClass, @RequestBody VeeSettings body,
                                      Authentication caller) {
        return settings.save(meterClass, body, caller.getName());
    }

    @GetMapping("/{meter_class}/versions")
    @Roles.Readers
    @Operation(summary = "Every saved version of a meter class's settings, newest first")
    List<VeeSettingsService.Versioned> versions(@PathVariable("meter_class") String meterClass) {
        return settings.versions(meterClass);
    }
}
