package io.vidyut.mdm.simulator.payload;

import io.vidyut.mdm.simulator.fleet.SimMeter;
import io.vidyut.mdm.simulator.load.IntervalClock;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Vendor A (HPL): REST JSON with IS 15959 dotted OBIS codes, kWh/kVAh/V/A, ISO-8601 times with the IST offset
 * stamping the interval END. Many meters per batch:
 * <pre>
 * {"batch_id":"HPL-&lt;uuid&gt;","meters":[{"serial":"HPL23000001","intervals":[
 *   {"end":"2026-11-26T10:15:00+05:30","values":{"1.0.1.29.0.255":0.123,"1.0.9.29.0.255":0.131,
 *                                               "1.0.32.27.0.255":231.4,"1.0.31.27.0.255":2.1}}, …,
 *   {"end":"2026-11-27T00:00:00+05:30","values":{"1.0.1.8.0.255":12345.678}}]}]}
 * </pre>
 * The midnight register is its own element of "intervals" holding only 1.0.1.8.0.255. The batch id is a
 * name-based UUID of the meters' content, so the same data always travels under the same id and a resend is
 * recognised by the MDM as a duplicate.
 */
public final class HplPayloadFactory {
    public static final String CONTENT_TYPE = "application/json";
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final String vendorCode;
    private final JsonMapper json = JsonMapper.builder().build();

    public HplPayloadFactory(String vendorCode) {
        this.vendorCode = vendorCode;
    }

    public Payload build(List<MeterDay> meterDays) {
        ByteArrayOutputStream meters = new ByteArrayOutputStream(4096);
        int values = 0;
        try (JsonGenerator out = json.createGenerator(meters)) {
            out.writeStartArray();
            for (MeterDay meterDay : meterDays) {
                values += writeMeter(out, meterDay);
            }
            out.writeEndArray();
        }
        byte[] meterBytes = meters.toByteArray();
        String batchId = vendorCode + "-" + UUID.nameUUIDFromBytes(meterBytes);
        byte[] head = ("{\"batch_id\":\"" + batchId + "\",\"meters\":").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + meterBytes.length + 1];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(meterBytes, 0, body, head.length, meterBytes.length);
        body[body.length - 1] = '}';
        return new Payload(vendorCode, WireFormat.HPL_JSON, Payload.Kind.READINGS, CONTENT_TYPE, body, values, batchId, null);
    }

    private int writeMeter(JsonGenerator out, MeterDay meterDay) {
        SimMeter meter = meterDay.meter();
        boolean export = meterDay.reportsExport();
        int energyPlaces = meter.transformerOperated() ? 6 : 3;
        int currentPlaces = meter.transformerOperated() ? 3 : 2;
        int values = 0;
        out.writeStartObject();
        out.writeStringProperty("serial", meter.serial());
        out.writeName("intervals");
        out.writeStartArray();
        for (IntervalReading r : meterDay.intervals()) {
            out.writeStartObject();
            out.writeStringProperty("end", local(r.end()));
            out.writeName("values");
            out.writeStartObject();
            values += number(out, Obis.BLOCK_KWH_IMPORT.toString(), r.importKwh(), energyPlaces);
            if (export) {
                values += number(out, Obis.BLOCK_KWH_EXPORT.toString(), r.exportKwh(), energyPlaces);
            }
            values += number(out, Obis.BLOCK_KVAH_IMPORT.toString(), r.kvahImport(), energyPlaces);
            for (int p = 0; p < r.voltage().length; p++) {
                values += number(out, Obis.AVERAGE_VOLTAGE[p].toString(), r.voltage()[p], 1);
                values += number(out, Obis.AVERAGE_CURRENT[p].toString(), r.current()[p], currentPlaces);
            }
            out.writeEndObject();
            out.writeEndObject();
        }
        if (meterDay.register() != null) {
            out.writeStartObject();
            out.writeStringProperty("end", local(meterDay.register().at()));
            out.writeName("values");
            out.writeStartObject();
            values += number(out, Obis.CUMULATIVE_KWH_IMPORT.toString(), meterDay.register().importKwh(), 3);
            out.writeEndObject();
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
        return values;
    }

    private static int number(JsonGenerator out, String name, double value, int places) {
        out.writeName(name);
        out.writeNumber(Decimals.format(value, places));
        return 1;
    }

    static String local(Instant instant) {
        return OffsetDateTime.ofInstant(instant, IntervalClock.IST).format(ISO);
    }
}
