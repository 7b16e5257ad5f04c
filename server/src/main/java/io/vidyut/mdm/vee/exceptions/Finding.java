package io.vidyut.mdm.vee.exceptions;

import io.vidyut.mdm.channels.Channel;
import io.vidyut.mdm.vee.VeeRule;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * What one rule found over a run of intervals (first and last interval end) or at a register read, and whether it
 * holds those values back from billing (the meter class's settings decide, see {@code VeeSettings.blocks}).
 */
public record Finding(UUID meterId, Channel channel, VeeRule rule, Instant firstAt, Instant lastAt, Map<String, Object> detail,
                      boolean blocking) {

    /** The values and thresholds behind a finding, in the order given. */
    public static Map<String, Object> detail(Object... keyValues) {
        Map<String, Object> detail = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) detail.put((String) keyValues[i], keyValues[i + 1]);
        return detail;
    }

    /** A stored fixed-point value in the channel's unit. */
    public static BigDecimal value(Channel channel, long fixedPoint) {
        return channel.fromUnits(fixedPoint);
    }

    public static BigDecimal rounded(double value) {
        return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP);
    }
}
