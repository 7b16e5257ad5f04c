package io.vidyut.mdm.events;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs a meter's occurrences (odd codes) with their restorations (even codes) into episodes. A repeated
 * occurrence while one is open belongs to that episode; a restoration with no open occurrence ends an
 * episode that began before the events given.
 */
final class EpisodePairing {
    private EpisodePairing() {}

    static List<Episode> pair(List<MeterEvent> events) {
        List<MeterEvent> ordered = new ArrayList<>(events);
        ordered.sort(Comparator.comparing(MeterEvent::occurredAt));
        Map<Integer, MeterEvent> open = new HashMap<>();
        List<Episode> episodes = new ArrayList<>();
        for (MeterEvent event : ordered) {
            EventType type = EventCatalog.lookup(event.code()).orElse(null);
            if (type == null || type.role() == EventType.Role.STANDALONE) continue;
            if (type.role() == EventType.Role.OCCURRENCE) {
                open.putIfAbsent(type.code(), event);
            } else {
                MeterEvent start = open.remove(type.occurrenceCode());
                episodes.add(episode(event.meterId(), type.occurrenceCode(), start, event));
            }
        }
        open.forEach((code, start) -> episodes.add(episode(start.meterId(), code, start, null)));
        episodes.sort(Comparator.comparing((Episode e) -> e.startedAt() != null ? e.startedAt() : e.endedAt()));
        return episodes;
    }

    private static Episode episode(java.util.UUID meterId, int code, MeterEvent start, MeterEvent end) {
        EventType type = EventCatalog.lookup(code).orElseThrow();
        String name = type.name().replace(" (occurrence)", "");
        Long duration = start != null && end != null
                ? java.time.Duration.between(start.occurredAt(), end.occurredAt()).toSeconds() : null;
        return new Episode(meterId, code, name, type.category(), type.severity(),
                start == null ? null : start.occurredAt(), end == null ? null : end.occurredAt(), duration);
    }
}
