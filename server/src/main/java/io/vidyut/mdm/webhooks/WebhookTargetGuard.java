package io.vidyut.mdm.webhooks;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Server-side request forgery guard for webhook URLs: a tenant administrator must not make the MDM call
 * into its own network (the database host, a cloud metadata endpoint at 169.254.169.254, an admin port on
 * loopback). Unless {@code mdm.webhooks.allow-private-targets} is true, a URL whose host is, or resolves to
 * (any of its addresses), a loopback, private (10/8, 172.16/12, 192.168/16, fc00::/7), carrier-grade NAT
 * (100.64/10), link-local (169.254/16, fe80::/10), unspecified or multicast address is refused. Checked when
 * a subscription is made and again before every delivery (a name may resolve elsewhere later); the HTTP
 * client resolves the name once more itself, so a DNS answer that changes in between is not caught: put an
 * egress proxy or firewall in front of the MDM where that matters.
 */
@Component
class WebhookTargetGuard {
    private final boolean allowPrivate;

    WebhookTargetGuard(WebhookSettings settings) {
        this.allowPrivate = settings.allowPrivateTargets();
    }

    /** Why the URL may not be called, or empty when it may. */
    Optional<String> refusal(String url) {
        if (allowPrivate) return Optional.empty();
        String host;
        try {
            host = URI.create(url).getHost();
        } catch (IllegalArgumentException e) {
            return Optional.of("not a URL");
        }
        if (host == null) return Optional.of("no host");
        if (host.startsWith("[") && host.endsWith("]")) host = host.substring(1, host.length() - 1);
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.of("host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            if (isInternal(address)) {
                return Optional.of("host " + host + " is (or resolves to) the internal address " + address.getHostAddress()
                        + "; private, loopback and link-local targets are refused (mdm.webhooks.allow-private-targets)");
            }
        }
        return Optional.empty();
    }

    static boolean isInternal(InetAddress address) {
        if (address.isLoopbackAddress() || address.isAnyLocalAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return true;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            int first = bytes[0] & 0xff, second = bytes[1] & 0xff;
            return first == 0 || (first == 100 && second >= 64 && second < 128) // "this network", carrier-grade NAT
                    || (first == 192 && second == 0 && (bytes[2] & 0xff) == 0) || first >= 240; // IETF protocol, reserved
        }
        if (address instanceof Inet6Address) {
            return (bytes[0] & 0xfe) == 0xfc; // unique local fc00::/7
        }
        return false;
    }
}
