package io.vidyut.mdm.events;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.common.Page;
import io.vidyut.mdm.common.PageRequest;
import io.vidyut.mdm.common.Roles;
import io.vidyut.mdm.meters.MeterService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Events", description = "Meter events from every HES in IS 15959 codes")
class EventController {
    private static final Duration DEFAULT_PERIOD = Duration.ofDays(31);

    private final EventQueries events;
    private final MeterService meters;
    private final Clock clock;

    EventController(EventQueries events, MeterService meters, Clock clock) {
        this.events = events;
        this.meters = meters;
        this.clock = clock;
    }

    @GetMapping("/meters/{meter_id}/events")
    @Roles.Staff
    @Operation(summary = "Events of a meter, newest first, in IS 15959 codes with category and severity",
            description = "from/to are ISO-8601 instants with offset "
                    + "(default: the last 31 days); filter by category and code. Events whose vendor code maps to no "
                    + "IS 15959 code are listed with known=false and their raw code.")
    Page<MeterEvent> meterEvents(@PathVariable("meter_id") UUID meterId,
                                 @RequestParam(required = false) OffsetDateTime from,
                                 @RequestParam(required = false) OffsetDateTime to,
                                 @RequestParam(required = false) EventCategory category,
                                 @RequestParam(required = false) Integer code,
                                 @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        meters.get(meterId);
        Instant end = end(to);
        return events.list(new EventQueries.Filter(meterId, start(from, end), end, category, code, null),
                new PageRequest(page, size));
    }

    @GetMapping("/meters/{meter_id}/events/episodes")
    @Roles.Staff
    @Operation(summary = "A meter's occurrences paired with their restorations, with durations",
            description = "Default period: the last 31 days (at most 92). "
                    + "started_at is absent when the occurrence lies before the period, ended_at while it lasts.")
    List<Episode> episodes(@PathVariable("meter_id") UUID meterId,
                           @RequestParam(required = false) OffsetDateTime from,
                           @RequestParam(required = false) OffsetDateTime to) {
        meters.get(meterId);
        Instant end = end(to);
        return events.episodes(meterId, start(from, end), end);
    }

    @GetMapping("/events")
    @Roles.Readers
    @Operation(summary = "Events of every meter of the tenant, newest first",
            description = "Filter by period (default: the last 31 days), category, "
                    + "code, and known=false for events whose vendor code needs a mapping entry.")
    Page<MeterEvent> tenantEvents(@RequestParam(required = false) OffsetDateTime from,
                                  @RequestParam(required = false) OffsetDateTime to,
                                  @RequestParam(required = false) EventCategory category,
                                  @RequestParam(required = false) Integer code,
                                  @RequestParam(required = false) Boolean known,
                                  @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        Instant end = end(to);
        return events.list(new EventQueries.Filter(null, start(from, end), end, category, code, known),
                new PageRequest(page, size));
    }

    /** Meter clocks run a little ahead at times: "up to now" includes the few minutes HES pushes may be ahead. */
    private Instant end(OffsetDateTime to) {
        return to == null ? clock.instant().plus(Duration.ofMinutes(10)) : to.toInstant();
    }

    private static Instant start(OffsetDateTime from, Instant end) {
        return from == null ? end.minus(DEFAULT_PERIOD) : from.toInstant();
    }
}
