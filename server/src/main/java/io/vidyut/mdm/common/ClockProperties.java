package io.vidyut.mdm.common;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The server's clock ({@code mdm.clock.start}): empty, the system clock; an ISO date-time with offset, a clock that
 * starts there and ticks (tests and demos of a chosen hour).
 */
@ConfigurationProperties("mdm.clock")
record ClockProperties(String start) {
    ClockProperties {
        if (start == null) start = "";
    }
}
