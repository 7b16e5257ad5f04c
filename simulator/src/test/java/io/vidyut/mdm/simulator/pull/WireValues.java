package io.vidyut.mdm.simulator.pull;

import io.vidyut.mdm.dlms.DataNotification;
import io.vidyut.mdm.dlms.ObisCode;
import io.vidyut.mdm.dlms.ProfileBuffer;
import io.vidyut.mdm.simulator.load.IntervalClock;
import io.vidyut.mdm.simulator.payload.Payload;
import io.vidyut.mdm.simulator.payload.WireFormat;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every value in a body of any of the three formats, read back the way the vendor's mapping reads it:
 * serial → interval end (or register time) → dotted OBIS → value, exact as written (trailing zeros stripped).
 */
final class WireValues {
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

    private WireValues() {
    }

    static Map<String, Map<Instant, Map<String, BigDecimal>>> of(List<Payload> payloads) {
        Map<String, Map<Instant, Map<String, BigDecimal>>> all = new TreeMap<>();
        for (Payload payload : payloads) {
            of(payload.format(), payload.body()).forEach((serial, times) ->
                    times.forEach((at, values) -> all.computeIfAbsent(serial, k -> new TreeMap<>())
                            .computeIfAbsent(at, k -> new TreeMap<>()).putAll(values)));
        }
        return all;
    }

    static Map<String, Map<Instant, Map<String, BigDecimal>>> of(WireFormat format, byte[] body) {
        Map<String, Map<Instant, Map<String, BigDecimal>>> values = new TreeMap<>();
        switch (format) {
            case HPL_JSON -> {
                for (JsonNode meter : JSON.readTree(body).path("meters")) {
                    for (JsonNode interval : meter.path("intervals")) {
                        Instant end = OffsetDateTime.parse(interval.path("end").asString()).toInstant();
                        interval.path("values").properties().forEach(e -> put(values, meter.path("serial").asString(),
                                end, e.getKey(), e.getValue().decimalValue()));
                    }
                }
            }
            case VOLTA_JSON -> {
                JsonNode message = JSON.readTree(body);
                Instant end = Instant.ofEpochSecond(message.path("ts").asLong() + IntervalClock.SECONDS);
                for (JsonNode entry : message.path("data")) {
                    put(values, message.path("dev").asString(), end,
                            ObisCode.parse(entry.path("obis").asString()).toString(),
                            BigDecimal.valueOf(entry.path("v").asLong(), -entry.path("s").asInt()));
                }
            }
            case KIRAN_DLMS -> {
                ProfileBuffer profile = ProfileBuffer.parse(DataNotification.decode(body));
                for (int row = 0; row < profile.rows().size(); row++) {
                    Instant end = profile.timestamp(row).toInstant(IntervalClock.IST);
                    for (int column = 0; column < profile.columns().size(); column++) {
                        if (!profile.columns().get(column).isClock()) {
                            put(values, profile.meterSerial(), end, profile.columns().get(column).obis().toString(),
                                    profile.scaledValue(row, column));
                        }
                    }
                }
            }
        }
        return values;
    }

    private static void put(Map<String, Map<Instant, Map<String, BigDecimal>>> values, String serial, Instant at,
                            String obis, BigDecimal value) {
        values.computeIfAbsent(serial, k -> new TreeMap<>()).computeIfAbsent(at, k -> new TreeMap<>())
                .put(obis, value.stripTrailingZeros());
    }
}
