package io.vidyut.mdm.hes.mapping;

import io.vidyut.mdm.dlms.ObisCode;
import io.vidyut.mdm.channels.Channel;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves a vendor's code for a quantity — an OBIS code in any notation, or a vendor's own name —
 * to a canonical channel: the vendor's explicit mapping first, then the IS 15959 standard codes.
 */
final class ChannelCodes {
    /** Distinct codes remembered per parser: a batch repeats a handful of codes a million times. */
    private static final int REMEMBERED = 1024;
    private final Map<String, Channel> explicit = new HashMap<>();
    private final Map<String, Optional<Channel>> resolved = new HashMap<>();

    ChannelCodes(Map<String, String> codes) {
        codes.forEach((code, channel) -> explicit.put(key(code), Channel.valueOf(channel)));
    }

    /** Not thread-safe: one parser reads one payload on one thread. */
    Optional<Channel> resolve(String code) {
        if (code == null) return Optional.empty();
        Optional<Channel> known = resolved.get(code);
        if (known != null) return known;
        Optional<Channel> channel = lookUp(code);
        if (resolved.size() < REMEMBERED) resolved.put(code, channel);
        return channel;
    }

    private Optional<Channel> lookUp(String code) {
        Channel mapped = explicit.get(key(code));
        if (mapped != null) return Optional.of(mapped);
        return obis(code).flatMap(Channel::ofStandardObis);
    }

    static boolean isChannel(String name) {
        try {
            Channel.valueOf(name);
            return true;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    /** OBIS codes compare in dotted form whatever their notation; other codes compare as written (case-insensitive). */
    private static String key(String code) {
        return obis(code).orElse(code.trim().toUpperCase(Locale.ROOT));
    }

    private static Optional<String> obis(String code) {
        try {
            return Optional.of(ObisCode.parse(code.trim()).toString());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
