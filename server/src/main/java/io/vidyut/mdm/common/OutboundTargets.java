package io.vidyut.mdm.common;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Server-side request forgery guard for URLs the MDM calls on a tenant's behalf (webhooks, HES pulls and commands):
 * a tenant must not make the MDM call into its own network — the database host, a cloud metadata endpoint at
 * 169.254.169.254, an admin port on loopback. A URL whose host is, or resolves to (any of its addresses), a loopback,
 * private (10/8, 172.16/12, 192.168/16, fc00::/7), carrier-grade NAT (100.64/10), link-local (169.254/16, fe80::/10),
 * unspecified or multicast address is refused unless the caller allows that address. The HTTP client resolves the
 * name once more itself, so a DNS answer that changes in between is not caught: put an egress proxy or firewall in
 * front of the MDM where that matters.
 */
public final class OutboundTargets {
    private OutboundTargets() {}

    /** Whether a host name that does not resolve (here, now) is refused, or left to fail when it is called. */
    public enum Unresolved { REFUSED, LEFT_TO_THE_CALL }

    /**
     * Why the URL may not be called, or empty when it may; {@code allowedInternal} admits internal addresses the
     * operator has allowed, and {@code howToAllow} tells the refused caller where that is set.
     */
    public static Optional<String> refusal(String url, Predicate<InetAddress> allowedInternal, String howToAllow,
                                           Unresolved unresolved) {
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
            return unresolved == Unresolved.REFUSED ? Optional.of("host " + host + " does not resolve") : Optional.empty();
        }
        for (InetAddress address : addresses) {
            if (isInternal(address) && !allowedInternal.test(address)) {
                return Optional.of("host " + host + " is (or resolves to) the internal address " + address.getHostAddress()
                        + "; private, loopback and link-local targets are refused (" + howToAllow + ")");
            }
        }
        return Optional.empty();
    }

    public static boolean isInternal(InetAddress address) {
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
