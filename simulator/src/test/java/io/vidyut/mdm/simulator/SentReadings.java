package io.vidyut.mdm.simulator;

import io.vidyut.mdm.dlms.DataNotification;
import io.vidyut.mdm.dlms.ProfileBuffer;
import io.vidyut.mdm.simulator.load.IntervalClock;
import io.vidyut.mdm.simulator.payload.Obis;
import io.vidyut.mdm.simulator.payload.Payload;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the block kWh import back out of payloads of all three formats, the way an MDM would: serial → interval
 * slot → kWh. Stamps are rounded to the nearest boundary so that a drifted clock still finds its interval.
 */
public final class SentReadings {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private SentReadings() {
    }

    public static Map<String, Map<Long, Double>> importKwh(List<Payload> payloads) {
        Map<String, Map<Long, Double>> readings = new HashMap<>();
        for (Payload payload : payloads) {
            switch (payload.format()) {
                case HPL_JSON -> {
                    for (JsonNode meter : JSON.readTree(payload.body()).path("meters")) {
                        for (JsonNode interval : meter.path("intervals")) {
                            JsonNode value = interval.path("values").path(Obis.BLOCK_KWH_IMPORT.toString());
                            if (!value.isMissingNode()) {
                                Instant end = OffsetDateTime.parse(interval.path("end").asString()).toInstant();
                                put(readings, meter.path("serial").asString(), end.getEpochSecond(), value.asDouble());
                            }
                        }
                    }
                }
                case VOLTA_JSON -> {
                    JsonNode message = JSON.readTree(payload.body());
                    for (JsonNode entry : message.path("data")) {
                        if (entry.path("obis").asString().equals(Obis.BLOCK_KWH_IMPORT.toIecString())) {
                            double wh = entry.path("v").asLong() * Math.pow(10, entry.path("s").asInt());
                            put(readings, message.path("dev").asString(),
                                    message.path("ts").asLong() + IntervalClock.SECONDS, wh / 1000);
                        }
                    }
                }
                case KIRAN_DLMS -> {
                    ProfileBuffer profile = ProfileBuffer.parse(DataNotification.decode(payload.body()));
                    for (int row = 0; row < profile.rows().size(); row++) {
                        Instant end = profile.timestamp(row).toInstant(IntervalClock.IST);
                        double wh = profile.scaledValue(row, Obis.BLOCK_KWH_IMPORT).doubleValue();
                        put(readings, profile.meterSerial(), end.getEpochSecond(), wh / 1000);
                    }
                }
            }
        }
        return readings;
    }

    private static void put(Map<String, Map<Long, Double>> readings, String serial, long endEpochSecond, double kwh) {
        long slot = Math.floorDiv(endEpochSecond + IntervalClock.SECONDS / 2, IntervalClock.SECONDS);
        readings.computeIfAbsent(serial, k -> new HashMap<>()).put(slot, kwh);
    }
}
