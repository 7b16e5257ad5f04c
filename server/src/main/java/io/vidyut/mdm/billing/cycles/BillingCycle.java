package io.vidyut.mdm.billing.cycles;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A group of consumers billed together: those supplied under {@code nodeIds} (any level), a period of {@code months}
 * (1 or 2) starting on {@code cycleDay} of the month.
 */
record BillingCycle(UUID id, String code, String name, int cycleDay, int months, List<UUID> nodeIds, String createdBy,
                    Instant createdAt) {

    /** The latest period that ended before {@code today}: from a cycle day to the day before the next one. */
    Period lastCompletePeriod(LocalDate today) {
        LocalDate nextStart = today.withDayOfMonth(cycleDay);
        if (nextStart.isAfter(today)) nextStart = nextStart.minusMonths(1);
        return new Period(nextStart.minusMonths(months), nextStart.minusDays(1));
    }

    record Period(LocalDate firstDay, LocalDate lastDay) {}
}
