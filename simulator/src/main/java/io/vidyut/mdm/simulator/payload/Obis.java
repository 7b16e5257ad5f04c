package io.vidyut.mdm.simulator.payload;

import io.vidyut.mdm.dlms.ObisCode;

/** The IS 15959 codes the simulated meters report (PRODUCT §4.1). */
public final class Obis {
    public static final ObisCode BLOCK_KWH_IMPORT = ObisCode.parse("1.0.1.29.0.255");
    public static final ObisCode BLOCK_KWH_EXPORT = ObisCode.parse("1.0.2.29.0.255");
    public static final ObisCode BLOCK_KVAH_IMPORT = ObisCode.parse("1.0.9.29.0.255");
    public static final ObisCode CUMULATIVE_KWH_IMPORT = ObisCode.parse("1.0.1.8.0.255");
    /** Average voltage in the block, phases L1, L2, L3. */
    public static final ObisCode[] AVERAGE_VOLTAGE = {
            ObisCode.parse("1.0.32.27.0.255"), ObisCode.parse("1.0.52.27.0.255"), ObisCode.parse("1.0.72.27.0.255")};
    /** Average current in the block, phases L1, L2, L3. */
    public static final ObisCode[] AVERAGE_CURRENT = {
            ObisCode.parse("1.0.31.27.0.255"), ObisCode.parse("1.0.51.27.0.255"), ObisCode.parse("1.0.71.27.0.255")};

    private Obis() {
    }
}
