package io.vidyut.mdm.simulator;

import io.vidyut.mdm.simulator.fleet.ConsumerProfile;
import io.vidyut.mdm.simulator.fleet.Fleet;
import io.vidyut.mdm.simulator.fleet.MeterRole;
import io.vidyut.mdm.simulator.fleet.SimMeter;
import io.vidyut.mdm.simulator.fleet.SyntheticFleet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/** Shared fixtures: small fleets and fixed dates. */
public final class TestFleets {
    /** A Wednesday. */
    public static final LocalDate WEDNESDAY = LocalDate.of(2026, 11, 25);
    public static final LocalDate SATURDAY = LocalDate.of(2026, 11, 28);
    public static final LocalDate SUNDAY = LocalDate.of(2026, 11, 29);
    /** 10:20 IST on Thursday 26 Nov 2026. */
    public static final Instant THURSDAY_MORNING = ZonedDateTime.parse("2026-11-26T10:20:00+05:30[Asia/Kolkata]")
            .toInstant();

    private TestFleets() {
    }

    /** 2 feeders × 3 DTs × 12 consumers, meters spread over the three demo vendors: 80 meters. */
    public static Fleet small() {
        return SyntheticFleet.generate(7, 2, 3, 12, Simulator.DEMO_VENDORS);
    }

    public static SimMeter home(String serial, double sanctionedKw, boolean netMetered) {
        return SimMeter.of("M-" + serial, serial, "HPL", MeterRole.CONSUMER, false, 1, 1,
                new ConsumerProfile("C-" + serial, sanctionedKw, "LT-1 Domestic", netMetered, "DT-1"), null);
    }

    public static SimMeter shop(String serial, double sanctionedKw) {
        return SimMeter.of("M-" + serial, serial, "HPL", MeterRole.CONSUMER, true, 1, 1,
                new ConsumerProfile("C-" + serial, sanctionedKw, "LT-2 Non-Domestic", false, "DT-1"), null);
    }
}
