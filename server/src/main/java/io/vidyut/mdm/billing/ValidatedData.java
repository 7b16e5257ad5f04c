package io.vidyut.mdm.billing;

import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.channels.Quality;
import io.vidyut.mdm.readings.ConsumptionService;
import io.vidyut.mdm.vee.EstimationMethod;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Billing-grade data of one meter's channel: only values VEE has passed or a person resolved, each
 * with how it came to be; what is held back by an open exception is listed, never shown.
 */
record ValidatedData(UUID meterId, Channel channel, String unit, String resolution, OffsetDateTime from, OffsetDateTime to,
                     List<ValidatedPoint> intervals, List<Withheld> withheld, List<ConsumptionService.RegisterRead> registers,
                     Totals totals) {

    /** Billing quality of a value: as measured, estimated (with the methods), or edited by a person. */
    enum Grade { ACTUAL, ESTIMATED, EDITED }

    /** {@code value} is null unless every interval of the bucket is present and none is held back. */
    record ValidatedPoint(OffsetDateTime start, OffsetDateTime end, BigDecimal value, Grade quality, Set<EstimationMethod> methods,
                 int intervals, int expectedIntervals) {}

    record Withheld(UUID exceptionId, String rule, OffsetDateTime firstAt, OffsetDateTime lastAt) {}

    record Totals(BigDecimal value, long intervals, long withheldIntervals, long missingIntervals) {}

    static Grade grade(int quality) {
        if ((quality & Quality.EDITED.bit()) != 0) return Grade.EDITED;
        if ((quality & Quality.ESTIMATED.bit()) != 0) return Grade.ESTIMATED;
        return Grade.ACTUAL;
    }
}
