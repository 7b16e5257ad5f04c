package io.vidyut.mdm.simulator.payload;

import io.vidyut.mdm.dlms.CosemDateTime;
import io.vidyut.mdm.dlms.DlmsData;
import io.vidyut.mdm.dlms.DlmsUnits;
import io.vidyut.mdm.dlms.ObisCode;
import io.vidyut.mdm.dlms.ProfileBuffer;
import io.vidyut.mdm.simulator.fleet.SimMeter;
import io.vidyut.mdm.simulator.load.IntervalClock;
import io.vidyut.mdm.simulator.load.Noise;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Vendor C (KIRAN): a DLMS DATA-NOTIFICATION carrying the IS 15959 block load profile 1.0.99.1.0.255 in our push
 * convention (dlms/README.md): one notification per meter-block. Columns: clock 0.0.1.0.0.255 (class 8, attr 2)
 * as octet-string(12) holding the interval END in IST with deviation unspecified (0x8000); block kWh import
 * 1.0.1.29.0.255 (scaler 0, unit 30 Wh — scaler -3 on CT/PT meters); block kWh export 1.0.2.29.0.255 when the
 * meter exports; average voltage 1.0.32.27.0.255 (scaler -1, unit 35 V) and current 1.0.31.27.0.255 (scaler -2,
 * unit 33 A — -3 on CT/PT meters), plus the L2/L3 pair on 3P meters.
 *
 * <p>The invoke-id and the notification date-time are derived from the content, so the same meter-block is the
 * same bytes in every run and the MDM recognises a resend.
 */
public final class KiranPayloadFactory {
    public static final String CONTENT_TYPE = "application/octet-stream";
    private static final int REGISTER_CLASS = 3;
    private static final int VALUE_ATTRIBUTE = 2;

    private final String vendorCode;

    public KiranPayloadFactory(String vendorCode) {
        this.vendorCode = vendorCode;
    }

    public Payload build(MeterDay meterDay) {
        if (meterDay.intervals().isEmpty()) {
            throw new IllegalArgumentException("a block load profile needs at least one interval");
        }
        SimMeter meter = meterDay.meter();
        int energyScaler = meter.transformerOperated() ? -3 : 0;
        int currentScaler = meter.transformerOperated() ? -3 : -2;
        boolean export = meterDay.reportsExport();
        List<ProfileBuffer.Column> columns = new ArrayList<>();
        columns.add(ProfileBuffer.Column.clock());
        columns.add(column(Obis.BLOCK_KWH_IMPORT, energyScaler, DlmsUnits.WATT_HOUR));
        if (export) {
            columns.add(column(Obis.BLOCK_KWH_EXPORT, energyScaler, DlmsUnits.WATT_HOUR));
        }
        for (int p = 0; p < meter.phases(); p++) {
            columns.add(column(Obis.AVERAGE_VOLTAGE[p], -1, DlmsUnits.VOLT));
            columns.add(column(Obis.AVERAGE_CURRENT[p], currentScaler, DlmsUnits.AMPERE));
        }
        List<List<DlmsData>> rows = new ArrayList<>(meterDay.intervals().size());
        for (IntervalReading r : meterDay.intervals()) {
            List<DlmsData> row = new ArrayList<>(columns.size());
            row.add(new DlmsData.OctetString(clock(r.end()).toBytes()));
            row.add(unsigned32(r.importKwh() * 1000, energyScaler));
            if (export) {
                row.add(unsigned32(r.exportKwh() * 1000, energyScaler));
            }
            for (int p = 0; p < meter.phases(); p++) {
                row.add(new DlmsData.Unsigned16((int) clamp(Decimals.scaled(r.voltage()[p], -1), 0xFFFF)));
                row.add(unsigned32(r.current()[p], currentScaler));
            }
            rows.add(row);
        }
        ProfileBuffer profile = new ProfileBuffer(ObisCode.BLOCK_LOAD_PROFILE, meter.serial(), columns, rows);
        Instant last = meterDay.intervals().get(meterDay.intervals().size() - 1).end();
        int invokeId = (int) (Noise.hash(0, meter.key(), last.getEpochSecond(), rows.size()) & 0xFF_FFFF);
        byte[] body = profile.encode(invokeId, clock(last)).encode();
        int values = rows.size() * (columns.size() - 1);
        return new Payload(vendorCode, WireFormat.KIRAN_DLMS, Payload.Kind.READINGS, CONTENT_TYPE, body, values, null, null);
    }

    /** IST wall-clock time, deviation 0x8000 and clock status 0x00, as most Indian meters send it. */
    static CosemDateTime clock(Instant instant) {
        return CosemDateTime.ofLocal(LocalDateTime.ofInstant(instant, IntervalClock.IST));
    }

    private static ProfileBuffer.Column column(ObisCode obis, int scaler, int unit) {
        return new ProfileBuffer.Column(obis, REGISTER_CLASS, VALUE_ATTRIBUTE, scaler, unit);
    }

    private static DlmsData unsigned32(double value, int scaler) {
        return new DlmsData.Unsigned32(clamp(Decimals.scaled(value, scaler), 0xFFFF_FFFFL));
    }

    private static long clamp(long value, long max) {
        return Math.max(0, Math.min(value, max));
    }
}
