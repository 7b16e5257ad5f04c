package io.vidyut.mdm.hes;

import io.vidyut.mdm.common.OutboundTargets;
import io.vidyut.mdm.tenancy.HesNetworks;
import io.vidyut.mdm.tenancy.TenantDirectory;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Where the MDM may call a tenant's HES (pulls, on-demand reads, commands): public addresses, and of the internal
 * ones ({@link OutboundTargets}) only those in the tenant's {@code hes_networks}, which the platform administrator
 * sets. Checked when a mapping is saved and again before every call (a name may resolve elsewhere later).
 * {@code mdm.hes.allow-private-targets} lifts the rule for a lab whose HES simulators run on the MDM's own host.
 */
@Component
public class PullTargets {
    private final TenantDirectory tenants;
    private final boolean allowPrivate;

    PullTargets(TenantDirectory tenants, HesProperties properties) {
        this.tenants = tenants;
        this.allowPrivate = properties.allowPrivateTargets();
    }

    /** Why the MDM may not call this URL for the tenant now, or empty when it may. */
    public Optional<String> refusal(UUID tenantId, String url) {
        return refusal(tenantId, url, OutboundTargets.Unresolved.REFUSED);
    }

    /** As {@link #refusal}, for a mapping being saved: a name this server cannot resolve yet may still be saved. */
    Optional<String> refusalToSave(UUID tenantId, String url) {
        return refusal(tenantId, url, OutboundTargets.Unresolved.LEFT_TO_THE_CALL);
    }

    private Optional<String> refusal(UUID tenantId, String url, OutboundTargets.Unresolved unresolved) {
        if (allowPrivate) return Optional.empty();
        HesNetworks networks = tenants.findById(tenantId).map(tenant -> HesNetworks.of(tenant.settings())).orElse(HesNetworks.NONE);
        return OutboundTargets.refusal(url, address -> networks.contains(address.getHostAddress()),
                "the platform administrator lists a tenant's private HES networks in its settings, hes_networks", unresolved);
    }
}
