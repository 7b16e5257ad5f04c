package io.vidyut.mdm.hes.mapping;

import io.vidyut.mdm.channels.Channel;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/** Converts a vendor's unit (name or DLMS unit code) into the canonical unit of a channel. */
final class Units {
    private record Unit(String dimension, BigDecimal toCanonical) {}

    /** Factor to the canonical unit of the dimension: kWh, kVAh, kW, kVA, V, A, Hz, none. */
    private static final Map<String, Unit> UNITS = new java.util.HashMap<>();

    static {
        unit("kWh", "0.001", "Wh", "WH", "wh");
        unit("kWh", "1", "kWh", "KWh", "KWH", "kwh");
        unit("kWh", "1000", "MWh");
        unit("kVAh", "0.001", "VAh", "VAH", "vah");
        unit("kVAh", "1", "kVAh", "KVAh", "KVAH", "kvah");
        unit("kVAh", "1000", "MVAh");
        unit("kW", "0.001", "W", "w");
        unit("kW", "1", "kW", "KW", "kw");
        unit("kVA", "0.001", "VA", "va");
        unit("kVA", "1", "kVA", "KVA", "kva");
        unit("V", "1", "V", "v");
        unit("V", "1000", "kV", "KV", "kv");
        unit("A", "1", "A", "a");
        unit("A", "0.001", "mA");
        unit("Hz", "1", "Hz", "HZ", "hz");
        unit("", "1", "");
        // DLMS/COSEM unit enumeration (Blue Book): 27 W, 28 VA, 30 Wh, 31 VAh, 33 A, 35 V, 44 Hz, 255 none
        unit("kW", "0.001", "27");
        unit("kVA", "0.001", "28");
        unit("kWh", "0.001", "30");
        unit("kVAh", "0.001", "31");
        unit("A", "1", "33");
        unit("V", "1", "35");
        unit("Hz", "1", "44");
        unit("", "1", "255");
    }

    /** Spellings are matched exactly: m (milli) and M (mega) must not be confused. */
    private static void unit(String dimension, String factor, String... spellings) {
        for (String spelling : spellings) UNITS.put(spelling, new Unit(dimension, new BigDecimal(factor)));
    }

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
        return unit == null ? "" : unit.trim();
    }
}
