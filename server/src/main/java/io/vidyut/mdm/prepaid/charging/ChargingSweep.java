package io.vidyut.mdm.prepaid.charging;

import io.vidyut.mdm.tenancy.Tenant;
import io.vidyut.mdm.tenancy.TenantContext;
import io.vidyut.mdm.tenancy.TenantDirectory;
import io.vidyut.mdm.tenancy.TenantScope;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Charges each tenant's prepaid accounts by itself: every {@code mdm.prepaid.charging.sweep}, through the day before
 * once {@code settle-hours} of the tenant-local day have passed (late data has had that long), re-pricing the
 * {@code recheck-days} before. A sweep that finds nothing new costs a query per chunk of accounts.
 */
@Component
class ChargingSweep {
    private static final Logger log = LoggerFactory.getLogger(ChargingSweep.class);
    private final DailyCharging charging;
    private final ChargingSettings settings;
    private final TenantDirectory tenants;
    private final Clock clock;

    ChargingSweep(DailyCharging charging, ChargingSettings settings, TenantDirectory tenants, Clock clock) {
        this.charging = charging;
        this.settings = settings;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Scheduled(initialDelayString = "${mdm.prepaid.charging.sweep:PT15M}", fixedDelayString = "${mdm.prepaid.charging.sweep:PT15M}")
    void sweep() {
        sweep(clock.instant());
    }

    void sweep(Instant now) {
        for (Tenant tenant : tenants.all()) {
            try {
                DailyCharging.Outcome outcome = TenantContext.callAs(TenantScope.of(tenant.id(), tenant.code()),
                        () -> charging.run(through(now, tenant), settings.recheckDays()));
                if (outcome.charged() + outcome.adjusted() > 0) {
                    log.info("Prepaid charging of tenant {}: {} account-days charged, {} days re-priced ({} adjusted)", tenant.code(),
                            outcome.charged(), outcome.repriced(), outcome.adjusted());
                }
            } catch (RuntimeException e) {
                log.warn("Prepaid charging of tenant {} failed; the next sweep goes on from where it stopped", tenant.code(), e);
            }
        }
    }

    /** The last day to charge at {@code now}: the day before, once the settling hours of today have passed. */
    LocalDate through(Instant now, Tenant tenant) {
        return now.minusSeconds(settings.settleHours() * 3600L).atZone(tenants.zoneOf(tenant.id())).toLocalDate().minusDays(1);
    }
}
