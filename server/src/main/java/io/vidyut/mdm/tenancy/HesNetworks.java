package io.vidyut.mdm.tenancy;

import io.vidyut.mdm.common.CidrList;
import io.vidyut.mdm.common.FieldErrorsException;
import java.util.List;
import java.util.Map;

/**
 * The private networks where a tenant's HES systems answer the MDM's pulls and commands, from its settings
 * ({@code "hes_networks": ["10.20.0.0/16"]}). An HES often sits in the DISCOM's own data centre, behind a VPN;
 * anywhere else private (the MDM's own host and network) stays out of reach. Set by the platform administrator,
 * never by the tenant, so a tenant cannot open its way into the MDM's network.
 */
public record HesNetworks(List<String> cidrs) {
    public static final HesNetworks NONE = new HesNetworks(List.of());

    public static HesNetworks of(Map<String, Object> settings) {
        Object section = settings == null ? null : settings.get("hes_networks");
        if (section == null) return NONE;
        if (!(section instanceof List<?> entries) || !entries.stream().allMatch(String.class::isInstance)) {
            throw FieldErrorsException.of("settings.hes_networks", "a list of IP addresses or CIDR blocks");
        }
        return new HesNetworks(CidrList.validate(entries.stream().map(String.class::cast).toList(), "settings.hes_networks"));
    }

    public boolean contains(String address) {
        return CidrList.allows(cidrs, address);
    }
}
