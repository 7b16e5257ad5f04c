package io.vidyut.mdm.hes;

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
    private final Map<String, Channel> explicit = new HashMap<>();

    ChannelCodes(Map<String, String> codes) {
        codes.forEach((code, channel) -> explicit.put(key(code), Channel.valueOf(channel)));
    }

    Optional<Channel> resolve(String code) {
        if (code == null) return Optional.empty();
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
