package io.vidyut.mdm.hes;

import io.vidyut.mdm.channels.Channel;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Converts a vendor's unit (name or DLMS unit code) into the canonical unit of a channel. */
final class Units {
    private record Unit(String dimension, BigDecimal toCanonical) {}

    /** Factor to the canonical unit of the dimension: kWh, kVAh, kW, kVA, V, A, Hz, none. */
    private static final Map<String, Unit> UNITS = Map.ofEntries(
            Map.entry("WH", new Unit("kWh", new BigDecimal("0.001"))),
            Map.entry("KWH", new Unit("kWh", BigDecimal.ONE)),
            Map.entry("MWH", new Unit("kWh", new BigDecimal("1000"))),
            Map.entry("VAH", new Unit("kVAh", new BigDecimal("0.001"))),
            Map.entry("KVAH", new Unit("kVAh", BigDecimal.ONE)),
            Map.entry("MVAH", new Unit("kVAh", new BigDecimal("1000"))),
            Map.entry("W", new Unit("kW", new BigDecimal("0.001"))),
            Map.entry("KW", new Unit("kW", BigDecimal.ONE)),
            Map.entry("VA", new Unit("kVA", new BigDecimal("0.001"))),
            Map.entry("KVA", new Unit("kVA", BigDecimal.ONE)),
            Map.entry("V", new Unit("V", BigDecimal.ONE)),
            Map.entry("KV", new Unit("V", new BigDecimal("1000"))),
            Map.entry("A", new Unit("A", BigDecimal.ONE)),
            Map.entry("MA", new Unit("A", new BigDecimal("0.001"))),
            Map.entry("HZ", new Unit("Hz", BigDecimal.ONE)),
            Map.entry("", new Unit("", BigDecimal.ONE)),
            // DLMS/COSEM unit enumeration (Blue Book): 27 W, 28 VA, 30 Wh, 31 VAh, 33 A, 35 V, 44 Hz, 255 none
            Map.entry("27", new Unit("kW", new BigDecimal("0.001"))),
            Map.entry("28", new Unit("kVA", new BigDecimal("0.001"))),
            Map.entry("30", new Unit("kWh", new BigDecimal("0.001"))),
            Map.entry("31", new Unit("kVAh", new BigDecimal("0.001"))),
            Map.entry("33", new Unit("A", BigDecimal.ONE)),
            Map.entry("35", new Unit("V", BigDecimal.ONE)),
            Map.entry("44", new Unit("Hz", BigDecimal.ONE)),
            Map.entry("255", new Unit("", BigDecimal.ONE)));

    private Units() {}

    /** The value in the channel's canonical unit, or empty when the unit does not measure that channel. */
    static Optional<BigDecimal> toCanonical(BigDecimal value, String unit, Channel channel) {
        Unit known = UNITS.get(normalize(unit));
        if (known == null || !known.dimension().equals(channel.unit())) return Optional.empty();
        return Optional.of(value.multiply(known.toCanonical()));
    }

    static boolean compatible(String unit, Channel channel) {
        Unit known = unit == null ? null : UNITS.get(normalize(unit));
        return known != null && known.dimension().equals(channel.unit());
    }

    private static String normalize(String unit) {
        return unit == null ? "" : unit.trim().toUpperCase(Locale.ROOT);
    }
}
