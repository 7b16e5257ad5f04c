package io.vidyut.mdm.vee.edits;

import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.vee.EstimationMethod;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A correction of the intervals ending in (from, to] of one or more meters' channel.
 * SET writes {@code value} to every interval (or the listed {@code values} for one meter), SCALE
 * multiplies what is stored by {@code factor}, ESTIMATE replaces the range by an estimate
 * ({@code method}, or the first that applies).
 */
record EditRequest(List<UUID> meterIds, Channel channel, OffsetDateTime from, OffsetDateTime to, Action action,
                          BigDecimal value, List<IntervalValue> values, BigDecimal factor, EstimationMethod method,
                          EditReason reasonCode, String note) {

    public enum Action { SET, SCALE, ESTIMATE }

    public record IntervalValue(OffsetDateTime at, BigDecimal value) {}
}
