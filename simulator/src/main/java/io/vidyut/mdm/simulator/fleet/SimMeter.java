package io.vidyut.mdm.simulator.fleet;

import io.vidyut.mdm.simulator.load.Noise;
import java.util.Objects;

/**
 * A meter as the simulator plays it.
 *
 * @param consumer the account for consumer meters, else null
 * @param nodeId   the network node (DT or feeder) measured by DT/feeder/boundary meters, else null
 * @param key      stable 64-bit hash of the serial: every random draw for this meter is keyed by it, so the
 *                 data depends on the meter, not on the order meters were listed in
 */
public record SimMeter(String id, String serial, String vendorCode, MeterRole role, boolean threePhase,
                       double ctRatio, double ptRatio, ConsumerProfile consumer, String nodeId, long key) {
    public SimMeter {
        Objects.requireNonNull(serial, "serial");
        Objects.requireNonNull(vendorCode, "vendorCode");
        Objects.requireNonNull(role, "role");
        if (!(ctRatio > 0) || !(ptRatio > 0)) {
            throw new IllegalArgumentException("CT and PT ratios must be positive for meter " + serial);
        }
        if (role == MeterRole.CONSUMER && consumer == null) {
            throw new IllegalArgumentException("consumer meter " + serial + " needs a consumer profile");
        }
    }

    public static SimMeter of(String id, String serial, String vendorCode, MeterRole role, boolean threePhase,
                              double ctRatio, double ptRatio, ConsumerProfile consumer, String nodeId) {
        return new SimMeter(id, serial, vendorCode, role, threePhase, ctRatio, ptRatio, consumer, nodeId,
                Noise.keyOf(serial));
    }

    /** CT ratio × PT ratio: what the MDM multiplies the reported (secondary-side) energy by. */
    public double multiplier() {
        return ctRatio * ptRatio;
    }

    /** Whether the meter sits behind instrument transformers and so reports small secondary-side values. */
    public boolean transformerOperated() {
        return multiplier() != 1.0;
    }

    public int phases() {
        return threePhase ? 3 : 1;
    }

    /** The DT the meter hangs under: its consumer's, or the one it measures; null for feeder and boundary meters. */
    public String dtId() {
        return switch (role) {
            case CONSUMER -> consumer.dtId();
            case DT -> nodeId;
            default -> null;
        };
    }

    public boolean netMetered() {
        return consumer != null && consumer.netMetered();
    }
}
