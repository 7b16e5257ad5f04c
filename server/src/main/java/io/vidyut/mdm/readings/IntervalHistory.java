package io.vidyut.mdm.readings;

import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.channels.Quality;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Every value one interval has had, oldest first: the original as it first arrived, then each
 * estimate, re-send and edit, with who or what wrote it and when it stopped being current.
 */
public record IntervalHistory(UUID meterId, Channel channel, OffsetDateTime intervalEnd, String unit,
                              List<Version> versions) {

    /** {@code value} null: the interval was missing in that version. */
    public record Version(BigDecimal value, Set<Quality> quality, OffsetDateTime validFrom, OffsetDateTime validTo,
                          String writtenBy, boolean current) {}
}
