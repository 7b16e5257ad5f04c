package io.vidyut.mdm.readings;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.common.FieldErrorsException;
import io.vidyut.mdm.common.Roles;
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
@RequestMapping("/api/v1/meters/{meter_id}")
@Tag(name = "Meter data", description = "A meter's stored intervals and register reads")
class ConsumptionController {
    private final ConsumptionService consumption;
    private final Clock clock;

    ConsumptionController(ConsumptionService consumption, Clock clock) {
        this.consumption = consumption;
        this.clock = clock;
    }

    @GetMapping("/consumption")
    @Roles.Staff
    @Operation(summary = "Interval data of a meter, bucketed to 15m, 30m, 1h, 1d or 1mo, with quality per point and totals",
            description = "from/to are ISO-8601 instants with offset "
                    + "(default: the last 24 hours); days and months follow the tenant's time zone.")
    ConsumptionSeries consumption(@PathVariable("meter_id") UUID meterId,
                                  @RequestParam(required = false) OffsetDateTime from,
                                  @RequestParam(required = false) OffsetDateTime to,
                                  @RequestParam(defaultValue = "15m") String resolution,
                                  @RequestParam(defaultValue = "KWH_IMPORT") String channel) {
        Instant end = to == null ? clock.instant() : to.toInstant();
        Instant start = from == null ? end.minus(Duration.ofDays(1)) : from.toInstant();
        return consumption.series(meterId, channel(channel), start, end, Resolution.parse(resolution));
    }

    @GetMapping("/registers")
    @Roles.Staff
    @Operation(summary = "Register reads (cumulative energy, maximum demand, instantaneous values) of a meter",
            description = "Default range: the last 31 days.")
    List<ConsumptionService.RegisterRead> registers(@PathVariable("meter_id") UUID meterId,
                                                    @RequestParam(required = false) OffsetDateTime from,
                                                    @RequestParam(required = false) OffsetDateTime to,
                                                    @RequestParam(required = false) String channel) {
        Instant end = to == null ? clock.instant() : to.toInstant();
        Instant start = from == null ? end.minus(Duration.ofDays(31)) : from.toInstant();
        return consumption.registers(meterId, channel == null ? null : channel(channel), start, end);
    }

    @GetMapping("/intervals/history")
    @Roles.Readers
    @Operation(summary = "Every version of one interval: the original as received, estimates, re-sends and edits",
            description = "'at' is the interval's end.")
    IntervalHistory history(@PathVariable("meter_id") UUID meterId, @RequestParam OffsetDateTime at,
                            @RequestParam(defaultValue = "KWH_IMPORT") String channel) {
        return consumption.history(meterId, channel(channel), at.toInstant());
    }

    private static Channel channel(String name) {
        try {
            return Channel.valueOf(name.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw FieldErrorsException.of("channel", "unknown channel " + name);
        }
    }
}
