package io.vidyut.mdm.readings;

import io.vidyut.mdm.channels.Quality;
import io.vidyut.mdm.channels.Channel;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A meter's channel over a time range, bucketed, with quality and completeness per point and in total. */
public record ConsumptionSeries(UUID meterId, Channel channel, String unit, Resolution resolution,
                                OffsetDateTime from, OffsetDateTime to, List<Point> points, Total total) {

    /**
     * One bucket. {@code value} is the sum of energy (or the mean of an average channel) over the
     * intervals present; {@code intervals} of {@code expectedIntervals} were present.
     */
    public record Point(OffsetDateTime start, OffsetDateTime end, BigDecimal value, Set<Quality> quality,
                        int intervals, int expectedIntervals) {}

    public record Total(BigDecimal value, long intervals, long expectedIntervals, BigDecimal completeness) {}
}
