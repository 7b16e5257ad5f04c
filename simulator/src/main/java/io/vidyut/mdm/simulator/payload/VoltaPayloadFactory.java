package io.vidyut.mdm.simulator.payload;

import io.vidyut.mdm.dlms.ObisCode;
import io.vidyut.mdm.simulator.fleet.SimMeter;
import io.vidyut.mdm.simulator.load.IntervalClock;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Vendor B (VOLTA): one JSON message per meter-interval, IEC OBIS notation, integer values with a decimal scaler
 * and a unit (Wh, V, A), epoch seconds UTC stamping the interval START:
 * <pre>
 * {"dev":"VLT23000002","ts":1764130500,"data":[{"obis":"1-0:1.29.0*255","v":123,"s":0,"u":"Wh"},
 *   {"obis":"1-0:32.27.0*255","v":2314,"s":-1,"u":"V"},{"obis":"1-0:31.27.0*255","v":210,"s":-2,"u":"A"}]}
 * </pre>
 * Scalers: energy 0 (Wh) on whole-current meters, -3 (mWh) on CT/PT meters whose secondary-side energy would
 * otherwise round to a few Wh; voltage -1; current -2, or -3 on CT/PT meters. Published on
 * {@code hes/volta/<serial>/profile} over MQTT, or POSTed as-is.
 */
public final class VoltaPayloadFactory {
    public static final String CONTENT_TYPE = "application/json";

    private final String vendorCode;
    private final JsonMapper json = JsonMapper.builder().build();

    public VoltaPayloadFactory(String vendorCode) {
        this.vendorCode = vendorCode;
    }

    public static String topic(String serial) {
        return "hes/volta/" + serial + "/profile";
    }

    /** One message per interval of the meter-day (a register, which vendor B does not report, is ignored). */
    public List<Payload> build(MeterDay meterDay) {
        List<Payload> messages = new ArrayList<>(meterDay.intervals().size());
        boolean export = meterDay.reportsExport();
        for (IntervalReading reading : meterDay.intervals()) {
            messages.add(build(meterDay.meter(), reading, export));
        }
        return messages;
    }

    public Payload build(SimMeter meter, IntervalReading r, boolean reportExport) {
        int energyScaler = meter.transformerOperated() ? -3 : 0;
        int currentScaler = meter.transformerOperated() ? -3 : -2;
        ByteArrayOutputStream body = new ByteArrayOutputStream(256);
        int values = 0;
        try (JsonGenerator out = json.createGenerator(body)) {
            out.writeStartObject();
            out.writeStringProperty("dev", meter.serial());
            out.writeNumberProperty("ts", r.end().getEpochSecond() - IntervalClock.SECONDS);
            out.writeName("data");
            out.writeStartArray();
            values += entry(out, Obis.BLOCK_KWH_IMPORT, r.importKwh() * 1000, energyScaler, "Wh");
            if (reportExport) {
                values += entry(out, Obis.BLOCK_KWH_EXPORT, r.exportKwh() * 1000, energyScaler, "Wh");
            }
            for (int p = 0; p < r.voltage().length; p++) {
                values += entry(out, Obis.AVERAGE_VOLTAGE[p], r.voltage()[p], -1, "V");
                values += entry(out, Obis.AVERAGE_CURRENT[p], r.current()[p], currentScaler, "A");
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        return new Payload(vendorCode, WireFormat.VOLTA_JSON, Payload.Kind.READINGS, CONTENT_TYPE, body.toByteArray(), values, null,
                topic(meter.serial()));
    }

    private static int entry(JsonGenerator out, ObisCode obis, double value, int scaler, String unit) {
        out.writeStartObject();
        out.writeStringProperty("obis", obis.toIecString());
        out.writeNumberProperty("v", Decimals.scaled(value, scaler));
        out.writeNumberProperty("s", scaler);
        out.writeStringProperty("u", unit);
        out.writeEndObject();
        return 1;
    }
}
