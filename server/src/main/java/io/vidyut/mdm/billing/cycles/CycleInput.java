package io.vidyut.mdm.billing.cycles;

import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.readings.IntervalDay;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** What one consumer's determinants for one period are computed from, loaded in bulk for many consumers. */
record CycleInput(Consumer consumer, List<MeterInput> meters, BigDecimal bankedOpeningKwh, int earlierExceedances) {

    /** The tenant-local days {@code firstDay}–{@code lastDay}: intervals ending in (first 00:00, last+1 00:00]. */
    record Period(LocalDate firstDay, LocalDate lastDay, ZoneId zone) {
        Instant start() {
            return firstDay.atStartOfDay(zone).toInstant();
        }

        Instant end() {
            return lastDay.plusDays(1).atStartOfDay(zone).toInstant();
        }

        int days() {
            return (int) (lastDay.toEpochDay() - firstDay.toEpochDay() + 1);
        }
    }

    record Consumer(UUID id, String accountNo, String category, BigDecimal sanctionedLoadKw, boolean netMetered, UUID dtId) {}

    /**
     * One meter the consumer had in the period (two after a replacement): its interval day rows (from the day before the
     * period, for the sum check of an opening read before midnight), what VEE holds back, and its import register
     * reads at the period's edges. {@code inService}: still at the consumer (a replaced meter has its final read).
     */
    record MeterInput(UUID meterId, String serial, boolean inService, List<IntervalDay> days, List<HeldBack> withheld,
                      Register opening, Register closing) {}

    /** Intervals of a channel ending in [firstAt, lastAt] that an open blocking VEE exception holds back. */
    record HeldBack(Channel channel, Instant firstAt, Instant lastAt) {
        boolean holds(Instant end) {
            return !end.isBefore(firstAt) && !end.isAfter(lastAt);
        }
    }

    /** A cumulative kWh import read, fixed point in the channel's resolution. */
    record Register(Instant at, long units) {}
}
