package io.vidyut.mdm.common;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one source of "now" for the whole server: every component that asks what time it is takes this
 * {@link Clock}, and SQL is handed its instant wherever a time is written or compared (due work, leases,
 * retention, "older than" filters) instead of calling the database's {@code now()}, so the two never disagree.
 * Only the interval and register version history keeps the database's own stamps (they are compared with
 * nothing the application computes).
 *
 * <p>{@code mdm.clock.start} (an ISO-8601 date-time with offset, e.g. {@code 2026-11-26T01:58:00+05:30}) starts
 * the clock at that instant and lets it tick from there: tests run the whole server at chosen times of day
 * (just after IST midnight, a DST change), and a rehearsal can replay a chosen day. Production leaves it empty:
 * the system clock, in UTC.
 */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {
    private static final Logger log = LoggerFactory.getLogger(ClockConfiguration.class);

    @Bean
    Clock clock(ClockProperties properties) {
        String start = properties.start();
        Clock system = Clock.systemUTC();
        if (start.isBlank()) return system;
        Instant chosen = OffsetDateTime.parse(start.strip()).toInstant();
        log.warn("The server's clock starts at {} (mdm.clock.start), not at the system's {}", chosen, system.instant());
        return startingAt(chosen, system);
    }

    /** A clock that reads {@code start} now and ticks with {@code system} from here on. */
    static Clock startingAt(Instant start, Clock system) {
        return Clock.offset(system, Duration.between(system.instant(), start));
    }
}
