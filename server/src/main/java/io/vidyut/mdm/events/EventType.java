package io.vidyut.mdm.events;

/**
 * One IS 15959 event code: what it means, its profile and severity, and whether it opens an episode
 * (occurrence, odd), closes one (restoration, even: {@code code - 1} is its occurrence) or stands alone.
 */
public record EventType(int code, String name, EventCategory category, EventSeverity severity, Role role) {

    public enum Role { OCCURRENCE, RESTORATION, STANDALONE }

    /** The occurrence a restoration closes, or this code itself. */
    public int occurrenceCode() {
        return role == Role.RESTORATION ? code - 1 : code;
    }
}
