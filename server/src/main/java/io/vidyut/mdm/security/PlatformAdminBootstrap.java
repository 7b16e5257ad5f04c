package io.vidyut.mdm.security;

import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantScope;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** On first start, creates the platform administrator {@code admin} (password from MDM_ADMIN_PASSWORD or generated and logged once). */
@Component
@Order(0)
class PlatformAdminBootstrap implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(PlatformAdminBootstrap.class);
    static final String USERNAME = "admin";
    private final UserService users;
    private final SecurityProperties properties;

    PlatformAdminBootstrap(UserService users, SecurityProperties properties) {
        this.users = users;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        TenantContext.runAs(TenantScope.platformScope(), () -> {
            if (users.platformAdminExists()) return;
            boolean given = properties.adminPassword() != null && !properties.adminPassword().isBlank();
            String password = given ? properties.adminPassword() : HexFormat.of().formatHex(new SecureRandom().generateSeed(9));
            try {
                users.createPlatformAdmin(USERNAME, password);
            } catch (FieldErrorsException refused) {
                throw new IllegalStateException("MDM_ADMIN_PASSWORD does not meet the password policy: "
                        + refused.errors().get(0).message(), refused);
            }
            if (given) log.info("Created platform administrator '{}' with the password from MDM_ADMIN_PASSWORD", USERNAME);
            else log.warn("Created platform administrator '{}' with generated password {} (shown once; set MDM_ADMIN_PASSWORD to choose it)", USERNAME, password);
        });
    }
}
