package io.vidyut.mdm.simulator.pull;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Which answer a request path asks for: {@code /hes/{vendor}/meters/{serial}/read}, {@code …/profile} or
 * {@code …/commands}.
 * Segments are URL-decoded the way the MDM encodes them (URLEncoder: a space travels as '+').
 */
record PullRoute(String vendor, String serial, Kind kind) {
    enum Kind { READ, PROFILE, COMMANDS }

    static PullRoute parse(String rawPath) {
        String[] parts = rawPath.split("/", -1);
        if (parts.length != 6 || !parts[0].isEmpty() || !parts[1].equals("hes") || !parts[3].equals("meters")
                || parts[2].isEmpty() || parts[4].isEmpty()) {
            throw PullRefusal.notFound("no such resource; use /hes/{vendor}/meters/{serial}/read, /profile or /commands");
        }
        Kind kind = switch (parts[5]) {
            case "read" -> Kind.READ;
            case "profile" -> Kind.PROFILE;
            case "commands" -> Kind.COMMANDS;
            default -> throw PullRefusal.notFound("no such resource: " + parts[5] + " (read, profile or commands)");
        };
        return new PullRoute(decode(parts[2]).toUpperCase(Locale.ROOT), decode(parts[4]), kind);
    }

    static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw PullRefusal.badRequest("badly encoded text: " + text);
        }
    }
}
