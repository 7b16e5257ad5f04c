package io.vidyut.mdm.notifications;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * A notice to send: its kind, the consumer, the key that makes it once-only, and the values of the kind's
 * placeholders. A request that breaks these rules cannot be made ({@link IllegalArgumentException}).
 *
 * @param dedupeKey unique per tenant, at most {@value #MAX_DEDUPE_KEY} characters: a second request with the key
 *                  sends nothing and answers the first notice's id (so name the crossing it is about, e.g.
 *                  {@code low-balance:<consumer>:<crossing id>}); null for a notice that is never a repeat
 * @param values    keys among {@link NoticeKind#placeholders()}, each value 1 to {@value #MAX_VALUE} characters
 *                  without control characters
 */
public record NoticeRequest(NoticeKind kind, UUID consumerId, String dedupeKey, Map<String, String> values) {
    public static final int MAX_VALUE = 100;
    public static final int MAX_DEDUPE_KEY = 200;

    public NoticeRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(consumerId, "consumerId");
        if (dedupeKey != null && (dedupeKey.isBlank() || dedupeKey.length() > MAX_DEDUPE_KEY)) {
            throw new IllegalArgumentException("a dedupe key is 1 to " + MAX_DEDUPE_KEY + " characters, not blank");
        }
        values = values == null ? Map.of() : values;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            String key = entry.getKey(), value = entry.getValue();
            if (key == null || !kind.placeholders().contains(key)) {
                throw new IllegalArgumentException("a " + kind + " notice has no placeholder " + key + "; its placeholders are "
                        + kind.placeholders());
            }
            if (value == null || value.isEmpty() || value.length() > MAX_VALUE || value.chars().anyMatch(Character::isISOControl)) {
                throw new IllegalArgumentException("the value of " + key + " must be 1 to " + MAX_VALUE
                        + " characters without control characters");
            }
        }
        values = Map.copyOf(values);
    }
}
