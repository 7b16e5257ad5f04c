package io.vidyut.mdm.events;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** The IS 15959 event codes (PRODUCT.md §4.2): the one language every vendor's events are put into. */
public final class EventCatalog {
    public static final int POWER_FAILURE = 101;
    public static final int POWER_RESTORED = 102;

    private static final Map<Integer, EventType> TYPES = new TreeMap<>();

    static {
        EventCategory v = EventCategory.VOLTAGE;
        pair(1, "R-phase voltage missing", v, EventSeverity.MAJOR);
        pair(3, "Y-phase voltage missing", v, EventSeverity.MAJOR);
        pair(5, "B-phase voltage missing", v, EventSeverity.MAJOR);
        pair(7, "Over-voltage", v, EventSeverity.MAJOR);
        pair(9, "Low voltage", v, EventSeverity.MINOR);
        pair(11, "Voltage unbalance", v, EventSeverity.MINOR);
        EventCategory c = EventCategory.CURRENT;
        pair(51, "R-phase CT reverse", c, EventSeverity.MAJOR);
        pair(53, "Y-phase CT reverse", c, EventSeverity.MAJOR);
        pair(55, "B-phase CT reverse", c, EventSeverity.MAJOR);
        pair(57, "R-phase CT open", c, EventSeverity.MAJOR);
        pair(59, "Y-phase CT open", c, EventSeverity.MAJOR);
        pair(61, "B-phase CT open", c, EventSeverity.MAJOR);
        pair(63, "Current unbalance", c, EventSeverity.MINOR);
        pair(65, "CT bypass", c, EventSeverity.CRITICAL);
        pair(67, "Over-current", c, EventSeverity.MAJOR);
        pair(POWER_FAILURE, "Power failure", EventCategory.POWER, EventSeverity.MAJOR);
        EventCategory t = EventCategory.TRANSACTION;
        single(151, "Real-time clock changed", t, EventSeverity.INFO);
        single(152, "Demand integration period changed", t, EventSeverity.INFO);
        single(153, "Profile capture period changed", t, EventSeverity.INFO);
        single(154, "Billing dates changed", t, EventSeverity.INFO);
        single(155, "Activity calendar changed", t, EventSeverity.INFO);
        pair(201, "Magnet influence", EventCategory.OTHER, EventSeverity.CRITICAL);
        pair(203, "Neutral disturbance", EventCategory.OTHER, EventSeverity.CRITICAL);
        pair(205, "Very low power factor", EventCategory.OTHER, EventSeverity.MINOR);
        single(251, "Cover open", EventCategory.NON_ROLLOVER, EventSeverity.CRITICAL);
        pair(301, "Load switch disconnected", "Load switch connected", EventCategory.CONTROL, EventSeverity.INFO);
    }

    private EventCatalog() {}

    public static Optional<EventType> lookup(Integer code) {
        return code == null ? Optional.empty() : Optional.ofNullable(TYPES.get(code));
    }

    public static boolean isOccurrence(int code) {
        return lookup(code).map(type -> type.role() == EventType.Role.OCCURRENCE).orElse(false);
    }

    /** An occurrence {@code code} (odd) and its restoration {@code code + 1}. */
    private static void pair(int code, String name, EventCategory category, EventSeverity severity) {
        pair(code, name + " (occurrence)", name + " (restoration)", category, severity);
    }

    private static void pair(int code, String occurrence, String restoration, EventCategory category,
                             EventSeverity severity) {
        TYPES.put(code, new EventType(code, occurrence, category, severity, EventType.Role.OCCURRENCE));
        TYPES.put(code + 1, new EventType(code + 1, restoration, category, EventSeverity.INFO, EventType.Role.RESTORATION));
    }

    private static void single(int code, String name, EventCategory category, EventSeverity severity) {
        TYPES.put(code, new EventType(code, name, category, severity, EventType.Role.STANDALONE));
    }
}
