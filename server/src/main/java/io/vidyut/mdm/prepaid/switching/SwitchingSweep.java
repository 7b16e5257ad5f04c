package io.vidyut.mdm.prepaid.switching;

import io.vidyut.mdm.tenancy.Tenant;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantDirectory;
import io.vidyut.mdm.tenancy.TenantScope;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every {@code mdm.prepaid.switching.sweep}, each tenant's prepaid switching ({@link Switching#sweep}). */
@Component
class SwitchingSweep {
    private static final Logger log = LoggerFactory.getLogger(SwitchingSweep.class);
    private final Switching switching;
    private final TenantDirectory tenants;
    private final Clock clock;

    SwitchingSweep(Switching switching, TenantDirectory tenants, Clock clock) {
        this.switching = switching;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${mdm.prepaid.switching.sweep:PT1M}", fixedDelayString = "${mdm.prepaid.switching.sweep:PT1M}")
    void sweep() {
        sweep(clock.instant());
    }

    void sweep(Instant now) {
        for (Tenant tenant : tenants.all()) {
            try {
                int sent = TenantContext.callAs(TenantScope.of(tenant.id(), tenant.code()), () -> switching.sweep(now));
                if (sent > 0) log.info("Prepaid switching of tenant {}: {} disconnections sent", tenant.code(), sent);
            } catch (RuntimeException e) {
                log.warn("Prepaid switching of tenant {} failed; the next sweep tries again", tenant.code(), e);
            }
        }
    }
}
