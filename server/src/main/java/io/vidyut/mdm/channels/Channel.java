package io.vidyut.mdm.channels;

import io.vidyut.mdm.channels.ChannelKind;
import io.vidyut.mdm.channels.Channel;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The MDM's canonical channels: whatever OBIS code, notation or unit a vendor uses, a reading ends
 * up on one of these, in its canonical unit, stored as a fixed-point integer of {@code resolution}.
 */
public enum Channel {
    KWH_IMPORT(1, ChannelKind.INTERVAL, "kWh", "0.0001", "1.0.1.29.0.255", true),
    KWH_EXPORT(2, ChannelKind.INTERVAL, "kWh", "0.0001", "1.0.2.29.0.255", true),
    KVAH_IMPORT(3, ChannelKind.INTERVAL, "kVAh", "0.0001", "1.0.9.29.0.255", true),
    KVAH_EXPORT(4, ChannelKind.INTERVAL, "kVAh", "0.0001", "1.0.10.29.0.255", true),
    VOLTAGE_R_AVG(10, ChannelKind.INTERVAL, "V", "0.01", "1.0.32.27.0.255", false),
    VOLTAGE_Y_AVG(11, ChannelKind.INTERVAL, "V", "0.01", "1.0.52.27.0.255", false),
    VOLTAGE_B_AVG(12, ChannelKind.INTERVAL, "V", "0.01", "1.0.72.27.0.255", false),
    CURRENT_R_AVG(13, ChannelKind.INTERVAL, "A", "0.001", "1.0.31.27.0.255", false),
    CURRENT_Y_AVG(14, ChannelKind.INTERVAL, "A", "0.001", "1.0.51.27.0.255", false),
    CURRENT_B_AVG(15, ChannelKind.INTERVAL, "A", "0.001", "1.0.71.27.0.255", false),
    KWH_IMPORT_TOTAL(30, ChannelKind.REGISTER, "kWh", "0.0001", "1.0.1.8.0.255", true),
    KWH_EXPORT_TOTAL(31, ChannelKind.REGISTER, "kWh", "0.0001", "1.0.2.8.0.255", true),
    KVAH_IMPORT_TOTAL(32, ChannelKind.REGISTER, "kVAh", "0.0001", "1.0.9.8.0.255", true),
    KVAH_EXPORT_TOTAL(33, ChannelKind.REGISTER, "kVAh", "0.0001", "1.0.10.8.0.255", true),
    MD_KW(34, ChannelKind.REGISTER, "kW", "0.001", "1.0.1.6.0.255", true),
    MD_KVA(35, ChannelKind.REGISTER, "kVA", "0.001", "1.0.9.6.0.255", true),
    POWER_FACTOR(36, ChannelKind.REGISTER, "", "0.001", "1.0.13.7.0.255", false),
    FREQUENCY(37, ChannelKind.REGISTER, "Hz", "0.01", "1.0.14.7.0.255", false),
    VOLTAGE_R(38, ChannelKind.REGISTER, "V", "0.01", "1.0.32.7.0.255", false),
    VOLTAGE_Y(39, ChannelKind.REGISTER, "V", "0.01", "1.0.52.7.0.255", false),
    VOLTAGE_B(40, ChannelKind.REGISTER, "V", "0.01", "1.0.72.7.0.255", false),
    CURRENT_R(41, ChannelKind.REGISTER, "A", "0.001", "1.0.31.7.0.255", false),
    CURRENT_Y(42, ChannelKind.REGISTER, "A", "0.001", "1.0.51.7.0.255", false),
    CURRENT_B(43, ChannelKind.REGISTER, "A", "0.001", "1.0.71.7.0.255", false);

    private static final Map<Integer, Channel> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toMap(Channel::code, Function.identity()));
    private static final Map<String, Channel> BY_OBIS = Arrays.stream(values())
            .collect(Collectors.toMap(Channel::obis, Function.identity()));

    private final int code;
    private final ChannelKind kind;
    private final String unit;
    private final BigDecimal resolution;
    private final String obis;
    private final boolean scaledByTransformers;

    Channel(int code, ChannelKind kind, String unit, String resolution, String obis, boolean scaledByTransformers) {
        this.code = code;
        this.kind = kind;
        this.unit = unit;
        this.resolution = new BigDecimal(resolution);
        if (!this.resolution.unscaledValue().equals(java.math.BigInteger.ONE)) {
            throw new IllegalArgumentException("a resolution is a power of ten: " + resolution);
        }
        this.obis = obis;
        this.scaledByTransformers = scaledByTransformers;
    }

    /** Stable number stored in the database. */
    public int code() {
        return code;
    }

    public ChannelKind kind() {
        return kind;
    }

    /** Canonical unit of the channel's values. */
    public String unit() {
        return unit;
    }

    /** The smallest step stored: a value is kept as value / resolution, an integer. */
    public BigDecimal resolution() {
        return resolution;
    }

    /**
     * A value in whole steps of the resolution (a power of ten: no division), rounded half to even: a source
     * finer than the resolution (Wh with scaler -1) sends exact halves often, and rounding them all up would
     * bias every meter's energy upwards.
     */
    public BigDecimal toUnits(BigDecimal value) {
        return value.scaleByPowerOfTen(resolution.scale()).setScale(0, java.math.RoundingMode.HALF_EVEN);
    }

    /** What a stored fixed-point value is in the channel's unit, without trailing zeros. */
    public BigDecimal fromUnits(long fixedPoint) {
        return resolution.multiply(BigDecimal.valueOf(fixedPoint)).stripTrailingZeros();
    }

    /** IS 15959 OBIS code of the quantity, dotted notation. */
    public String obis() {
        return obis;
    }

    /** Energy and demand go through CT and PT; the secondary side's voltage and current are reported as measured. */
    public boolean scaledByTransformers() {
        return scaledByTransformers;
    }

    /** Energy adds up over time (kWh, kVAh); averages and instantaneous values do not. */
    public boolean additive() {
        return unit.endsWith("h");
    }

    public static Channel ofCode(int code) {
        Channel channel = BY_CODE.get(code);
        if (channel == null) throw new IllegalArgumentException("unknown channel code " + code);
        return channel;
    }

    /** The canonical channel of a standard OBIS code in dotted six-group notation. */
    public static Optional<Channel> ofStandardObis(String dottedObis) {
        return Optional.ofNullable(BY_OBIS.get(dottedObis));
    }
}
