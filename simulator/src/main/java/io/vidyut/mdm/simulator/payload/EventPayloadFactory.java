package io.vidyut.mdm.simulator.payload;

import io.vidyut.mdm.dlms.DlmsData;
import io.vidyut.mdm.dlms.DlmsUnits;
import io.vidyut.mdm.dlms.ObisCode;
import io.vidyut.mdm.dlms.ProfileBuffer;
import io.vidyut.mdm.simulator.event.SimEvent;
import io.vidyut.mdm.simulator.fleet.SimMeter;
import io.vidyut.mdm.simulator.load.IntervalClock;
import io.vidyut.mdm.simulator.load.Noise;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each vendor's event messages (the demo mappings' {@code events} sections read them):
 * <ul>
 * <li>Vendor A (HPL): one batch, the vendor's own text codes, IST times:
 * {@code {"batch_id":"HPL-EV-<uuid>","events":[{"serial":"HPL…","at":"2026-11-26T09:58:12+05:30","code":"PWR_FAIL"}]}}</li>
 * <li>Vendor B (VOLTA): one message per meter, IS 15959 numbers, epoch seconds:
 * {@code {"dev":"VLT…","events":[{"ts":1764131292,"id":101}]}}</li>
 * <li>Vendor C (KIRAN): one DLMS notification per meter and IS 15959 event log (0.0.99.98.e.255 with the event
 * code object 0.0.96.11.e.255: e = 0 voltage, 2 power, 4 other, 5 non-roll-over), each row clock and code.</li>
 * </ul>
 * Ids and invoke-ids come from the content, so a resend is recognised by the MDM.
 */
public final class EventPayloadFactory {
    /** Vendor A's own codes for the IS 15959 events the simulator plays. */
    public static final Map<Integer, String> HPL_CODES = Map.ofEntries(
            Map.entry(101, "PWR_FAIL"), Map.entry(102, "PWR_RESTORE"),
            Map.entry(201, "MAGNET_ON"), Map.entry(202, "MAGNET_OFF"),
            Map.entry(203, "ND_ON"), Map.entry(204, "ND_OFF"),
            Map.entry(251, "COVER_OPEN"),
            Map.entry(7, "OVER_V"), Map.entry(8, "OVER_V_OK"),
            Map.entry(9, "LOW_V"), Map.entry(10, "LOW_V_OK"));
    private static final int DATA_CLASS = 1;
    private static final int VALUE_ATTRIBUTE = 2;
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final JsonMapper json = JsonMapper.builder().build();

    /** The vendor's messages for these events (in time order), in its wire format. */
    public List<Payload> build(String vendorCode, WireFormat format, List<SimEvent> events) {
        if (events.isEmpty()) return List.of();
        return switch (format) {
            case HPL_JSON -> List.of(hpl(vendorCode, events));
            case VOLTA_JSON -> byMeter(events).values().stream().map(meterEvents -> volta(vendorCode, meterEvents)).toList();
            case KIRAN_DLMS -> {
                List<Payload> notifications = new ArrayList<>();
                byMeter(events).values().forEach(meterEvents -> notifications.addAll(kiran(vendorCode, meterEvents)));
                yield notifications;
            }
        };
    }

    private Payload hpl(String vendorCode, List<SimEvent> events) {
        ByteArrayOutputStream rows = new ByteArrayOutputStream(128 * events.size());
        try (JsonGenerator out = json.createGenerator(rows)) {
            out.writeStartArray();
            for (SimEvent event : events) {
                out.writeStartObject();
                out.writeStringProperty("serial", event.meter().serial());
                out.writeStringProperty("at", ISO.format(OffsetDateTime.ofInstant(event.at(), IntervalClock.IST)));
                out.writeStringProperty("code", HPL_CODES.getOrDefault(event.code(), String.valueOf(event.code())));
                out.writeEndObject();
            }
            out.writeEndArray();
        }
        byte[] rowBytes = rows.toByteArray();
        String batchId = vendorCode + "-EV-" + UUID.nameUUIDFromBytes(rowBytes);
        String body = "{\"batch_id\":\"" + batchId + "\",\"events\":" + new String(rowBytes, StandardCharsets.UTF_8) + "}";
        return new Payload(vendorCode, WireFormat.HPL_JSON, Payload.Kind.EVENTS, HplPayloadFactory.CONTENT_TYPE,
                body.getBytes(StandardCharsets.UTF_8), events.size(), batchId, null);
    }

    private Payload volta(String vendorCode, List<SimEvent> events) {
        SimMeter meter = events.get(0).meter();
        ByteArrayOutputStream body = new ByteArrayOutputStream(64 + 32 * events.size());
        try (JsonGenerator out = json.createGenerator(body)) {
            out.writeStartObject();
            out.writeStringProperty("dev", meter.serial());
            out.writeName("events");
            out.writeStartArray();
            for (SimEvent event : events) {
                out.writeStartObject();
                out.writeNumberProperty("ts", event.at().getEpochSecond());
                out.writeNumberProperty("id", event.code());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        return new Payload(vendorCode, WireFormat.VOLTA_JSON, Payload.Kind.EVENTS, VoltaPayloadFactory.CONTENT_TYPE,
                body.toByteArray(), events.size(), null, "hes/volta/" + meter.serial() + "/events");
    }

    private static List<Payload> kiran(String vendorCode, List<SimEvent> events) {
        Map<Integer, List<SimEvent>> byLog = new TreeMap<>();
        for (SimEvent event : events) byLog.computeIfAbsent(eventLog(event.code()), k -> new ArrayList<>()).add(event);
        List<Payload> notifications = new ArrayList<>();
        byLog.forEach((log, logged) -> {
            SimMeter meter = logged.get(0).meter();
            List<ProfileBuffer.Column> columns = List.of(ProfileBuffer.Column.clock(),
                    new ProfileBuffer.Column(new ObisCode(0, 0, 96, 11, log, 255), DATA_CLASS, VALUE_ATTRIBUTE, 0,
                            DlmsUnits.NONE_GIVEN));
            List<List<DlmsData>> rows = logged.stream().map(e -> List.<DlmsData>of(
                    new DlmsData.OctetString(KiranPayloadFactory.clock(e.at()).toBytes()),
                    new DlmsData.Unsigned16(e.code()))).toList();
            SimEvent last = logged.get(logged.size() - 1);
            int invokeId = (int) (Noise.hash(log, meter.key(), last.at().getEpochSecond(), rows.size()) & 0xFF_FFFF);
            byte[] body = new ProfileBuffer(new ObisCode(0, 0, 99, 98, log, 255), meter.serial(), columns, rows)
                    .encode(invokeId, KiranPayloadFactory.clock(last.at())).encode();
            notifications.add(new Payload(vendorCode, WireFormat.KIRAN_DLMS, Payload.Kind.EVENTS,
                    KiranPayloadFactory.CONTENT_TYPE, body, rows.size(), null, null));
        });
        return notifications;
    }

    /** IS 15959 keeps events in logs by code range: 1–50 voltage (0), 51–100 current (1), 101–150 power (2), …. */
    static int eventLog(int code) {
        return (code - 1) / 50;
    }

    private static Map<SimMeter, List<SimEvent>> byMeter(List<SimEvent> events) {
        Map<SimMeter, List<SimEvent>> byMeter = new LinkedHashMap<>();
        for (SimEvent event : events) byMeter.computeIfAbsent(event.meter(), k -> new ArrayList<>()).add(event);
        return byMeter;
    }
}
