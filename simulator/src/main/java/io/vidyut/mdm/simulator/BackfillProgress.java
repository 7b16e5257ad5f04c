package io.vidyut.mdm.simulator;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;

/**
 * How far a backfill has come: the days {@code firstDay}…{@code lastDay} (the last one up to now) of {@code meters}
 * meters, sent in {@code blocksTotal} blocks (a vendor's payloads for some meter-days) of which {@code blocksDone}
 * are delivered.
 */
public record BackfillProgress(int meters, LocalDate firstDay, LocalDate lastDay, long blocksDone, long blocksTotal,
                               Duration elapsed, boolean finished) {

    /** Done so far, 0 … 1. */
    public double share() {
        return finished ? 1 : blocksTotal == 0 ? 0 : Math.min(1, (double) blocksDone / blocksTotal);
    }

    public long days() {
        return lastDay.toEpochDay() - firstDay.toEpochDay() + 1;
    }

    /** Time left at the rate so far; empty before the first block is done. */
    public Optional<Duration> remaining() {
        if (finished) return Optional.of(Duration.ZERO);
        double share = share();
        if (share <= 0) return Optional.empty();
        return Optional.of(Duration.ofMillis(Math.round(elapsed.toMillis() / share - elapsed.toMillis())));
    }
}
