package io.vidyut.mdm.common;

import java.util.ArrayList;
import java.util.List;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/** IP allowlist entries: CIDR blocks or single addresses, IPv4 or IPv6. */
public final class CidrList {
    private CidrList() {}

    /** The entries, trimmed; any that is not an address or block is refused as {@code field[i]}. */
    public static List<String> validate(List<String> entries, String field) {
        if (entries == null) return List.of();
        List<String> normalized = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i) == null ? "" : entries.get(i).trim();
            try {
                new IpAddressMatcher(entry);
                if (!entry.matches("[0-9a-fA-F:.]+(/\\d{1,3})?")) throw new IllegalArgumentException();
                normalized.add(entry);
            } catch (IllegalArgumentException e) {
                throw FieldErrorsException.of(field + "[" + i + "]", "not an IP address or CIDR block: " + entry);
            }
        }
        return normalized;
    }

    public static boolean allows(List<String> allowlist, String address) {
        return allowlist.stream().anyMatch(cidr -> new IpAddressMatcher(cidr).matches(address));
    }
}
