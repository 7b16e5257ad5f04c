package io.vidyut.mdm.simulator.pull;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code from} and {@code to} of a profile request: the answer holds every interval whose end lies in
 * (from, to]. Both are ISO-8601 instants ({@code 2026-11-19T18:30:00Z}) or date-times with an offset.
 */
record ProfileRange(Instant from, Instant to) {
    /** The MDM's own limit for one history pull; a longer range is a client error. */
    static final Duration MAX = Duration.ofDays(31);

    static ProfileRange parse(String rawQuery) {
        Map<String, String> query = query(rawQuery);
        Instant from = instant("from", query.get("from"));
        Instant to = instant("to", query.get("to"));
        if (!to.isAfter(from)) {
            throw PullRefusal.badRequest("'to' must be after 'from'");
        }
        if (Duration.between(from, to).compareTo(MAX) > 0) {
            throw PullRefusal.badRequest("a profile covers at most 31 days; ask in parts");
        }
        return new ProfileRange(from, to);
    }

    private static Instant instant(String name, String text) {
        if (text == null || text.isBlank()) {
            throw PullRefusal.badRequest("'" + name + "' is required (ISO-8601, e.g. 2026-11-19T18:30:00Z)");
        }
        // an offset typed unencoded ("+05:30") reaches us as a space once the query is decoded
        String iso = text.strip().replace(' ', '+');
        try {
            return OffsetDateTime.parse(iso).toInstant();  // "Z" is an offset too
        } catch (DateTimeException e) {
            throw PullRefusal.badRequest("'" + name + "' is not an ISO-8601 date-time with offset: " + text);
        }
    }

    private static Map<String, String> query(String rawQuery) {
        Map<String, String> values = new HashMap<>();
        if (rawQuery == null) {
            return values;
        }
        for (String pair : rawQuery.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(PullRoute.decode(pair.substring(0, eq)), PullRoute.decode(pair.substring(eq + 1)));
            }
        }
        return values;
    }
}
